/**
 * Starts the built language server (dist/server.js) as other editors do, over stdio, and
 * talks to it with a real JSON-RPC client, playing the editor's part: it answers the
 * server's configuration and registration requests and records what the server publishes.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type CodeAction,
  type CodeActionContext,
  type ConfigurationParams,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
  type WorkspaceEdit,
  type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import { allRules } from '../../server/src/engine';

// Tests are compiled to out/test/lsp/, so the repository root is three levels up.
export const root = join(__dirname, '..', '..', '..');

/** What VS Code announces, reduced to what the server looks at. */
export const vscodeLikeCapabilities: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
  },
};

const TRACER_RULES = ['image-untagged', 'image-latest-tag', 'cmd-shell-form', 'user-root', 'consecutive-run'];

/**
 * Shipshape settings with every rule but the five tracer rules turned off, so that what these
 * tests expect does not change whenever the engine gains a rule. `rules` adds to that.
 */
export function tracerSettings(rules: Record<string, unknown> = {}, other: Record<string, unknown> = {}) {
  const off = allRules.filter((rule) => !TRACER_RULES.includes(rule.id)).map((rule) => [rule.id, 'off']);
  return { ...other, rules: { ...Object.fromEntries(off), ...rules } };
}

export const NODE_DOCKERFILE = ['FROM node:latest', 'WORKDIR /app', 'COPY . .', 'RUN npm ci', 'RUN npm run build', 'CMD node server.js', ''].join('\n');

export class ServerUnderTest {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly registrations: Registration[] = [];
  /**
   * The value answered for every item of a `workspace/configuration` request, or a function
   * giving each item's value from its scope and section (settings that differ per folder).
   */
  configuration: unknown = tracerSettings();
  stderr = '';
  private readonly texts = new Map<string, TextDocument>();
  private readonly listeners = new Set<() => void>();
  /** Rejects when the server process ends, so no request waits forever on a dead server. */
  private readonly exited: Promise<never>;

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise<never>((_, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}); stderr: ${this.stderr}`)));
    });
    // Only a failure for whoever is waiting on a request.
    this.exited.catch(() => undefined);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      for (const listener of [...this.listeners]) listener();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(params);
      const answer = this.configuration;
      return params.items.map((item) => (typeof answer === 'function' ? (answer as (scopeUri?: string, section?: string) => unknown)(item.scopeUri, item.section) : answer));
    });
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    connection.listen();
  }

  static async start(
    capabilities = vscodeLikeCapabilities,
    script = join(root, 'dist', 'server.js'),
    args = ['--stdio'],
    initializationOptions?: unknown,
    workspaceFolders: WorkspaceFolder[] | null = null,
  ): Promise<{ server: ServerUnderTest; initialized: InitializeResult }> {
    const child = spawn(process.execPath, [script, ...args], { cwd: root });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new ServerUnderTest(child, connection);
    const initialized = await server.request(connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, workspaceFolders, initializationOptions }));
    await connection.sendNotification(InitializedNotification.type, {});
    return { server, initialized };
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  text(uri: string): string {
    return this.document(uri).getText();
  }

  version(uri: string): number {
    return this.document(uri).version;
  }

  async open(uri: string, text: string, languageId = 'dockerfile'): Promise<void> {
    this.texts.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text as a new version; returns that version. */
  async change(uri: string, text: string): Promise<number> {
    const version = this.version(uri) + 1;
    this.texts.set(uri, TextDocument.create(uri, this.document(uri).languageId, version, text));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeConfiguration(configuration: unknown): Promise<void> {
    this.configuration = configuration;
    // What VS Code's client sends in the pull model: the server asks for the values itself.
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  codeActions(uri: string, range: Range, context: CodeActionContext): Promise<(CodeAction | { command: string })[] | null> {
    return this.request(this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context }));
  }

  /** The first publish for `uri` at or after index `since` that satisfies `accept`. */
  waitForPublish(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, since = 0, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.published.slice(since).find((params) => params.uri === uri && accept(params));
        if (!found) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; server stderr: ${this.stderr}; logs: ${this.logs.join('\n')}`));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  /** Applies a code action's edit to the test's copy of the document, as an editor would. */
  apply(uri: string, edit: WorkspaceEdit | undefined): string {
    const changes = edit?.documentChanges?.flatMap((change) => {
      if (!('edits' in change) || change.textDocument.uri !== uri) return [];
      if (change.textDocument.version !== null && change.textDocument.version !== this.version(uri)) throw new Error(`edit for version ${change.textDocument.version}, document is at ${this.version(uri)}`);
      return change.edits.flatMap((one) => ('newText' in one ? [one] : []));
    }) ?? edit?.changes?.[uri];
    if (!changes) throw new Error('the edit does not change the document');
    return TextDocument.applyEdits(this.document(uri), changes);
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.request(this.connection.sendRequest(ShutdownRequest.type));
      await this.connection.sendNotification(ExitNotification.type);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
    } finally {
      this.connection.dispose();
      if (this.alive) this.child.kill();
    }
  }

  private request<R>(response: Promise<R>): Promise<R> {
    return Promise.race([response, this.exited]);
  }

  private document(uri: string): TextDocument {
    const document = this.texts.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }
}

export function byCode(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === code);
  if (!found) throw new Error(`no ${code} diagnostic among ${diagnostics.map((diagnostic) => diagnostic.code).join(', ')}`);
  return found;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
