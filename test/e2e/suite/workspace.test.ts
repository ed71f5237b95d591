/// <reference types="mocha" />
// The cross-file checks in a real VS Code: the microservice fixture is copied into the
// workspace (the server learns of it through the file watcher); editing a Dockerfile's USER,
// without saving and without touching the manifest, changes the manifest's diagnostics.
import * as assert from 'node:assert/strict';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './wait';

const RULE = 'xref-run-as-non-root-vs-image-user';

function crossFile(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'shipshape' && String(typeof d.code === 'object' ? d.code.value : d.code) === RULE);
}

async function replaceAll(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('Cross-file checks in VS Code', () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with a copy of examples/ as its workspace folder');
  const shop = join(folder.uri.fsPath, 'shop');
  const manifest = vscode.Uri.file(join(shop, 'k8s', 'base', 'checkout.yaml'));
  const dockerfileUri = vscode.Uri.file(join(shop, 'services', 'checkout', 'Dockerfile'));
  let dockerfile: vscode.TextDocument;
  let written: string;

  before(async () => {
    const extension = vscode.extensions.all.find((candidate) => candidate.packageJSON.name === 'shipshape');
    assert.ok(extension, 'the extension under test is loaded');
    cpSync(join(extension.extensionPath, 'test', 'fixtures', 'workspaces', 'microservices'), shop, { recursive: true });
    dockerfile = await vscode.workspace.openTextDocument(dockerfileUri);
    written = dockerfile.getText();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(manifest));
    await waitFor(`${RULE} on checkout.yaml`, () => crossFile(manifest).length === 1, 90_000);
  });

  after(async () => {
    await vscode.window.showTextDocument(dockerfile);
    if (dockerfile.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(shop, { recursive: true, force: true });
  });

  it('points at the Dockerfile line that causes it', () => {
    const [diagnostic] = crossFile(manifest);
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [21, 17]);
    assert.equal(diagnostic.relatedInformation?.length, 1);
    const [related] = diagnostic.relatedInformation!;
    assert.equal(related.location.uri.fsPath, dockerfileUri.fsPath);
    assert.deepEqual([related.location.range.start.line, related.location.range.start.character], [7, 5]);
    assert.equal(related.message, 'USER node');
  });

  it("follows the Dockerfile's USER as it is typed, in the manifest", async () => {
    await replaceAll(dockerfile, written.replace('USER node', 'USER 1000'));
    await waitFor('the finding to go with a numeric USER', () => crossFile(manifest).length === 0);
    await replaceAll(dockerfile, written.replace('USER node', 'USER app'));
    await waitFor('the finding to come back with a named USER', () => crossFile(manifest).length === 1);
    assert.match(crossFile(manifest)[0].message, /runs as `app`, a name/);
    assert.equal(vscode.workspace.textDocuments.find((document) => document.uri.fsPath === manifest.fsPath)?.isDirty, false, 'the manifest was not edited');
  });

  it('goes from image: to the FROM of the Dockerfile', async () => {
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', manifest, new vscode.Position(21, 25));
    const target = locations.map((location) => ('targetUri' in location ? { uri: location.targetUri, range: location.targetRange } : location)).find((location) => location.uri.fsPath === dockerfileUri.fsPath);
    assert.ok(target, JSON.stringify(locations));
    assert.equal(target.range.start.line, 1);
  });
});
