/**
 * A status bar item for the file in front: how many Shipshape findings it has and whether
 * registry lookups are off; a click opens the Problems view.
 */
import { commands, languages, StatusBarAlignment, window, workspace, type Diagnostic, type ExtensionContext } from 'vscode';

export const SHOW_PROBLEMS_COMMAND = 'shipshape.showProblems';

export function registerStatusBar(context: ExtensionContext): void {
  const item = window.createStatusBarItem('shipshape.status', StatusBarAlignment.Left, 0);
  item.name = 'Shipshape';
  item.command = SHOW_PROBLEMS_COMMAND;
  const update = () => {
    const document = window.activeTextEditor?.document;
    const findings = document ? findingCount(languages.getDiagnostics(document.uri)) : 0;
    // Any YAML file may be a manifest; show the item there only once it has findings.
    if (!document || !(document.languageId === 'dockerfile' || (document.languageId === 'yaml' && findings > 0))) {
      item.hide();
      return;
    }
    const offline = workspace.getConfiguration('shipshape', document.uri).get<boolean>('registry.offline', false);
    item.text = `$(shield) ${findings}${offline ? ' $(cloud-offline)' : ''}`;
    item.tooltip = `Shipshape: ${findings === 1 ? '1 finding' : `${findings} findings`} in this file; registry lookups ${offline ? 'off (offline mode)' : 'on'}. Click for the Problems view.`;
    item.accessibilityInformation = { label: `Shipshape, ${findings} findings in this file` };
    item.show();
  };
  context.subscriptions.push(
    item,
    commands.registerCommand(SHOW_PROBLEMS_COMMAND, () => commands.executeCommand('workbench.actions.view.problems')),
    window.onDidChangeActiveTextEditor(update),
    languages.onDidChangeDiagnostics(update),
    workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('shipshape.registry.offline') && update()),
  );
  update();
}

/**
 * Shipshape's findings in a file: those shown, plus those the server left out past the client's
 * maximum per file, which its note at the top counts (server/src/lsp/diagnostics.ts).
 */
export function findingCount(diagnostics: readonly Diagnostic[]): number {
  let count = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'shipshape') continue;
    // vscode-languageclient keeps the protocol's `data` on the diagnostics it converts.
    const notShown = (diagnostic as Diagnostic & { data?: { notShown?: unknown } }).data?.notShown;
    count += typeof notShown === 'number' ? notShown : 1;
  }
  return count;
}
