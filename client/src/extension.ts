/**
 * The VS Code side, kept thin: it starts the language server and offers a restart. Everything
 * a Dockerfile needs is decided in the server, so other editors get the same behaviour.
 */
import { commands, window, type ExtensionContext } from 'vscode';
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
  });
  context.subscriptions.push(
    output,
    commands.registerCommand('shipshape.restartServer', () => client?.restart()),
  );
  await client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
