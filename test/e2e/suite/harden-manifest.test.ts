/// <reference types="mocha" />
// "Harden Kubernetes Manifest" through VS Code's API, in the extension host: run on
// examples/k8s/deployment.yaml, it rewrites the pod as Pod Security "restricted" wants it, keeps
// the comments, and the findings it answers leave the Problems panel while the others stay; on
// a selection, only what it touches, undone in one step.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './wait';

// What the example's pod gets wrong that hardening settles; resources and digests are other decisions.
const HARDENED = ['k8s-privileged', 'k8s-allow-privilege-escalation', 'k8s-run-as-non-root', 'k8s-seccomp-missing', 'k8s-capabilities-not-dropped', 'k8s-read-only-root-fs', 'k8s-service-account-token'];
// The image (examples/node-app, linked by name) has no USER, but its base defines the `node`
// account (uid 1000): hardening runs the pod as that uid, so the kubelet's non-root check passes
// and no cross-file finding is left.
const KEPT = ['k8s-image-not-pinned-by-digest', 'k8s-resources-missing'];

function ruleIds(uri: vscode.Uri): string[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'shipshape')
    .map((d) => String(typeof d.code === 'object' ? d.code.value : d.code))
    .sort();
}

describe('Harden Kubernetes Manifest in VS Code', () => {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with examples/ as its workspace folder');
  const uri = vscode.Uri.joinPath(folder.uri, 'k8s', 'deployment.yaml');
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitFor('the restricted findings', () => HARDENED.every((id) => ruleIds(uri).includes(id)), 90_000);
  });

  after(async () => {
    // Other suites see the example as written.
    await vscode.window.showTextDocument(document);
    if (document.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('is registered', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('shipshape.hardenManifest'));
  });

  it('on a selection of the container, hardens that container and leaves the pod-level settings alone', async () => {
    const editor = await vscode.window.showTextDocument(document);
    const original = document.getText();
    // From `- name: web` to the end of the file: the one container, as lines selected with the mouse.
    const first = original.split('\n').findIndex((line) => line.trim() === '- name: web');
    editor.selection = new vscode.Selection(first, 0, document.lineCount - 1, 0);
    await vscode.commands.executeCommand('shipshape.hardenManifest');
    await waitFor('the hardened container', () => document.getText().includes('allowPrivilegeEscalation: false'));
    const text = document.getText();
    assert.match(text, /\n {12}readOnlyRootFilesystem: true\n/);
    assert.doesNotMatch(text, /privileged: true|runAsNonRoot|seccompProfile|automountServiceAccountToken/);
    await vscode.commands.executeCommand('undo');
    await waitFor('the text as it was', () => document.getText() === original);
    // A cursor, no selection: the next run takes the whole file.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
  });

  it('hardens the Deployment in place and the restricted findings disappear', async () => {
    const original = document.getText();
    await vscode.commands.executeCommand('shipshape.hardenManifest');
    await waitFor('the hardened pod', () => document.getText().includes('type: RuntimeDefault'));
    const text = document.getText();
    assert.ok(text.startsWith(original.slice(0, original.indexOf('apiVersion'))), 'the leading comments stay');
    assert.doesNotMatch(text, /privileged: true/);
    assert.match(text, /\n {10}securityContext:\n {12}allowPrivilegeEscalation: false\n {12}capabilities:\n {14}drop: \[ALL\]\n {12}readOnlyRootFilesystem: true\n {10}readinessProbe:\n/);
    assert.match(text, /\n {10}volumeMounts:\n {12}- name: tmp\n {14}mountPath: \/tmp\n/);
    assert.match(text, /\n {6}securityContext:\n {8}runAsNonRoot: true\n {8}runAsUser: 1000\n {8}seccompProfile:\n {10}type: RuntimeDefault\n {6}automountServiceAccountToken: false\n {6}volumes:\n {8}- name: tmp\n {10}emptyDir: \{\}\n$/);
    // On a timeout, the assertion shows which findings are left.
    await waitFor('the findings of the hardened text', () => JSON.stringify(ruleIds(uri)) === JSON.stringify(KEPT)).catch(() => assert.deepEqual(ruleIds(uri), KEPT));
  });
});
