/**
 * The Shipshape language server: VS Code starts it over IPC, other editors with `--stdio`
 * (createConnection picks the transport from argv). It adapts the engine to LSP and owns no
 * rule logic.
 */
import {
  CodeActionKind,
  CodeActionTriggerKind,
  DidChangeConfigurationNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CancellationToken,
  type CodeAction,
  type WorkspaceEdit,
  type Location,
  type CodeLens,
  type Hover,
  type Range,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { conversions, convert, hardenManifestEdits } from '../engine';
import { breakdownOf, type Breakdown } from '../engine/size/breakdown';
import type { SizeReport } from '../engine/size/estimate';
import { forgetContextSizes } from '../host/context-sizes';
import { RegistryError } from '../host/registry/errors';
import { documentKind, skippedAnalysis, type Analysis } from './analysis';
import { AnalysisPool, DEFAULT_LIMITS } from './analysis-pool';
import { COMMAND_PREFIX, HARDEN_MANIFEST_COMMAND, HARDEN_MANIFEST_TITLE, SERVER_COMMANDS, parseCommand, type CommandArgument, type CommandResult } from './commands';
import { EnvironmentProvider } from './environment';
import { FIX_ALL_KIND, PROVIDED_KINDS, fixAllAction, isRequested, quickFixes } from './code-actions';
import { toDiagnostics } from './diagnostics';
import { withShellcheckCut } from './diagnostic-cap';
import type { AnalysisRequest } from './analysis-worker';
import { PublishedFixes } from './published-fixes';
import { fileState } from './file-state';
import { IMAGE_SIZE_BREAKDOWN_COMMAND } from './breakdown-commands';
import { stageSizeLenses } from './code-lens';
import { dockerfileHover, hoveredBaseLookups, manifestHover, manifestImageAt } from './hover';
import { HOVER_REGISTRY_WAIT_MS, ImageSizes, MAX_ESTIMATED_BYTES, baseLookups, registryLookups, type SizeLookup } from './image-size';
import { guard } from './guard';
import { PIN_ALL_COMMAND, PIN_COMMANDS, PIN_IMAGE_COMMAND, Pinner, isPinRequest, pinActions, type PinRequest } from './pinning';
import { Scheduler, type Ticket } from './scheduler';
import { SECTION, SettingsStore, settingsScope, type Settings } from './settings';
import { ShellcheckRunner, withShellcheckFindings } from './shellcheck-answers';
import { WorkspaceIndexes } from './workspace-index';
import { editCapabilities, toWorkspaceEdit, type EditCapabilities } from './workspace-edit';
import { fileEventEffects } from './file-events';

/** For changes that come in groups (watched files, affected manifests): long enough to see the group out. */
const DEBOUNCE_MS = 150;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const log = (message: string) => connection.console.error(message);
// VS Code says whether the workspace is trusted; other editors started the server on purpose.
let workspaceTrusted = true;
/** The client has another extension (Red Hat YAML) reporting YAML syntax errors. */
let yamlSyntaxReportedElsewhere = false;
/** The most diagnostics the client shows per file (VS Code: 1,000); other editors get every one. */
let maxDiagnosticsPerFile: number | undefined;
const environment = new EnvironmentProvider(() => workspaceTrusted, log);
/** The client answers `workspace/configuration` (for `files.exclude`). */
let canPullConfiguration = false;
/** The client tells of workspace folders added and removed. */
let canFollowWorkspaceFolders = false;
let workspaceFolderUris: string[] = [];
const workspaceIndexes = new WorkspaceIndexes({
  log,
  excludes: (folderUri) => (canPullConfiguration ? connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'files.exclude' }) : Promise.resolve(undefined)),
  imageMappings: async (folderUri) => (await settings.get(folderUri)).workspace.imageMappings,
  openText: (uri) => documents.get(uri)?.getText(),
  // The analysis threads hold replicas of the indexes.
  published: (update) => analyses.broadcast({ type: 'workspace', update }),
  // A Dockerfile, build definition or manifest changed what other manifests' cross-file findings see.
  affected: analyseOpenSoon,
});
// ShellCheck runs here, in the background; the analysis threads replicate its answers.
const shellchecks = new ShellcheckRunner((entries) => analyses.broadcast({ type: 'shellcheck', entries }), log);
/** A new analysis thread starts with the workspace indexes and the ShellCheck answers as they are. */
const workspaceGreeting = () => [...workspaceIndexes.state.snapshot().map((update) => ({ type: 'workspace' as const, update })), { type: 'shellcheck' as const, entries: shellchecks.answers.entries() }];
// This bundle, loaded on a worker thread, serves analyses (see entry.ts).
let analyses = new AnalysisPool(__filename, log, DEFAULT_LIMITS, workspaceGreeting);
const scheduler = new Scheduler(guard(log, 'Analysis', undefined, publishDiagnostics));
let settings = new SettingsStore(undefined, log);
let capabilities: EditCapabilities = { documentChanges: false, createFiles: false };
const files = fileState(documents);
/** What the quick fixes of published diagnostics are made of. */
const publishedFixes = new PublishedFixes();
let registerConfigurationChanges = false;
let canResolveEdit = false;
let pinner = new Pinner(undefined, process.env);
const imageSizes = new ImageSizes(() => pinner, log);
let canRefreshCodeLenses = false;
/** The breakdown waits a little longer than a hover for the registry: a person asked for it. */
const BREAKDOWN_REGISTRY_WAIT_MS = 4000;

