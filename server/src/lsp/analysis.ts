import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, documentKindForPath, type DocumentKind, type Finding, type ShellcheckRequest, type SyntaxProblem, type WorkspaceInput } from '../engine';
import type { EnvironmentProvider } from './environment';
import type { Settings } from './settings';
import { ShellcheckAnswers } from '../host/shellcheck';
import { onlyShellcheck, type ShellcheckMisses } from './shellcheck-answers';
import type { Cut } from './diagnostic-cap';

/** Past this size the analysis would block the server for too long on every keystroke. */
export const MAX_ANALYSED_BYTES = 5 * 1024 * 1024;

export type Analysis =
  /**
   * `shellcheck`: the scripts whose ShellCheck findings are missing until ShellCheck has run.
   * `cut`: present when only the client's maximum per file of them were kept (diagnostic-cap.ts).
   */
  | { kind: 'findings'; findings: Finding[]; syntaxErrors?: SyntaxProblem[]; shellcheck?: ShellcheckMisses; cut?: Cut }
  | { kind: 'too-large' }
  | { kind: 'disabled' }
  /** The analysis thread was stopped: `after` ends "Shipshape stopped analysing this file …". */
  | { kind: 'stopped'; after: string };

/** What the engine should analyse a document as: by language id, else by file name. */
export function documentKind(document: Pick<TextDocument, 'languageId' | 'uri'>): DocumentKind | undefined {
  if (document.languageId === 'dockerfile') return 'dockerfile';
  // Any YAML may hold manifests (an untitled one too); the engine ignores the rest.
  if (document.languageId === 'yaml') return 'kubernetes';
  return documentKindForPath(uriPath(document.uri));
}

function uriPath(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Why a document gets no analysis at all, decided before any work is handed to a thread. */
export function skippedAnalysis(document: TextDocument, settings: Settings): Analysis | undefined {
  if (!settings.enable || !documentKind(document)) return { kind: 'disabled' };
  if (Buffer.byteLength(document.getText(), 'utf8') > MAX_ANALYSED_BYTES) return { kind: 'too-large' };
  return undefined;
}

/** Runs the engine for the server, logging each failing rule once rather than on every keystroke. */
export class Analyzer {
  private readonly reportedRules = new Set<string>();

  constructor(
    private readonly log: (message: string) => void,
    private readonly environment: EnvironmentProvider,
    /** The workspace a manifest belongs to, for the cross-file rules. */
    private readonly workspaceFor: (uri: string) => WorkspaceInput | undefined = () => undefined,
    /** The ShellCheck answers known so far; the analysis never waits for the binary. */
    private readonly shellcheckAnswers = new ShellcheckAnswers(),
  ) {}

  /** `shellcheckOnly`: only the `shellcheck` rule, to complete an analysis once ShellCheck has answered. */
  run(document: TextDocument, settings: Settings, shellcheckOnly = false): Analysis {
    // The main thread sends only documents skippedAnalysis let through (main.ts `analyse`), so enable and size are not checked again.
    const kind = documentKind(document);
    if (!kind) return { kind: 'disabled' };
    const text = document.getText();
    const { config, context } = this.environment.for(document.uri, settings);
    const binary = this.environment.shellcheckBinary(settings);
    const missed: ShellcheckRequest[] = [];
    const services = binary ? this.shellcheckAnswers.service(binary, missed) : {};
    const kubernetes = kind === 'kubernetes' ? this.environment.kubernetesHints(document.uri) : undefined;
    const workspace = kind === 'kubernetes' ? this.workspaceFor(document.uri) : undefined;
    const result = analyze({ text, kind, config: shellcheckOnly ? onlyShellcheck(config) : config, context: kind === 'dockerfile' ? context : undefined, services, kubernetes, workspace });
    for (const error of result.internalErrors) {
      if (this.reportedRules.has(error.rule)) continue;
      this.reportedRules.add(error.rule);
      this.log(`Rule ${error.rule} failed (${document.uri}); its findings are missing until it is fixed: ${error.message}`);
    }
    const shellcheck = binary && missed.length > 0 ? { binary, requests: missed } : undefined;
    return { kind: 'findings', findings: result.findings, syntaxErrors: result.syntaxErrors, shellcheck };
  }
}
