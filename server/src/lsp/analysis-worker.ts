/**
 * The side of an analysis thread (see analysis-pool.ts): it runs the engine, and reads what
 * the engine is lent from disk (config, build context), away from the thread that answers the
 * editor. ShellCheck answers come from the main thread (shellcheck-answers.ts).
 */
import type { MessagePort } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, type Analysis } from './analysis';
import { capped } from './diagnostic-cap';
import { EnvironmentProvider } from './environment';
import type { Settings } from './settings';
import { ShellcheckAnswers, type ShellcheckEntry } from '../host/shellcheck';
import { WorkspaceState, type WorkspaceUpdate } from './workspace-state';

export interface AnalysisRequest {
  uri: string;
  languageId: string;
  version: number;
  text: string;
  settings: Settings;
  /** Whether the workspace is trusted at the time of the request (no external binaries otherwise). */
  trusted: boolean;
  /** Only the `shellcheck` rule: the analysis completing an earlier one once ShellCheck has answered. */
  shellcheckOnly?: boolean;
  /** For publishing: the most diagnostics the client shows (diagnostic-cap.ts); absent, everything (fix-all). */
  maxDiagnostics?: number;
  /** The client has syntax errors reported by another extension: they are dropped before the cut. */
  withoutSyntaxErrors?: boolean;
}

export type ToAnalysisThread =
  | ({ type: 'analyse'; id: number } & AnalysisRequest)
  | { type: 'invalidate' }
  /** A change to the main thread's workspace indexes, which each thread replicates for the cross-file rules. */
  | { type: 'workspace'; update: WorkspaceUpdate }
  /** ShellCheck answers the main thread got, which each thread replicates. */
  | { type: 'shellcheck'; entries: ShellcheckEntry[] };
export type FromAnalysisThread = { type: 'ready' } | { type: 'done'; id: number; analysis: Analysis } | { type: 'log'; message: string };

export function serveAnalyses(port: MessagePort): void {
  let trusted = true;
  const post = (message: FromAnalysisThread) => port.postMessage(message);
  const log = (message: string) => post({ type: 'log', message });
  const environment = new EnvironmentProvider(() => trusted, log);
  const workspace = new WorkspaceState();
  const shellcheckAnswers = new ShellcheckAnswers();
  const analyzer = new Analyzer(log, environment, (uri) => workspace.inputFor(uri), shellcheckAnswers);
  port.on('message', (message: ToAnalysisThread) => {
    if (message.type === 'invalidate') {
      environment.invalidate();
      return;
    }
    if (message.type === 'workspace') {
      workspace.apply(message.update);
      return;
    }
    if (message.type === 'shellcheck') {
      shellcheckAnswers.add(message.entries);
      return;
    }
    trusted = message.trusted;
    const document = TextDocument.create(message.uri, message.languageId, message.version, message.text);
    let analysis: Analysis;
    try {
      analysis = analyzer.run(document, message.settings, message.shellcheckOnly);
      if (analysis.kind === 'findings' && message.withoutSyntaxErrors) analysis.syntaxErrors = undefined;
      // Before the result is cloned to the main thread: what the client would drop never crosses.
      analysis = capped(analysis, message.maxDiagnostics);
    } catch (error) {
      log(`Analysis of ${message.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      analysis = { kind: 'stopped', after: 'because it failed (the Shipshape log says why)' };
    }
    post({ type: 'done', id: message.id, analysis });
  });
  // The bundle is loaded: from now on an analysis's time is the analysis's.
  post({ type: 'ready' });
}
