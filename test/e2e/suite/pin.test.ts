/// <reference types="mocha" />
// Pin to digest through VS Code's API, in the extension host, against a real registry: the
// extension host starts Debian's docker-registry on loopback (plain http, as the server
// reaches loopback registries) and pushes an image written on disk, so nothing is downloaded.
// VS Code resolves the quick fix (codeAction/resolve asks the registry) and applies its edit.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './wait';
import { OciLayout } from '../../registry/oci-layout';
import { missingTools, push, rawManifestDigest, startRegistry, type RunningRegistry } from '../../registry/registry-server';

describe('Pin to digest in VS Code (docker-registry on loopback)', () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with examples/ as its workspace folder');
  // A folder of its own, so the examples the other suites check stay as they are.
  const directory = vscode.Uri.joinPath(folder.uri, 'pinned');
  const uri = vscode.Uri.joinPath(directory, 'Dockerfile');
  let registry: RunningRegistry | undefined;
  let layoutDirectory: string | undefined;
  let image: string;
  let document: vscode.TextDocument;

  before(async function () {
    // Throws when CI=true, where the Debian packages are installed and a missing one is a failure.
    const missing = missingTools();
    if (missing) {
      console.log(`# skipping Pin to digest in VS Code: ${missing}`);
      this.skip();
    }
    registry = await startRegistry();
    layoutDirectory = mkdtempSync(join(tmpdir(), 'shipshape-e2e-pin-'));
    const layout = new OciLayout(layoutDirectory);
    layout.tag('app', layout.image('app'));
    image = `${registry.host}/demo/app:1.0`;
    await push(layout.directory, 'app', image);
    mkdirSync(directory.fsPath, { recursive: true });
    writeFileSync(uri.fsPath, `FROM ${image}\n`);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    if (document) {
      await vscode.window.showTextDocument(document);
      if (document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
    await registry?.stop();
    if (layoutDirectory) rmSync(layoutDirectory, { recursive: true, force: true });
    rmSync(directory.fsPath, { recursive: true, force: true });
  });

  it('"Pin to digest" pins the base image to the digest the registry has for its tag', async () => {
    const finding = () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'shipshape' && (typeof d.code === 'object' ? d.code.value : d.code) === 'image-not-pinned-by-digest');
    await waitFor('the image-not-pinned-by-digest finding', () => finding() !== undefined, 90_000);
    // The action comes without an edit; an itemResolveCount makes VS Code resolve it, as it does when a person picks it.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, finding()!.range, vscode.CodeActionKind.QuickFix.value, 10);
    const pin = actions.find((action) => action.title === 'Pin to digest');
    assert.ok(pin, `a pin action among ${actions.map((action) => action.title).join(', ')}`);
    assert.ok(pin.edit, 'the resolved action carries the edit');
    assert.ok(await vscode.workspace.applyEdit(pin.edit));
    assert.equal(document.getText(), `FROM ${image}@${await rawManifestDigest(image)}\n`);
  });
});
