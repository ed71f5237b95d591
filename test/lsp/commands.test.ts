/**
 * The conversions over the protocol: the server lists them as commands, computes the edit on
 * `workspace/executeCommand` and asks the client to apply it with `workspace/applyEdit`;
 * edits of other files arrive as versioned document changes (and file creations), and nothing is
 * marked as needing confirmation, which VS Code would show in a preview with the change unticked.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { ApplyWorkspaceEditRequest, ExecuteCommandRequest, type ApplyWorkspaceEditParams, type ClientCapabilities, type CodeAction, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/engine';
import { HARDENING_RULES } from '../../server/src/engine/fixes/harden-manifest';
import { ServerUnderTest, byCode, tracerSettings, vscodeLikeCapabilities } from './harness';

const capabilities: ClientCapabilities = {
  ...vscodeLikeCapabilities,
  workspace: { ...vscodeLikeCapabilities.workspace, workspaceEdit: { documentChanges: true, resourceOperations: ['create'], changeAnnotationSupport: { groupsOnLabel: true } } },
};

let server: ServerUnderTest;
let initialized: Awaited<ReturnType<typeof ServerUnderTest.start>>['initialized'];
const applied: ApplyWorkspaceEditParams[] = [];
const folder = mkdtempSync(join(tmpdir(), 'shipshape-commands-'));

before(async () => {
  ({ server, initialized } = await ServerUnderTest.start(capabilities));
  server.configuration = tracerSettings({ 'entrypoint-script-without-exec': 'warning', 'missing-dockerignore': 'warning' });
  server.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
    applied.push(params);
    return { applied: true };
  });
});

after(async () => {
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

function execute(command: string, argument: unknown): Promise<{ applied: boolean; reason?: string }> {
  return server.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: [argument] }) as Promise<{ applied: boolean; reason?: string }>;
}

function textEdits(edit: WorkspaceEdit | undefined, uri: string) {
  return (edit?.documentChanges ?? []).flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits : [])).flatMap((one) => ('newText' in one ? [one] : []));
}

test('the server offers every conversion and the pin commands as commands', () => {
  assert.deepEqual(initialized.capabilities.executeCommandProvider?.commands, [
    'shipshape.server.convertToMultiStage',
    'shipshape.server.mergeRuns',
    'shipshape.server.convertToExecForm',
    'shipshape.server.addExec',
    'shipshape.server.generateDockerignore',
    'shipshape.server.copyManifestsFirst',
    'shipshape.server.hardenManifest',
    'shipshape.server.pinImage',
    'shipshape.server.pinAllImages',
    'shipshape.server.updatePinnedDigests',
    'shipshape.server.imageSizeBreakdown',
  ]);
});

test('Merge RUN Instructions applies one versioned edit without a preview', async () => {
  const uri = 'file:///commands/merge/Dockerfile';
  await server.open(uri, 'FROM alpine:3.22\nRUN apk add --no-cache curl\nRUN mkdir /app\nCMD ["sh"]\n');
  applied.length = 0;
  assert.deepEqual(await execute('shipshape.server.mergeRuns', { uri }), { applied: true });
  const [{ edit, label }] = applied;
  assert.equal(label, 'Merge RUN Instructions');
  assert.equal(edit.changeAnnotations, undefined, 'a small single-file edit needs no confirmation');
  assert.equal(server.apply(uri, edit), 'FROM alpine:3.22\nRUN apk add --no-cache curl \\\n    && mkdir /app\nCMD ["sh"]\n');
});

test('the distroless conversion, a large edit, applies at once', async () => {
  const uri = 'file:///commands/go/Dockerfile';
  const text = 'FROM golang:1.27\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/api ./cmd/api\nEXPOSE 8080\nCMD ["/out/api"]\n';
  await server.open(uri, text);
  applied.length = 0;
  assert.deepEqual(await execute('shipshape.server.convertToMultiStage', { uri }), { applied: true });
  assert.equal(applied[0].edit.changeAnnotations, undefined);
  assert.ok(textEdits(applied[0].edit, uri).every((edit) => !('annotationId' in edit)));
  assert.equal(
    server.apply(uri, applied[0].edit),
    'FROM golang:1.27 AS build\nENV CGO_ENABLED=0\nWORKDIR /src\nCOPY . .\nRUN go build -o /out/api ./cmd/api\n\nFROM gcr.io/distroless/static-debian13:nonroot\nWORKDIR /src\nCOPY --from=build /out/api /out/api\nEXPOSE 8080\nCMD ["/out/api"]\n',
  );
});

test('a conversion with nothing to do says why and applies nothing', async () => {
  const uri = 'file:///commands/nothing/Dockerfile';
  await server.open(uri, 'FROM alpine:3.22\nCMD ["sh"]\n');
  applied.length = 0;
  const result = await execute('shipshape.server.convertToExecForm', { uri });
  assert.deepEqual(result, { applied: false, reason: 'every CMD and ENTRYPOINT is in exec form already' });
  assert.deepEqual(applied, []);
  assert.deepEqual(await execute('shipshape.server.mergeRuns', { uri: 'file:///not/open/Dockerfile' }), { applied: false, reason: 'no open Dockerfile was named' });
});

test('Harden Kubernetes Manifest applies every hardening fix to an open manifest as one edit, keeping comments', async () => {
  const uri = 'file:///commands/k8s/pod.yaml';
  const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web # the front end\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';
  // The hardening rules on: the command leaves alone what the user switched off.
  const settings = server.configuration;
  await server.changeConfiguration(tracerSettings({ 'entrypoint-script-without-exec': 'warning', 'missing-dockerignore': 'warning', ...Object.fromEntries(HARDENING_RULES.map((id) => [id, 'warning'])) }));
  await server.open(uri, text, 'yaml');
  applied.length = 0;
  assert.deepEqual(await execute('shipshape.server.hardenManifest', { uri }), { applied: true });
  const [{ edit, label }] = applied;
  assert.equal(label, 'Harden Kubernetes Manifest');
  assert.equal(textEdits(edit, uri).length, 1, 'one edit the user can undo at once');
  assert.equal(edit.changeAnnotations, undefined);
  const hardened = server.apply(uri, edit);
  assert.equal(
    hardened,
    [
      'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web # the front end', 'spec:', '  containers:', '    - name: web', '      image: nginx:1.27',
      '      securityContext:', '        allowPrivilegeEscalation: false', '        capabilities:', '          drop: [ALL]', '        readOnlyRootFilesystem: true',
      '      volumeMounts:', '        - name: tmp', '          mountPath: /tmp',
      '  securityContext:', '    runAsNonRoot: true', '    seccompProfile:', '      type: RuntimeDefault',
      '  automountServiceAccountToken: false', '  volumes:', '    - name: tmp', '      emptyDir: {}', '',
    ].join('\n'),
  );
  // Hardened once, nothing is left to do; a Dockerfile is not a manifest.
  await server.change(uri, hardened);
  applied.length = 0;
  assert.deepEqual(await execute('shipshape.server.hardenManifest', { uri }), { applied: false, reason: 'nothing to change' });
  assert.deepEqual(applied, []);
  await server.open('file:///commands/k8s/Dockerfile', 'FROM alpine:3.22\n');
  assert.deepEqual(await execute('shipshape.server.hardenManifest', { uri: 'file:///commands/k8s/Dockerfile' }), { applied: false, reason: 'no open Kubernetes manifest was named' });
  await server.changeConfiguration(settings);
});

test('Harden Kubernetes Manifest on a selection hardens only the document and containers it touches', async () => {
  const uri = 'file:///commands/k8s/bundle.yaml';
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          securityContext: {privileged: true}\n        - name: log\n          image: fluent-bit:4.0\n';
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: debug}\nspec:\n  hostNetwork: true\n  containers:\n    - name: shell\n      image: busybox:1.37\n';
  const settings = server.configuration;
  await server.changeConfiguration(tracerSettings(Object.fromEntries(HARDENING_RULES.map((id) => [id, 'warning']))));
  await server.open(uri, `${deployment}---\n${pod}`, 'yaml');
  applied.length = 0;
  // From the `- name: web` line to the end of the container's lines: that container alone.
  assert.deepEqual(await execute('shipshape.server.hardenManifest', { uri, selection: { start: { line: 7, character: 0 }, end: { line: 10, character: 0 } } }), { applied: true });
  assert.equal(
    server.apply(uri, applied[0].edit),
    `${deployment.replace(
      '          securityContext: {privileged: true}\n',
      '          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, readOnlyRootFilesystem: true}\n          volumeMounts:\n            - name: tmp\n              mountPath: /tmp\n',
    )}      volumes:\n        - name: tmp\n          emptyDir: {}\n---\n${pod}`,
  );
  // A selection in the Pod's spec, outside its containers: the whole Pod, the Deployment as it was.
  applied.length = 0;
  assert.deepEqual(await execute('shipshape.server.hardenManifest', { uri, selection: { start: { line: 17, character: 2 }, end: { line: 17, character: 13 } } }), { applied: true });
  assert.equal(
    server.apply(uri, applied[0].edit),
    `${deployment}---\napiVersion: v1\nkind: Pod\nmetadata: {name: debug}\nspec:\n  containers:\n    - name: shell\n      image: busybox:1.37\n      securityContext:\n        allowPrivilegeEscalation: false\n        capabilities:\n          drop: [ALL]\n        readOnlyRootFilesystem: true\n      volumeMounts:\n        - name: tmp\n          mountPath: /tmp\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n  automountServiceAccountToken: false\n  volumes:\n    - name: tmp\n      emptyDir: {}\n`,
  );
  await server.changeConfiguration(settings);
});

test('asked for on a manifest (Ctrl+., Refactor...), Harden Kubernetes Manifest is a refactoring whose edit VS Code can preview ticked', async () => {
  const uri = 'file:///commands/k8s/refactor.yaml';
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext: {privileged: true}\n';
  const settings = server.configuration;
  await server.changeConfiguration(tracerSettings(Object.fromEntries(HARDENING_RULES.map((id) => [id, 'warning']))));
  await server.open(uri, text, 'yaml');
  const cursor = { start: { line: 6, character: 3 }, end: { line: 6, character: 3 } };
  const refactorings = ((await server.codeActions(uri, cursor, { diagnostics: [], triggerKind: 1, only: ['refactor.rewrite'] })) ?? []) as CodeAction[];
  assert.deepEqual(refactorings.map((action) => [action.title, action.kind]), [['Harden Kubernetes Manifest', 'refactor.rewrite']]);
  const [{ edit }] = refactorings;
  assert.equal(edit?.changeAnnotations, undefined, 'nothing marked as needing confirmation: a preview shows it ticked');
  assert.equal(
    server.apply(uri, edit!),
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, readOnlyRootFilesystem: true}\n      volumeMounts:\n        - name: tmp\n          mountPath: /tmp\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n  automountServiceAccountToken: false\n  volumes:\n    - name: tmp\n      emptyDir: {}\n',
  );
  // Not on cursor moves, and not once there is nothing left to harden.
  assert.deepEqual(await server.codeActions(uri, cursor, { diagnostics: [], triggerKind: 2 }), []);
  await server.change(uri, server.apply(uri, edit!));
  assert.deepEqual(await server.codeActions(uri, cursor, { diagnostics: [], triggerKind: 1, only: ['refactor.rewrite'] }), []);
  await server.changeConfiguration(settings);
});

test('Add exec edits the entrypoint script next to the Dockerfile, applied at once', async () => {
  writeFileSync(join(folder, 'entrypoint.sh'), '#!/bin/sh\nset -e\n./migrate\nnode server.js\n');
  writeFileSync(join(folder, '.dockerignore'), '.git\n');
  const uri = pathToFileURL(join(folder, 'Dockerfile')).href;
  const script = pathToFileURL(join(folder, 'entrypoint.sh')).href;
  const text = 'FROM node:24\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\n';
  writeFileSync(join(folder, 'Dockerfile'), text);
  await server.open(uri, text);
  const diagnostic = byCode((await server.waitForPublish(uri, (params) => params.diagnostics.some((d) => d.code === 'entrypoint-script-without-exec'))).diagnostics, 'entrypoint-script-without-exec');
  const actions = (await server.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] })) as CodeAction[];
  const fix = actions.find((action) => action.title === 'Add exec before node in entrypoint.sh');
  assert.ok(fix?.edit?.documentChanges, 'the quick fix edits the script');
  assert.deepEqual(fix.edit.documentChanges, [{ textDocument: { uri: script, version: null }, edits: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: 'exec ' }] }]);
  assert.equal(fix.edit.changeAnnotations, undefined);
  applied.length = 0;
  assert.deepEqual(await execute('shipshape.server.addExec', { uri }), { applied: true });
  assert.equal(applyEdits(readFileSync(join(folder, 'entrypoint.sh'), 'utf8'), textEdits(applied[0].edit, script)), '#!/bin/sh\nset -e\n./migrate\nexec node server.js\n');
  assert.deepEqual(textEdits(applied[0].edit, uri), [], 'the Dockerfile itself is not touched');
});

test('Generate .dockerignore creates the file beside the Dockerfile', async () => {
  const sub = join(folder, 'app');
  mkdirSync(sub);
  writeFileSync(join(sub, 'package.json'), '{}');
  writeFileSync(join(sub, '.env'), 'TOKEN=x\n');
  const uri = pathToFileURL(join(sub, 'Dockerfile')).href;
  const ignore = pathToFileURL(join(sub, '.dockerignore')).href;
  await server.open(uri, 'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n');
  applied.length = 0;
  await execute('shipshape.server.generateDockerignore', { uri });
  const [create, edit] = applied[0].edit.documentChanges ?? [];
  assert.deepEqual(create, { kind: 'create', uri: ignore, options: { ignoreIfExists: true } });
  assert.ok(edit && 'edits' in edit && edit.textDocument.uri === ignore);
  assert.match(textEdits(applied[0].edit, ignore)[0].newText, /^# Kept out of the build context[^\n]*\n\.git\n\.env\n[\s\S]*\nnode_modules\n/);
});
