/// <reference types="mocha" />
// The palette conversions through VS Code's API, in the extension host: the commands exist,
// and running them on examples/node-app's Dockerfile changes its text as the server computed.
import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import * as vscode from 'vscode';
import { waitFor } from './wait';

const CONVERSIONS = ['convertToMultiStage', 'mergeRuns', 'convertToExecForm', 'addExec', 'generateDockerignore', 'copyManifestsFirst'];

describe('Shipshape conversions in VS Code', () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with examples/ as its workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, 'node-app', 'Dockerfile');
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    // The commands need the server, which is up once it has published diagnostics.
    await waitFor('diagnostics', () => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'shipshape'), 90_000);
  });

  afterEach(async () => {
    await vscode.window.showTextDocument(document);
    if (!document.isDirty) return;
    // The next suite asks for quick fixes at once: wait until the server has published the
    // reverted text's diagnostics, or it would still hold those of the converted text.
    const republished = new Promise<void>((resolve) => {
      const listener = vscode.languages.onDidChangeDiagnostics((event) => {
        if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
        listener.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await Promise.race([republished, sleep(10_000)]);
  });

  it('registers a command per conversion', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of CONVERSIONS) assert.ok(commands.includes(`shipshape.${id}`), `shipshape.${id}`);
  });

  it('"Merge RUN Instructions" merges the two RUNs of the open Dockerfile', async () => {
    await vscode.commands.executeCommand('shipshape.mergeRuns');
    await waitFor('the merged RUN', () => document.getText().includes('RUN npm ci \\\n    && npm run build'));
  });

  it('"Convert to Multi-Stage Distroless Build" adds the distroless stage at once', async () => {
    await vscode.commands.executeCommand('shipshape.convertToMultiStage');
    await waitFor('the distroless stage', () => document.getText().includes('FROM gcr.io/distroless/nodejs24-debian13:nonroot'));
    const text = document.getText();
    assert.match(text, /^FROM node:latest AS build\n/);
    assert.match(text, /\nCOPY --from=build \/app \/app\nCMD \["server\.js"\]\n$/);
  });
});