async function publishDiagnostics(uri: string, ticket: Ticket): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const current = await settings.get(uri);
  // Red Hat's YAML extension already underlines the same YAML syntax error: say it once.
  const shown = { maxDiagnostics: maxDiagnosticsPerFile, withoutSyntaxErrors: document.languageId === 'yaml' && yamlSyntaxReportedElsewhere };
  const analysis = await analyse(document, current, ticket.signal, false, shown);
  // A newer version or a close scheduled its own work (or cleared the diagnostics).
  if (!analysis || ticket.signal.aborted) return;
  publishedFixes.published(uri, document.version, analysis.kind === 'findings' ? analysis.findings : []);
  await connection.sendDiagnostics({ uri, version: document.version, diagnostics: toDiagnostics(analysis, uri) });
  // The stage sizes on each FROM follow the text as it is analysed.
  if (analysis.kind === 'findings' && documentKind(document) === 'dockerfile') refreshCodeLenses();
  // The rule findings are out; ShellCheck's follow for the same version once it has answered.
  if (analysis.kind !== 'findings' || !analysis.shellcheck) return;
  await shellchecks.run(analysis.shellcheck, ticket.signal);
  const checked = ticket.signal.aborted ? undefined : await analyse(document, current, ticket.signal, true, shown);
  if (checked?.kind !== 'findings' || ticket.signal.aborted) return;
  const completed = withShellcheckCut(analysis, checked, withShellcheckFindings(analysis.findings, checked.findings), maxDiagnosticsPerFile);
  publishedFixes.published(uri, document.version, completed.findings);
  await connection.sendDiagnostics({ uri, version: document.version, diagnostics: toDiagnostics(completed, uri) });
}

function refreshCodeLenses(): void {
  if (canRefreshCodeLenses) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
}

/**
 * The document's analysis on a thread of the pool; undefined when `signal` aborts first. `shown`:
 * for publishing, what the client shows of it; without, every finding (fix-all fixes them all).
 */
async function analyse(document: TextDocument, current: Settings, signal: AbortSignal, shellcheckOnly = false, shown: Pick<AnalysisRequest, 'maxDiagnostics' | 'withoutSyntaxErrors'> = {}): Promise<Analysis | undefined> {
  const skipped = skippedAnalysis(document, current);
  if (skipped) return skipped;
  const request = { uri: document.uri, languageId: document.languageId, version: document.version, text: document.getText(), settings: current, trusted: workspaceTrusted, shellcheckOnly, ...shown };
  return analyses.analyse(request, signal);
}

function analyseSoon(document: TextDocument, delayMs: number): void {
  if (documentKind(document)) scheduler.schedule(document.uri, document.version, delayMs);
}

/** Analyses again those of `uris` that are open, after DEBOUNCE_MS (their changes come in groups). */
function analyseOpenSoon(uris: Iterable<string>): void {
  for (const uri of uris) {
    const document = documents.get(uri);
    if (document) analyseSoon(document, DEBOUNCE_MS);
  }
}

