import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, documentKindForPath, type DocumentKind, type Finding, type SyntaxProblem, type WorkspaceInput } from '../engine';
import type { EnvironmentProvider } from './environment';
import type { Settings } from './settings';

/** Past this size the analysis would block the server for too long on every keystroke. */
export const MAX_ANALYSED_BYTES = 5 * 1024 * 1024;

export type Analysis =
  | { kind: 'findings'; findings: Finding[]; syntaxErrors?: SyntaxProblem[] }
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
  ) {}

  run(document: TextDocument, settings: Settings): Analysis {
    const kind = documentKind(document);
    const skipped = skippedAnalysis(document, settings);
    if (skipped || !kind) return skipped ?? { kind: 'disabled' };
    const text = document.getText();
    const { config, context, services } = this.environment.for(document.uri, settings);
    const kubernetes = kind === 'kubernetes' ? this.environment.kubernetesHints(document.uri) : undefined;
    const workspace = kind === 'kubernetes' ? this.workspaceFor(document.uri) : undefined;
    const result = analyze({ text, kind, config, context: kind === 'dockerfile' ? context : undefined, services, kubernetes, workspace });
    for (const error of result.internalErrors) {
      if (this.reportedRules.has(error.rule)) continue;
      this.reportedRules.add(error.rule);
      this.log(`Rule ${error.rule} failed (${document.uri}); its findings are missing until it is fixed: ${error.message}`);
    }
    return { kind: 'findings', findings: result.findings, syntaxErrors: result.syntaxErrors };
  }
}
