/// <reference types="mocha" />
// A Dockerfile with more findings than VS Code keeps per file (1,000): the server sends that
// many, its note at the top counting the rest, and the status bar's count stays the true total.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findingCount } from '../../../client/src/status-bar';
import { waitFor } from './wait';

const STAGES = 700;

describe('a Dockerfile with more findings than VS Code shows', () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with examples/ as its workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, 'many-findings', 'Dockerfile');

  before(async () => {
    // Each stage: the `latest` tag and a shell-form CMD, at least two findings.
    const text = Array.from({ length: STAGES }, (_, i) => `FROM node:latest AS stage${i}\nCMD node server.js\n`).join('');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the diagnostics', () => vscode.languages.getDiagnostics(uri).some((diagnostic) => diagnostic.source === 'shipshape'), 90_000);
  });

  it('gets 1,000 diagnostics, the first a note counting those left out, and the status bar counts them all', () => {
    const diagnostics = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'shipshape');
    assert.equal(diagnostics.length, 1000);
    const [note] = diagnostics;
    assert.equal(note.severity, vscode.DiagnosticSeverity.Information);
    assert.deepEqual([note.range.start.line, note.range.start.character], [0, 0]);
    const notShown = (note as vscode.Diagnostic & { data?: { notShown?: number } }).data?.notShown;
    assert.ok(typeof notShown === 'number' && notShown >= 2 * STAGES - 999, `notShown: ${notShown}`);
    assert.match(note.message, new RegExp(`^Shipshape shows 999 of this file's ${999 + notShown} findings .*; ${notShown} more are not shown\\. Run \`shipshape check .*many-findings.Dockerfile\` in a terminal to see them all\\.$`));
    assert.equal(findingCount(vscode.languages.getDiagnostics(uri)), 999 + notShown);
  });
});