connection.onInitialize((params) => {
  const options = params.initializationOptions as { workspaceTrusted?: unknown; storagePath?: unknown; yamlSyntaxReportedElsewhere?: unknown; analysisTimeoutMs?: unknown; maxDiagnosticsPerFile?: unknown } | undefined;
  workspaceTrusted = options?.workspaceTrusted !== false;
  // One diagnostic of the client's maximum is the note saying how many were left out.
  if (typeof options?.maxDiagnosticsPerFile === 'number' && Number.isInteger(options.maxDiagnosticsPerFile) && options.maxDiagnosticsPerFile >= 2) maxDiagnosticsPerFile = options.maxDiagnosticsPerFile - 1;
  yamlSyntaxReportedElsewhere = options?.yamlSyntaxReportedElsewhere === true;
  // Digests by manifest are kept for good in the extension's storage, when the client names it.
  if (typeof options?.storagePath === 'string') pinner = new Pinner(options.storagePath, process.env);
  // Editors may give each analysis more (or less) time than the default.
  if (typeof options?.analysisTimeoutMs === 'number' && options.analysisTimeoutMs > 0) analyses = new AnalysisPool(__filename, log, { ...DEFAULT_LIMITS, timeMs: options.analysisTimeoutMs }, workspaceGreeting);
  canResolveEdit = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
  const workspace = params.capabilities.workspace;
  capabilities = editCapabilities(params.capabilities);
  registerConfigurationChanges = workspace?.didChangeConfiguration?.dynamicRegistration === true;
  canPullConfiguration = workspace?.configuration === true;
  canFollowWorkspaceFolders = workspace?.workspaceFolders === true;
  workspaceFolderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  canRefreshCodeLenses = workspace?.codeLens?.refreshSupport === true;
  if (workspace?.configuration) settings = new SettingsStore((uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }), log, (uri) => settingsScope(uri, workspaceFolderUris));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [...PROVIDED_KINDS, CodeActionKind.RefactorRewrite], resolveProvider: true },
      definitionProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      executeCommandProvider: { commands: [...SERVER_COMMANDS, HARDEN_MANIFEST_COMMAND, ...PIN_COMMANDS, IMAGE_SIZE_BREAKDOWN_COMMAND] },
      hoverProvider: true,
      codeLensProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'shipshape' },
  };
});

