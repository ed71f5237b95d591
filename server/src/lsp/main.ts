/**
 * The Shipshape language server: VS Code starts it over IPC, other editors with `--stdio`
 * (createConnection picks the transport from argv). It adapts the engine to LSP and owns no
 * rule logic.
 */
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer, documentKind } from './analysis';
import { EnvironmentProvider } from './environment';
import { FIX_ALL_KIND, PROVIDED_KINDS, fixAllAction, isRequested, quickFixes } from './code-actions';
import { toDiagnostics } from './diagnostics';
import { guard } from './guard';
import { Scheduler, type Ticket } from './scheduler';
import { SECTION, SettingsStore } from './settings';

/** Long enough to skip the intermediate states of a burst of typing, short enough to feel live. */
const DEBOUNCE_MS = 150;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log = (message: string) => connection.console.error(message);
// VS Code says whether the workspace is trusted; other editors started the server on purpose.
let workspaceTrusted = true;
const environment = new EnvironmentProvider(() => workspaceTrusted, log);
const analyzer = new Analyzer(log, environment);
const scheduler = new Scheduler(guard(log, 'Analysis', undefined, publishDiagnostics));
let settings = new SettingsStore(undefined, log);
let versionedEdits = false;
let registerConfigurationChanges = false;

async function publishDiagnostics(uri: string, ticket: Ticket): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const current = await settings.get(uri);
  // A newer version or a close scheduled its own work (or cleared the diagnostics).
  if (ticket.cancelled) return;
  const diagnostics = toDiagnostics(analyzer.run(document, current), uri, document.version);
  await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
}

function analyseSoon(document: TextDocument, delayMs: number): void {
  if (documentKind(document)) scheduler.schedule(document.uri, document.version, delayMs);
}

connection.onInitialize((params) => {
  const options = params.initializationOptions as { workspaceTrusted?: unknown } | undefined;
  workspaceTrusted = options?.workspaceTrusted !== false;
  const workspace = params.capabilities.workspace;
  versionedEdits = workspace?.workspaceEdit?.documentChanges === true;
  registerConfigurationChanges = workspace?.didChangeConfiguration?.dynamicRegistration === true;
  if (workspace?.configuration) settings = new SettingsStore((uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }), log);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: PROVIDED_KINDS },
    },
    serverInfo: { name: 'shipshape' },
  };
});

connection.onInitialized(
  guard(log, 'initialized', undefined, async () => {
    // VS Code's client only reports configuration changes for sections the server registers.
    if (registerConfigurationChanges) await connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION });
  }),
);

documents.onDidOpen(guard(log, 'didOpen', undefined, ({ document }) => analyseSoon(document, 0)));
documents.onDidChangeContent(guard(log, 'didChange', undefined, ({ document }) => analyseSoon(document, DEBOUNCE_MS)));
documents.onDidClose(
  guard(log, 'didClose', undefined, async ({ document }) => {
    scheduler.cancel(document.uri);
    settings.forget(document.uri);
    await connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  }),
);

connection.onDidChangeConfiguration(
  guard(log, 'didChangeConfiguration', undefined, (params) => {
    settings.changed((params.settings as { [SECTION]?: unknown } | null)?.[SECTION]);
    for (const document of documents.all()) analyseSoon(document, 0);
  }),
);

// .dockerignore, config files, package.json and scripts feed the analysis: re-read them.
connection.onDidChangeWatchedFiles(
  guard(log, 'didChangeWatchedFiles', undefined, () => {
    environment.invalidate();
    for (const document of documents.all()) analyseSoon(document, DEBOUNCE_MS);
  }),
);

connection.onCodeAction(
  guard(log, 'codeAction', [] as CodeAction[], async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !documentKind(document)) return [];
    const only = params.context.only;
    const actions = isRequested(CodeActionKind.QuickFix, only) ? quickFixes(document, params, versionedEdits) : [];
    // Fix-all re-analyses the whole document, so it is computed only when asked for by kind
    // (codeActionsOnSave, the Source Action menu), not on every light-bulb request.
    if (only && isRequested(FIX_ALL_KIND, only)) {
      const analysis = analyzer.run(document, await settings.get(document.uri));
      const fixAll = analysis.kind === 'findings' ? fixAllAction(document, analysis.findings, versionedEdits) : undefined;
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }),
);

documents.listen(connection);
connection.listen();
