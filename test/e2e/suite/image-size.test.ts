/// <reference types="mocha" />
// Image sizes in a real VS Code: the hover on FROM (the catalog's card), the code lens with
// the stage total, and "Show Image Size Breakdown" opening its view with the same figures.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { formatBytes } from '../../../server/src/engine/size/format';
import { sizeTables } from '../../../server/src/engine/size/tables';
import { parseImageReference } from '../../../server/src/engine/images/reference';
import { setTimeout as sleep } from 'node:timers/promises';

const BASE = 'debian:bookworm-slim';

/** Asks again until the answer is accepted: the server answers once it has started and read the file. */
async function poll<T>(what: string, ask: () => Thenable<T>, accept: (answer: T) => boolean, timeoutMs = 60_000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(250)) {
    const answer = await ask();
    if (accept(answer)) return answer;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last answer: ${JSON.stringify(answer)}`);
  }
}

describe('Image size in VS Code', () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with examples/ as its workspace folder');
  // A folder of its own, so the examples the other suites check stay as they are.
  const directory = vscode.Uri.joinPath(folder.uri, 'sized');
  const uri = vscode.Uri.joinPath(directory, 'Dockerfile');
  const card = sizeTables.imageCard(parseImageReference(BASE));
  let document: vscode.TextDocument;

  before(async () => {
    assert.ok(card?.compressedBytes && card.uncompressedBytes, `the catalog knows ${BASE}`);
    // The catalog's figures, not the registry's: the test must not depend on the network.
    await vscode.workspace.getConfiguration('shipshape').update('registry.offline', true, vscode.ConfigurationTarget.Workspace);
    mkdirSync(vscode.Uri.joinPath(directory, 'app').fsPath, { recursive: true });
    writeFileSync(vscode.Uri.joinPath(directory, 'app', 'server.js').fsPath, 's'.repeat(120_000));
    writeFileSync(uri.fsPath, `FROM ${BASE}\nCOPY app /app\nCMD ["node", "/app/server.js"]\n`);
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('shipshape').update('registry.offline', undefined, vscode.ConfigurationTarget.Workspace);
    rmSync(directory.fsPath, { recursive: true, force: true });
  });

  it('the hover on FROM shows the base image card', async () => {
    const hoverText = async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 8));
      return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    };
    const text = await poll('the hover on FROM', hoverText, (answer) => answer.includes('Size (linux/amd64)'));
    assert.ok(text.startsWith(`**${BASE}**`), text);
    assert.ok(text.includes(`Size (linux/amd64): ${formatBytes(card!.compressedBytes!)} download, ${formatBytes(card!.uncompressedBytes!)} unpacked`), text);
    assert.ok(text.includes(`OS: ${card!.os}`), text);
    assert.ok(text.includes('**Final image: ≈ '), text);
  });

  it('a code lens on FROM gives the stage total', async () => {
    const lensTitles = async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)).map((lens) => lens.command?.title ?? '');
    const titles = await poll('the code lens', lensTitles, (answer) => answer.length > 0);
    assert.deepEqual(titles, [`≈ ${formatBytes(card!.uncompressedBytes! + 120_000)}, final image`]);
  });

  it('"Show Image Size Breakdown" opens the view with a bar per layer', async () => {
    const breakdown = await vscode.commands.executeCommand<{ stages: { title: string; base: { label: string }; layers: { line: number; text: string; bytes: number; files?: number }[] }[] }>(
      'shipshape.showImageSizeBreakdown',
    );
    assert.ok(breakdown, 'the command returns what it shows');
    assert.deepEqual(
      breakdown.stages.map((stage) => [stage.title, stage.base.label, stage.layers.map((layer) => [layer.line, layer.text, layer.bytes, layer.files])]),
      [[`≈ ${formatBytes(card!.uncompressedBytes! + 120_000)}, final image`, BASE, [[2, 'COPY app /app', 120_000, 1]]]],
    );
    const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);
    const tab = (await poll('the breakdown view', async () => tabs(), (open) => open.some((candidate) => candidate.label === 'Image size: Dockerfile'), 10_000)).find((candidate) => candidate.label === 'Image size: Dockerfile');
    assert.ok(tab, `the breakdown view is open among ${tabs().map((candidate) => candidate.label).join(', ')}`);
    assert.ok(tab.input instanceof vscode.TabInputWebview, 'as a webview');
  });
});