connection.onInitialized(
  guard(log, 'initialized', undefined, async () => {
    // In the background: manifests are analysed meanwhile, and again once the index is complete.
    void workspaceIndexes.open(workspaceFolderUris).catch((error: unknown) => log(`Workspace index failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    // Listening before the first await: a change may be the very next message.
    if (canFollowWorkspaceFolders) {
      // Rare enough that every folder is indexed again.
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        workspaceFolderUris = [...workspaceFolderUris.filter((uri) => !removed.has(uri)), ...event.added.map((folder) => folder.uri)];
        settings.foldersChanged();
        void workspaceIndexes.open(workspaceFolderUris).catch((error: unknown) => log(`Workspace index failed: ${String(error)}`));
      });
    }
    // VS Code's client only reports configuration changes for sections the server registers.
    if (registerConfigurationChanges) await connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION });
  }),
);

documents.onDidOpen(guard(log, 'didOpen', undefined, ({ document }) => analyseSoon(document, 0)));
documents.onDidChangeContent(
  guard(log, 'didChange', undefined, ({ document }) => {
    workspaceIndexes.documentChanged(document.uri, document.getText());
    analyseSoon(document, analyses.debounceFor(document.uri));
  }),
);
documents.onDidClose(
  guard(log, 'didClose', undefined, async ({ document }) => {
    scheduler.cancel(document.uri);
    analyses.forget(document.uri);
    publishedFixes.forget(document.uri);
    imageSizes.forget(document.uri);
    await connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    await workspaceIndexes.documentClosed(document.uri);
  }),
);

connection.onDidChangeConfiguration(
  guard(log, 'didChangeConfiguration', undefined, (params) => {
    settings.changed((params.settings as { [SECTION]?: unknown } | null)?.[SECTION]);
    for (const document of documents.all()) analyseSoon(document, 0);
    void workspaceIndexes.settingsChanged().catch((error: unknown) => log(`Workspace index update failed: ${String(error)}`));
  }),
);

// .dockerignore, config files, package.json and scripts feed the analysis: re-read them.
connection.onDidChangeWatchedFiles(
  guard(log, 'didChangeWatchedFiles', undefined, (params) => {
    environment.invalidate();
    analyses.invalidate();
    void workspaceIndexes.filesChanged(params.changes).catch((error: unknown) => log(`Workspace index update failed: ${String(error)}`));
    // Any file of a build context may change what COPY takes: those walks are redone when next asked. Only files on disk are in one.
    for (const change of params.changes) if (change.uri.startsWith('file:')) forgetContextSizes(fileURLToPath(change.uri));
    const open = documents.all().flatMap((document) => {
      const kind = documentKind(document);
      return kind ? [{ uri: document.uri, kind, text: document.getText() }] : [];
    });
    const effects = fileEventEffects(params.changes, open);
    for (const uri of effects.sizesChanged) imageSizes.forget(uri);
    if (effects.sizesChanged.size > 0) refreshCodeLenses();
    analyseOpenSoon(effects.reanalyse);
  }),
);

connection.onCodeAction(
  guard(log, 'codeAction', [] as CodeAction[], async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || !documentKind(document)) return [];
    const only = params.context.only;
    const actions = isRequested(CodeActionKind.QuickFix, only) ? quickFixes(document, params, publishedFixes, capabilities, files) : [];
    if (isRequested(CodeActionKind.QuickFix, only)) actions.push(...pinActions(document, params.context.diagnostics, canResolveEdit));
    // The conversions as refactorings, when a person asks (Ctrl+., the Refactor menu) rather
    // than on every cursor move, and only those that would change something here.
    if (params.context.triggerKind === CodeActionTriggerKind.Invoked && isRequested(CodeActionKind.RefactorRewrite, only)) {
      if (documentKind(document) === 'dockerfile') actions.push(...(await conversionRefactorings(document, params.range)));
      else actions.push(...(await hardenRefactoring(document, params.range)));
    }
    // Fix-all re-analyses the whole document, so it is computed only when asked for by kind
    // (codeActionsOnSave, the Source Action menu), not on every light-bulb request.
    if (only && isRequested(FIX_ALL_KIND, only)) {
      const analysis = await analyse(document, await settings.get(document.uri), new AbortController().signal);
      const fixAll = analysis?.kind === 'findings' ? fixAllAction(document, analysis.findings, capabilities, files) : undefined;
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  }),
);

// Pin to digest asks the registry only now, when the person picked the action. A failure
// leaves the action without an edit (the message says why) rather than failing the request.
connection.onCodeActionResolve(async (action, token) => {
  const request = action.data;
  const document = isPinRequest(request) ? documents.get(request.uri) : undefined;
  if (!document || !isPinRequest(request) || request.version !== document.version) return action;
  try {
    const edit = await pinEdits(document, request, action.title, token);
    return edit ? { ...action, edit } : action;
  } catch (error) {
    log(`codeAction/resolve failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return action;
  }
});

/** Resolves the pins a request asks for into a workspace edit; failures are shown, not thrown. */
async function pinEdits(document: TextDocument, request: PinRequest, title: string, ...cancellations: CancellationToken[]) {
  const controller = new AbortController();
  for (const cancellation of cancellations) cancellation.onCancellationRequested(() => controller.abort());
  const current = await settings.get(document.uri);
  let problems: string[];
  let edit;
  try {
    const outcome = await pinner.pin(document, request, current.registry, workspaceTrusted, controller.signal);
    problems = outcome.problems;
    if (outcome.edits.length > 0) edit = toWorkspaceEdit(document, { title, edits: outcome.edits, safety: 'unsafe' }, capabilities, files);
  } catch (error) {
    if (error instanceof RegistryError && error.failure === 'cancelled') return undefined;
    throw error;
  }
  if (problems.length > 0) {
    await connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `${title}: ${problems.join('; ')}` });
  }
  return edit;
}

