import type { WorkspaceIndex } from './workspace';

/** Positions are 0-based lines and UTF-16 columns, as in LSP, so editors need no conversion. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type FixSafety = 'safe' | 'unsafe';

export interface TextEdit {
  range: Range;
  newText: string;
  /**
   * Another file, by its path relative to the analysed document's folder, with forward slashes:
   * a file of a Dockerfile's build context, or (for a manifest) the Dockerfile of its image
   * elsewhere in the workspace (`../services/cart/Dockerfile`); absent means the analysed
   * document. An edit at 0:0 of a file that does not exist yet creates it.
   */
  file?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  safety: FixSafety;
  /** The obvious fix for its finding: editors bind it to the one-key quick fix. */
  isPreferred?: boolean;
}

export interface RelatedInformation {
  range: Range;
  message: string;
  /** Another file; absent means the same document. */
  file?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  related?: RelatedInformation[];
}

export type RuleCategory =
  | 'base-image'
  | 'process'
  | 'layers'
  | 'security'
  | 'correctness'
  | 'kubernetes'
  | 'xref';

/** Single source of a rule's docs page, settings schema entry and SARIF descriptor. */
export interface RuleMeta {
  id: string;
  defaultSeverity: SeveritySetting;
  category: RuleCategory;
  summary: string;
  why: string;
  example: string;
  useInstead: string;
  /** 'none' when the rule offers no fix. */
  fixSafety: FixSafety | 'none';
  /** Same idea in other tools, e.g. "hadolint DL3007". */
  equivalents: string[];
}

export type LabelValueType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';

export interface EngineConfig {
  /** Per-rule severity overrides; a rule not named here keeps its default. */
  rules?: Record<string, SeveritySetting>;
  /** Name or index of the stage that ships; defaults to the last stage. */
  shippedStage?: string;
  /** Registries images may come from (image-untrusted-registry); "docker.io" for Docker Hub. */
  trustedRegistries?: string[];
  /**
   * Labels the shipped image must carry and the form of their values (label-schema), e.g.
   * `{ "org.opencontainers.image.source": "url" }`; `text` only asks for a non-empty value.
   */
  labelSchema?: Record<string, LabelValueType>;
  /**
   * Today's date as "YYYY-MM-DD", for image-end-of-life. The engine reads no clock: the CLI and
   * the language server pass the real date; absent (or malformed), the end-of-life table's own
   * "as of" date is used, so results are reproducible.
   */
  today?: string;
  /** Pod Security Standards level and cluster version the Kubernetes rules judge against. */
  kubernetes?: KubernetesConfig;
  /** A platform (`linux/arm64`) whose base image download size the size estimate shows besides linux/amd64's. */
  sizePlatform?: string;
}

export type KubernetesProfile = 'restricted' | 'baseline';

export interface KubernetesConfig {
  /** `baseline` silences the rules that only the restricted level asks for. Default `restricted`. */
  profile?: KubernetesProfile;
  /** "1.32" (or "v1.32", "1.32.4"); default: the newest minor the bundled Pod Security data describes. */
  version?: string;
}

/** `kubernetes`: any YAML file; only its documents with `apiVersion` and `kind` are checked. */
export type DocumentKind = 'dockerfile' | 'kubernetes';

/** What the caller knows about a YAML file from its surroundings (the engine reads no other file). */
export interface KubernetesHints {
  /**
   * The file is a fragment, e.g. listed as a patch in a sibling kustomization.yaml: fields it
   * does not set come from elsewhere, so nothing is reported as missing.
   */
  partial?: boolean;
}

/**
 * What the caller knows of the Dockerfile's build context (the engine reads no files itself).
 * Absent: rules about the context stay silent.
 */
export interface BuildContext {
  /** The `.dockerignore` that applies (`<Dockerfile>.dockerignore` first, as BuildKit does), or null when none exists. */
  dockerignore: string | null;
  /** Where that `.dockerignore` is, relative to the context root; `.dockerignore` when absent. */
  dockerignoreFile?: string;
  /** Paths relative to the context root, forward slashes; a bounded listing, so possibly partial. */
  files?: readonly string[];
  /** Reads a small file of the context by its relative path; undefined when unreadable. */
  readFile?(relativePath: string): string | undefined;
  /**
   * The files the builder receives (what `.dockerignore` leaves) with their sizes, for size
   * estimates; a caller computes it lazily, so analyses that never ask pay nothing.
   */
  readonly sizes?: ContextSizes;
}

/** What a bounded walk of the build context found, `.dockerignore` applied as Docker applies it. */
export interface ContextSizes {
  /** Bytes by path relative to the context root (forward slashes). */
  files: ReadonlyMap<string, number>;
  /** False when the walk stopped at its bound: sums over `files` are then lower bounds. */
  complete: boolean;
}

/** One shell script for ShellCheck, in the dialect that will run it. */
export interface ShellcheckRequest {
  script: string;
  dialect: 'sh' | 'bash' | 'dash' | 'ksh';
}

/** A ShellCheck comment as its json1 format gives it: 1-based lines and columns (a tab counts as one). */
export interface ShellcheckComment {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: 'error' | 'warning' | 'info' | 'style';
  code: number;
  message: string;
}

/** Capabilities the caller lends the engine; absent ones switch the rules that need them off. */
export interface EngineServices {
  /** Runs ShellCheck over several scripts at once, answering in the same order. */
  shellcheck?(requests: readonly ShellcheckRequest[]): ShellcheckComment[][];
}

export interface AnalysisInput {
  text: string;
  kind: DocumentKind;
  config?: EngineConfig;
  context?: BuildContext;
  services?: EngineServices;
  kubernetes?: KubernetesHints;
  /**
   * The workspace a manifest belongs to, for the cross-file (`xref-*`) rules: the index of its
   * Dockerfiles and build definitions, and the manifest's own workspace-relative path. Absent:
   * those rules stay silent.
   */
  workspace?: WorkspaceInput;
}

export interface WorkspaceInput {
  index: WorkspaceIndex;
  /** The analysed manifest's path, relative to the workspace root, with forward slashes. */
  path: string;
}

/**
 * Text the parser could not read, shown as a plain diagnostic without a rule id (there is no
 * rule to configure: the file is broken). At most one per file, at the first error.
 */
export interface SyntaxProblem {
  message: string;
  range: Range;
}

export interface AnalysisResult {
  findings: Finding[];
  /** Rules that threw: the other rules' findings are still reported. */
  internalErrors: { rule: string; message: string }[];
  /** Kubernetes YAML that does not parse; absent or empty when the text parsed. */
  syntaxErrors?: SyntaxProblem[];
}
