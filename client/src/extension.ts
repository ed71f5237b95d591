/**
 * The VS Code side, kept thin: it starts the language server and offers a restart. Everything
 * a Dockerfile needs is decided in the server, so other editors get the same behaviour.
 */
import { commands, extensions, window, workspace, type ExtensionContext } from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { SHOW_BREAKDOWN_COMMAND } from '../../server/src/lsp/breakdown-commands';
import { showSizeBreakdown, trackLastDockerfile } from './size-breakdown';
import { registerStatusBar, SHOW_PROBLEMS_COMMAND } from './status-bar';

let client: LanguageClient | undefined;

/** ExtHostDiagnostics in VS Code's source: past it, a file's diagnostics are dropped by severity and one "Not showing N further" note added. */
const VSCODE_MAX_DIAGNOSTICS_PER_FILE = 1000;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('Shipshape', { log: true });
  const module = context.asAbsolutePath('dist/server.js');
  // The server's main thread only talks to the editor (the analyses run on worker threads with
  // their own limits, lsp/analysis-pool.ts): a 1 MB young generation instead of V8's default up
  // to 16 MB keeps 10-20 MB of resident memory off it with 500 documents open, for no
  // measurable speed (docs/benchmarks.md, "Language server"). Other editors start
  // bin/shipshape-language-server.js, which cannot set it (a shebang's flags are not portable).
  const execArgv = ['--max-semi-space-size=1'];
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6009'] } },
  };
  // The id `shipshape` makes the client honour the `shipshape.trace.server` setting.
  client = new LanguageClient('shipshape', 'Shipshape', serverOptions, {
    // YAML: the server checks the documents that are Kubernetes manifests and ignores the rest.
    documentSelector: [{ language: 'dockerfile' }, { language: 'yaml' }],
    outputChannel: output,
    // Untrusted workspaces get no external binaries (ShellCheck) from the server.
    // storagePath: where the server keeps registry digests and manifests between sessions.
    // maxDiagnosticsPerFile: VS Code's extension host keeps 1,000 per file and drops the rest, so the server sends no more.
    initializationOptions: { workspaceTrusted: workspace.isTrusted, storagePath: context.globalStorageUri.fsPath, yamlSyntaxReportedElsewhere: redHatYamlValidates(), maxDiagnosticsPerFile: VSCODE_MAX_DIAGNOSTICS_PER_FILE },
    // Every file: any may be in a build context whose COPY sizes the hovers and code lenses show.
    // The server tells apart what the analyses read (build contexts' listings, config, what the
    // workspace index holds) and re-analyses only the documents that read it (lsp/file-events.ts).
    synchronize: {
      fileEvents: [workspace.createFileSystemWatcher('**/*')],
    },
  });
  context.subscriptions.push(
    output,
    commands.registerCommand('shipshape.restartServer', () => client?.restart()),
    commands.registerCommand(SHOW_BREAKDOWN_COMMAND, (uri?: string) => showSizeBreakdown(client, typeof uri === 'string' ? uri : undefined)),
    trackLastDockerfile(),
    // Trust granted later: restart so the server learns it.
    workspace.onDidGrantWorkspaceTrust(() => client?.restart()),
  );
  registerStatusBar(context);
  context.subscriptions.push(...conversionCommands(context).map((id) => commands.registerCommand(`shipshape.${id}`, () => runConversion(id))));
  await client.start();
}

/**
 * The palette conversions and pin commands, as package.json lists them (`shipshape.<id>`,
 * besides the restart and the status bar's): each runs the server's `shipshape.server.<id>` command on the active
 * Dockerfile or manifest (Harden Kubernetes Manifest); the server says when the file does not suit the command.
 */
function conversionCommands(context: ExtensionContext): string[] {
  const contributed = (context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? [];
  return contributed
    .filter(({ command }) => command !== 'shipshape.restartServer' && command !== SHOW_PROBLEMS_COMMAND && command !== SHOW_BREAKDOWN_COMMAND)
    .map(({ command }) => command.replace(/^shipshape\./, ''));
}

/** The server computes the edit and asks VS Code to apply it, at once, as one undo step. */
async function runConversion(id: string): Promise<unknown> {
  const editor = window.activeTextEditor;
  if (!client || (editor?.document.languageId !== 'dockerfile' && editor?.document.languageId !== 'yaml')) {
    void window.showInformationMessage('Open a Dockerfile or a Kubernetes manifest to run this Shipshape command.');
    return undefined;
  }
  const argument = { uri: editor.document.uri.toString(), selection: client.code2ProtocolConverter.asRange(editor.selection) };
  return client.sendRequest(ExecuteCommandRequest.type, { command: `shipshape.server.${id}`, arguments: [argument] });
}

/** Red Hat's YAML extension reports YAML syntax errors itself (its `yaml.validate`, on by default). */
function redHatYamlValidates(): boolean {
  return extensions.getExtension('redhat.vscode-yaml') !== undefined && workspace.getConfiguration('yaml').get<boolean>('validate', true);
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