connection.onExecuteCommand(
  guard(log, 'executeCommand', { applied: false, reason: 'the server failed; see its log' } as CommandResult | Breakdown, async (params, token): Promise<CommandResult | Breakdown> => {
    if (PIN_COMMANDS.includes(params.command)) return runPinCommand(params.command, params.arguments?.[0], token);
    if (params.command === HARDEN_MANIFEST_COMMAND) return hardenManifest(params.arguments?.[0] as Partial<CommandArgument> | undefined);
    if (params.command === IMAGE_SIZE_BREAKDOWN_COMMAND) return imageSizeBreakdown(params.arguments?.[0] as Partial<CommandArgument> | undefined);
    const command = parseCommand(params.command, params.arguments);
    const document = command && documents.get(command.argument.uri);
    if (!command || !document || documentKind(document) !== 'dockerfile') return { applied: false, reason: 'no open Dockerfile was named' };
    const current = await settings.get(document.uri);
    const { config, context } = environment.for(document.uri, current);
    const result = convert(command.id, { text: document.getText(), config, context, selection: command.argument.selection });
    const edit = 'fix' in result ? toWorkspaceEdit(document, result.fix, capabilities, files) : undefined;
    const reason = 'reason' in result ? result.reason : edit ? undefined : 'the editor cannot apply this edit (another file changed, or files cannot be created)';
    if (!edit) {
      // A notification: a request would wait on clients that never answer it.
      await connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `${command.title}: nothing to change, ${reason}.` });
      return { applied: false, reason };
    }
    const response = await connection.workspace.applyEdit({ label: command.title, edit });
    return { applied: response.applied, reason: response.failureReason };
  }),
);

/** The size report of an open Dockerfile, with the registry's download sizes when they come in time. */
async function sizeReport(document: TextDocument, registryWaitMs: number, images: (report: SizeReport) => SizeLookup[]) {
  const current = await settings.get(document.uri);
  const { config, context } = environment.for(document.uri, current);
  let report = imageSizes.report(document, config, context);
  const wanted = report ? images(report) : [];
  if (wanted.length > 0 && !current.registry.offline) {
    await imageSizes.fetchRegistrySizes(wanted, current.registry, workspaceTrusted, Math.min(registryWaitMs, current.registry.timeoutMs));
    report = imageSizes.report(document, config, context);
  }
  return { report, today: config.today };
}

connection.onHover(
  guard(log, 'hover', null as Hover | null, async (params) => {
    const document = documents.get(params.textDocument.uri);
    const kind = document && documentKind(document);
    if (!document || !kind) return null;
    const current = await settings.get(document.uri);
    if (!current.enable) return null;
    if (kind === 'kubernetes') {
      const image = manifestImageAt(document.getText(), params.position);
      if (!image) return null;
      if (!current.registry.offline) await imageSizes.fetchRegistrySizes(registryLookups(image.text, current.engine.sizePlatform), current.registry, workspaceTrusted, Math.min(HOVER_REGISTRY_WAIT_MS, current.registry.timeoutMs));
      const { config } = environment.for(document.uri, current);
      return manifestHover(document.getText(), params.position, imageSizes.figures(current.engine.sizePlatform), config.today ?? '', (image) => workspaceIndexes.builtFrom(document.uri, image)) ?? null;
    }
    const { report, today } = await sizeReport(document, HOVER_REGISTRY_WAIT_MS, (estimate) => hoveredBaseLookups(estimate, params.position));
    return (report && dockerfileHover(report, params.position, today ?? '')) ?? null;
  }),
);

connection.onCodeLens(
  guard(log, 'codeLens', [] as CodeLens[], async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || documentKind(document) !== 'dockerfile') return [];
    const current = await settings.get(document.uri);
    if (!current.enable) return [];
    const { config, context } = environment.for(document.uri, current);
    // Only what is known already: showing a lens never asks a registry.
    const report = imageSizes.report(document, config, context);
    return report ? stageSizeLenses(report, document.uri) : [];
  }),
);

/** Show Image Size Breakdown: the data its view draws, computed here so every client gets the same figures. */
async function imageSizeBreakdown(argument: Partial<CommandArgument> | undefined): Promise<Breakdown | CommandResult> {
  const document = typeof argument?.uri === 'string' ? documents.get(argument.uri) : undefined;
  if (!document || documentKind(document) !== 'dockerfile') return { applied: false, reason: 'no open Dockerfile was named' };
  const { report, today } = await sizeReport(document, BREAKDOWN_REGISTRY_WAIT_MS, (estimate) => estimate.stages.flatMap((stage) => baseLookups(stage.base)));
  if (!report) return { applied: false, reason: `the Dockerfile is larger than ${MAX_ESTIMATED_BYTES / 1024} KB, too large to estimate while editing; run shipshape size on it` };
  return breakdownOf(report, document.getText(), today);
}

