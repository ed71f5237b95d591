/**
 * The workspace index over the protocol: the real server indexes a copy of the microservice
 * fixture, and cross-file findings follow Dockerfile edits, disk changes and settings.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import {
  ApplyWorkspaceEditRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  type ApplyWorkspaceEditParams,
  type Diagnostic,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { root, ServerUnderTest, tracerSettings, vscodeLikeCapabilities } from './harness';

const RULE = 'xref-run-as-non-root-vs-image-user';
const folder = mkdtempSync(join(tmpdir(), 'shipshape-lsp-workspace-'));
cpSync(join(root, 'test/fixtures/workspaces/microservices'), folder, { recursive: true });
const uri = (path: string) => pathToFileURL(join(folder, path)).href;
const read = (path: string) => readFileSync(join(folder, path), 'utf8');

const CHECKOUT = uri('k8s/base/checkout.yaml');
const CHECKOUT_DOCKERFILE = uri('services/checkout/Dockerfile');
const crossFile = (diagnostics: Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.code === RULE);
const message = (diagnostic: Diagnostic) => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

let server: ServerUnderTest;

before(async () => {
  ({ server } = await ServerUnderTest.start(undefined, undefined, undefined, undefined, [{ uri: pathToFileURL(folder).href, name: 'shop' }]));
  server.configuration = tracerSettings({ [RULE]: 'error' });
  // The initial scan says when it is done.
  const deadline = Date.now() + 10_000;
  while (!server.logs.some((line) => line.startsWith('Workspace index of')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.ok(server.logs.some((line) => /^Workspace index of .*: \d+ files read in \d+ ms\.$/.test(line)), server.logs.join('\n'));
});

after(async () => {
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

test('an open manifest gets the cross-file finding, with the Dockerfile line as related information', async () => {
  await server.open(CHECKOUT, read('k8s/base/checkout.yaml'), 'yaml');
  const published = await server.waitForPublish(CHECKOUT, (params) => crossFile(params.diagnostics).length === 1);
  const [diagnostic] = crossFile(published.diagnostics);
  assert.deepEqual(diagnostic.range, { start: { line: 21, character: 17 }, end: { line: 21, character: 44 } });
  assert.deepEqual(diagnostic.relatedInformation, [{ location: { uri: CHECKOUT_DOCKERFILE, range: { start: { line: 7, character: 5 }, end: { line: 7, character: 9 } } }, message: 'USER node' }]);
});

test("editing the Dockerfile's USER (unsaved) updates the open manifest, which was not edited", async () => {
  const original = read('services/checkout/Dockerfile');
  await server.open(CHECKOUT_DOCKERFILE, original);
  let since = server.published.length;
  await server.change(CHECKOUT_DOCKERFILE, original.replace('USER node', 'USER 1000'));
  await server.waitForPublish(CHECKOUT, (params) => crossFile(params.diagnostics).length === 0, since);
  since = server.published.length;
  await server.change(CHECKOUT_DOCKERFILE, original.replace('USER node', 'USER app'));
  const published = await server.waitForPublish(CHECKOUT, (params) => crossFile(params.diagnostics).length === 1, since);
  assert.match(message(crossFile(published.diagnostics)[0]), /runs as `app`, a name/);
  // Closed, the Dockerfile on disk (USER node) counts again.
  since = server.published.length;
  await server.close(CHECKOUT_DOCKERFILE);
  const restored = await server.waitForPublish(CHECKOUT, (params) => crossFile(params.diagnostics).length === 1 && /runs as `node`/.test(message(crossFile(params.diagnostics)[0])), since);
  assert.equal(crossFile(restored.diagnostics).length, 1);
});

test('a Dockerfile changed on disk reaches the manifest through the file watcher', async () => {
  const path = 'services/checkout/Dockerfile';
  const original = read(path);
  const since = server.published.length;
  writeFileSync(join(folder, path), original.replace('USER node', 'USER 1000'));
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(path), type: FileChangeType.Changed }] });
  await server.waitForPublish(CHECKOUT, (params) => crossFile(params.diagnostics).length === 0, since);
  writeFileSync(join(folder, path), original);
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(path), type: FileChangeType.Changed }] });
  await server.waitForPublish(CHECKOUT, (params) => crossFile(params.diagnostics).length === 1, since);
});

test('editing a build definition re-links the image and updates the open manifest', async () => {
  const compose = uri('docker-compose.yaml');
  const original = read('docker-compose.yaml');
  await server.open(compose, original, 'yaml');
  let since = server.published.length;
  // checkout's image now built from the adservice Dockerfile: USER adservice, created with uid 10001.
  await server.change(compose, original.replace('build: ./services/checkout', 'build: ./services/adservice'));
  const relinked = await server.waitForPublish(CHECKOUT, (params) => crossFile(params.diagnostics).length === 1 && /runs as `adservice`/.test(message(crossFile(params.diagnostics)[0])), since);
  assert.equal(crossFile(relinked.diagnostics)[0].relatedInformation?.[0].location.uri, uri('services/adservice/Dockerfile'));
  since = server.published.length;
  await server.change(compose, original);
  await server.waitForPublish(CHECKOUT, (params) => crossFile(params.diagnostics).length === 1 && /runs as `node`/.test(message(crossFile(params.diagnostics)[0])), since);
  await server.close(compose);
});

test('go to definition on image: opens the Dockerfile at the FROM of the stage that ships', async () => {
  const location = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: CHECKOUT }, position: { line: 21, character: 25 } })) as Location;
  assert.deepEqual(location, { uri: CHECKOUT_DOCKERFILE, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 26 } } });
  assert.equal(await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: CHECKOUT }, position: { line: 3, character: 8 } }), null);
});

test('the hover on image: says where the workspace builds it', async () => {
  const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: CHECKOUT }, position: { line: 21, character: 25 } });
  const value = (hover?.contents as MarkupContent).value;
  assert.ok(value.includes(`Built from [services/checkout/Dockerfile](${CHECKOUT_DOCKERFILE}) (via [docker-compose.yaml](${uri('docker-compose.yaml')}#L4))`), value);
});

test('shipshape.workspace.imageMappings links an image no build definition names', async () => {
  const path = 'k8s/legacy.yaml';
  const text = read('k8s/base/checkout.yaml').replace('ghcr.io/acme/checkout:1.0.3', 'registry.local/legacy/checkout-v1:7');
  writeFileSync(join(folder, path), text);
  await server.open(uri(path), text, 'yaml');
  assert.equal(crossFile((await server.waitForPublish(uri(path))).diagnostics).length, 0);
  const since = server.published.length;
  await server.changeConfiguration(tracerSettings({ [RULE]: 'error' }, { workspace: { imageMappings: { 'registry.local/legacy/checkout-v1': 'services/checkout/Dockerfile' } } }));
  const published = await server.waitForPublish(uri(path), (params) => crossFile(params.diagnostics).length === 1, since);
  assert.equal(crossFile(published.diagnostics)[0].relatedInformation?.[0].location.uri, CHECKOUT_DOCKERFILE);
});

test('Harden Kubernetes Manifest, with the workspace, also sets the runAsUser the named USER needs', async () => {
  const requests: ApplyWorkspaceEditParams[] = [];
  server.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
    requests.push(params);
    return { applied: true };
  });
  // The checkout Deployment before anyone set runAsNonRoot.
  const unhardened = uri('k8s/unhardened.yaml');
  await server.open(unhardened, read('k8s/base/checkout.yaml').replace('        runAsNonRoot: true\n', ''), 'yaml');
  const settings = server.configuration;
  // Every rule at its default: hardening applies the fixes of the rules that are on.
  await server.changeConfiguration({});
  try {
    assert.deepEqual(await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'shipshape.server.hardenManifest', arguments: [{ uri: unhardened }] }), { applied: true });
    assert.match(server.apply(unhardened, requests[0].edit), /\n {10}type: RuntimeDefault\n {8}runAsNonRoot: true\n {8}runAsUser: 1000\n {6}containers:\n/);
  } finally {
    await server.changeConfiguration(settings);
  }
});

test('a workspace folder added later is indexed', async () => {
  const capabilities = { ...vscodeLikeCapabilities, workspace: { ...vscodeLikeCapabilities.workspace, workspaceFolders: true } };
  const { server: other, initialized } = await ServerUnderTest.start(capabilities);
  try {
    assert.deepEqual(initialized.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
    other.configuration = tracerSettings({ [RULE]: 'error' });
    await other.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [{ uri: pathToFileURL(folder).href, name: 'shop' }], removed: [] } });
    const deadline = Date.now() + 10_000;
    while (!other.logs.some((line) => line.startsWith('Workspace index of')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await other.open(CHECKOUT, read('k8s/base/checkout.yaml'), 'yaml');
    await other.waitForPublish(CHECKOUT, (params) => crossFile(params.diagnostics).length === 1);
  } finally {
    await other.stop();
  }
});
