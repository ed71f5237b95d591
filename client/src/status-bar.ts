/**
 * A status bar item for the file in front: how many Shipshape findings it has and whether
 * registry lookups are off; a click opens the Problems view.
 */
import { commands, languages, StatusBarAlignment, window, workspace, type ExtensionContext } from 'vscode';

export const SHOW_PROBLEMS_COMMAND = 'shipshape.showProblems';

export function registerStatusBar(context: ExtensionContext): void {
  const item = window.createStatusBarItem('shipshape.status', StatusBarAlignment.Left, 0);
  item.name = 'Shipshape';
  item.command = SHOW_PROBLEMS_COMMAND;
  const update = () => {
    const document = window.activeTextEditor?.document;
    const findings = document ? languages.getDiagnostics(document.uri).filter((diagnostic) => diagnostic.source === 'shipshape').length : 0;
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