/** Each conversion that has an edit for this Dockerfile, as a refactor action running its server command. */
async function conversionRefactorings(document: TextDocument, selection: Range): Promise<CodeAction[]> {
  const { config, context } = environment.for(document.uri, await settings.get(document.uri));
  return conversions
    .filter((conversion) => 'fix' in convert(conversion.id, { text: document.getText(), config, context, selection }))
    .map((conversion) => ({
      title: conversion.title,
      kind: CodeActionKind.RefactorRewrite,
      command: { title: conversion.title, command: `${COMMAND_PREFIX}${conversion.id}`, arguments: [{ uri: document.uri, selection }] },
    }));
}

/**
 * Harden Kubernetes Manifest on an open manifest, or on the objects and containers its selection
 * touches, with the same settings and Kustomize hints as its diagnostics. Applied at once, one
 * undo step, as every edit the server sends (workspace-edit.ts).
 */
async function hardenManifest(argument: Partial<CommandArgument> | undefined): Promise<CommandResult> {
  const document = typeof argument?.uri === 'string' ? documents.get(argument.uri) : undefined;
  if (!document || documentKind(document) !== 'kubernetes') return { applied: false, reason: 'no open Kubernetes manifest was named' };
  const edit = await hardenEdit(document, argument?.selection);
  if (!edit) {
    await connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `${HARDEN_MANIFEST_TITLE}: nothing to change.` });
    return { applied: false, reason: 'nothing to change' };
  }
  const response = await connection.workspace.applyEdit({ label: HARDEN_MANIFEST_TITLE, edit });
  return { applied: response.applied, reason: response.failureReason };
}

/** The hardening of a manifest (or of what the selection touches) as one edit, or undefined when there is nothing to do. */
async function hardenEdit(document: TextDocument, selection: Range | undefined): Promise<WorkspaceEdit | undefined> {
  const { config } = environment.for(document.uri, await settings.get(document.uri));
  // With the workspace, it also settles what the image needs (runAsUser for a named USER, emptyDirs where it writes).
  const edits = hardenManifestEdits(document.getText(), config, environment.kubernetesHints(document.uri), selection, workspaceIndexes.state.inputFor(document.uri));
  return edits.length > 0 ? toWorkspaceEdit(document, { title: HARDEN_MANIFEST_TITLE, edits, safety: 'unsafe' }, capabilities, files) : undefined;
}

/**
 * Harden Kubernetes Manifest in the Refactor menu when there is something to harden: VS Code
 * previews a code action's edit on request (Ctrl+Enter), with the change ticked.
 */
async function hardenRefactoring(document: TextDocument, selection: Range): Promise<CodeAction[]> {
  const edit = await hardenEdit(document, selection);
  return edit ? [{ title: HARDEN_MANIFEST_TITLE, kind: CodeActionKind.RefactorRewrite, edit }] : [];
}

/** The pin quick fix for clients without codeAction/resolve, and the palette's Pin All / Update Pinned Digests. */
async function runPinCommand(command: string, argument: unknown, token: CancellationToken): Promise<CommandResult> {
  const document = isPinRequest(argument) ? documents.get(argument.uri) : undefined;
  if (!document || !isPinRequest(argument) || !documentKind(document)) return { applied: false, reason: 'no open Dockerfile or manifest was named' };
  const request: PinRequest = command === PIN_IMAGE_COMMAND ? argument : { uri: argument.uri, update: command !== PIN_ALL_COMMAND };
  const title = command === PIN_IMAGE_COMMAND ? 'Pin to digest' : command === PIN_ALL_COMMAND ? 'Pin All Images to Digests' : 'Update Pinned Digests';
  // Registries can be slow: clients that show progress get a cancellable notification.
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin(title, undefined, 'asking the registry…', true);
  let edit;
  try {
    edit = await pinEdits(document, request, title, token, progress.token);
  } finally {
    progress.done();
  }
  if (!edit) {
    await connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `${title}: nothing to change.` });
    return { applied: false, reason: 'nothing to change' };
  }
  const response = await connection.workspace.applyEdit({ label: title, edit });
  return { applied: response.applied, reason: response.failureReason };
}

connection.onDefinition(
  guard(log, 'definition', null as Location | null, (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document || documentKind(document) !== 'kubernetes') return null;
    return workspaceIndexes.definition(document.uri, document.getText(), params.position) ?? null;
  }),
);

documents.listen(connection);
connection.listen();
