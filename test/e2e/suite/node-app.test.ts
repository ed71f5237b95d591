/// <reference types="mocha" />
// Runs inside a real VS Code's extension host, on a copy of examples/ opened as the
// workspace: what the user sees for examples/node-app/Dockerfile, through VS Code's API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './wait';

/** [rule id, severity, start line, start character, end line, end character] */
type Finding = [string, string, number, number, number, number];

const execForm = 'CMD ["node", "server.js"]';
// What the example is written to show. Other rules may report more; the suite checks these.
const expected: Finding[] = [
  ['user-root', 'Warning', 0, 5, 0, 16], // the shipped stage's image: no USER anywhere
  ['image-latest-tag', 'Warning', 0, 10, 0, 16], // the `latest` tag
  ['consecutive-run', 'Information', 4, 0, 4, 3], // the second RUN's keyword
  ['cmd-shell-form', 'Warning', 5, 4, 5, 18], // `node server.js`
];
const expectedIds = expected.map(([id]) => id);

function ruleId(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

/** The findings of the rules this suite is about, in document order. */
function findings(uri: vscode.Uri): Finding[] {
  return vscode.languages.getDiagnostics(uri)
    .filter((d) => d.source === 'shipshape' && expectedIds.includes(ruleId(d)))
    .map((d): Finding => [ruleId(d), vscode.DiagnosticSeverity[d.severity], d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character])
    .sort((a, b) => a[2] - b[2] || a[3] - b[3] || a[0].localeCompare(b[0]));
}

/** The document's text with the edits applied, leaving the document itself alone. */
function applied(document: vscode.TextDocument, edits: vscode.TextEdit[]): string {
  let text = document.getText();
  for (const edit of [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start))) {
    text = text.slice(0, document.offsetAt(edit.range.start)) + edit.newText + text.slice(document.offsetAt(edit.range.end));
  }
  return text;
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range);
  // A bare Command has a string `command`; a CodeAction has none or a Command object.
  return actions.filter((action): action is vscode.CodeAction => typeof action.command !== 'string');
}

describe('examples/node-app/Dockerfile in VS Code', () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with examples/ as its workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, 'node-app', 'Dockerfile');
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    // The first findings include activating the extension and starting the server.
    await waitFor('the four findings', () => findings(uri).length >= expected.length, 90_000);
  });

  it('is a Dockerfile and activates Shipshape', () => {
    assert.equal(document.languageId, 'dockerfile');
    assert.equal(vscode.extensions.getExtension('shipshape.shipshape')?.isActive, true);
  });

  it('reports the four findings with rule ids, severities and exact ranges', () => {
    assert.deepEqual(findings(uri), expected);
  });

  it('offers "Convert to exec form" on the CMD line, producing the exec form', async () => {
    const fix = (await quickFixes(uri, new vscode.Range(5, 8, 5, 8))).find((action) => action.title === 'Convert to exec form');
    assert.ok(fix?.edit, 'a "Convert to exec form" action with an edit');
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(applied(document, fix.edit.get(uri)).split(/\r?\n/)[5], execForm);
  });

  it('offers "Merge RUN instructions" on the second RUN', async () => {
    const fix = (await quickFixes(uri, new vscode.Range(4, 1, 4, 1))).find((action) => action.title === 'Merge RUN instructions');
    assert.ok(fix?.edit, 'a "Merge RUN instructions" action with an edit');
    const lines = applied(document, fix.edit.get(uri)).split(/\r?\n/);
    // The merged RUN's layout may change; what matters is one RUN doing both steps.
    assert.equal(lines.filter((line) => /^RUN\b/.test(line)).length, 1);
    assert.match(lines.slice(3, 5).join('\n'), /^RUN npm ci[\s\S]*&& npm run build$/);
  });

  it('reports the findings again after "Shipshape: Restart Server"', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('shipshape.restartServer'));
    let changes = 0;
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) changes++;
    });
    try {
      await vscode.commands.executeCommand('shipshape.restartServer');
      await waitFor('findings from the restarted server', () => changes > 0 && findings(uri).length === expected.length);
    } finally {
      listener.dispose();
    }
  });

  it('drops the cmd-shell-form finding once the fix is applied to the open editor', async () => {
    const fix = (await quickFixes(uri, new vscode.Range(5, 8, 5, 8))).find((action) => action.title === 'Convert to exec form');
    assert.ok(fix?.edit && (await vscode.workspace.applyEdit(fix.edit)));
    try {
      assert.equal(document.lineAt(5).text, execForm);
      await waitFor('cmd-shell-form to go away', () => !findings(uri).some(([id]) => id === 'cmd-shell-form'));
      assert.deepEqual(findings(uri), expected.filter(([id]) => id !== 'cmd-shell-form'));
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
