/**
 * The VS Code side, kept thin: it starts the language server and offers a restart. Everything
 * a Dockerfile needs is decided in the server, so other editors get the same behaviour.
 */
import { commands, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('Shipshape', { log: true });
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // The id `shipshape` makes the client honour the `shipshape.trace.server` setting.
  client = new LanguageClient('shipshape', 'Shipshape', serverOptions, {
    documentSelector: [{ language: 'dockerfile' }],
    outputChannel: output,
    // Untrusted workspaces get no external binaries (ShellCheck) from the server.
    initializationOptions: { workspaceTrusted: workspace.isTrusted },
    // Files the analysis reads besides the Dockerfile itself.
    synchronize: { fileEvents: workspace.createFileSystemWatcher('**/{.dockerignore,*.dockerignore,.shipshape.yaml,.shipshape.yml,.hadolint.yaml,.hadolint.yml,package.json,*.sh}') },
  });
  context.subscriptions.push(
    output,
    commands.registerCommand('shipshape.restartServer', () => client?.restart()),
    // Trust granted later: restart so the server learns it.
    workspace.onDidGrantWorkspaceTrust(() => client?.restart()),
  );
  await client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
