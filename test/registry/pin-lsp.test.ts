/**
 * Pin to digest over the protocol, against a real registry on loopback: the quick fix comes
 * without an edit (showing it sends nothing), codeAction/resolve asks the registry; the
 * palette commands apply their edit with workspace/applyEdit; offline mode says so.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ApplyWorkspaceEditRequest,
  CodeActionResolveRequest,
  ExecuteCommandRequest,
  ShowMessageNotification,
  WorkDoneProgressCreateRequest,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type CodeAction,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';
import { ServerUnderTest, byCode, tracerSettings, vscodeLikeCapabilities } from '../lsp/harness';
import { OciLayout, type Descriptor } from './oci-layout';
import { missingTools, push, startRegistry, type RunningRegistry } from './registry-server';

const skip = missingTools();
if (skip) console.log(`# skipping the real-registry tests: ${skip}`);

const capabilities: ClientCapabilities = {
  ...vscodeLikeCapabilities,
  window: { workDoneProgress: true },
  textDocument: { ...vscodeLikeCapabilities.textDocument, codeAction: { ...vscodeLikeCapabilities.textDocument?.codeAction, resolveSupport: { properties: ['edit'] } } },
};

describe('Pin to digest over the protocol (docker-registry on loopback)', { skip }, () => {
  let registry: RunningRegistry;
  let host: string;
  let temp: string;
  let server: ServerUnderTest;
  const images: Record<string, Descriptor> = {};
  const applied: ApplyWorkspaceEditParams[] = [];
  const messages: ShowMessageParams[] = [];
  const progress: { token: string | number; value: { kind: string; title?: string; cancellable?: boolean } }[] = [];

  before(async () => {
    temp = mkdtempSync(join(tmpdir(), 'shipshape-pin-lsp-'));
    registry = await startRegistry();
    host = registry.host;
    const layout = new OciLayout(join(temp, 'layout'));
    images.app = layout.image('app');
    images.next = layout.image('app next');
    layout.tag('app', images.app);
    layout.tag('next', images.next);
    await push(layout.directory, 'app', `${host}/team/app:1.0`);
    await push(layout.directory, 'app', `${host}/team/app:latest`);
    await push(layout.directory, 'next', `${host}/team/app:2.0`);
    ({ server } = await ServerUnderTest.start(capabilities, undefined, undefined, { storagePath: join(temp, 'storage') }));
    server.configuration = tracerSettings({ 'image-not-pinned-by-digest': 'info', 'k8s-image-not-pinned-by-digest': 'info' });
    server.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      applied.push(params);
      return { applied: true };
    });
    server.connection.onNotification(ShowMessageNotification.type, (params) => void messages.push(params));
    server.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    server.connection.onNotification('$/progress', (params: (typeof progress)[number]) => void progress.push(params));
  });
  after(async () => {
    await server?.stop();
    await registry?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  async function pinAction(uri: string, text: string, rule: string, languageId = 'dockerfile'): Promise<CodeAction> {
    await server.open(uri, text, languageId);
    const diagnostic = byCode((await server.waitForPublish(uri, (params) => params.diagnostics.some((d) => d.code === rule))).diagnostics, rule);
    const actions = (await server.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] })) as CodeAction[];
    const action = actions.find((candidate) => candidate.title.startsWith('Pin'));
    assert.ok(action, `a pin action among ${actions.map((candidate) => candidate.title).join(', ')}`);
    return action;
  }

  test('the quick fix resolves to the registry digest, keeping the tag', async () => {
    const uri = 'file:///pin/tagged/Dockerfile';
    const action = await pinAction(uri, `FROM ${host}/team/app:1.0\n`, 'image-not-pinned-by-digest');
    assert.equal(action.title, 'Pin to digest');
    assert.equal(action.isPreferred, true);
    assert.equal(action.edit, undefined, 'no registry request until the action is picked');
    const resolved = await server.connection.sendRequest(CodeActionResolveRequest.type, action);
    assert.equal(server.apply(uri, resolved.edit), `FROM ${host}/team/app:1.0@${images.app.digest}\n`);
  });

  test('latest gets an unsafe "pin the current digest of latest" fix', async () => {
    const uri = 'file:///pin/latest/Dockerfile';
    const action = await pinAction(uri, `FROM ${host}/team/app:latest\n`, 'image-latest-tag');
    assert.match(action.title, /^Pin the current digest of latest \(unsafe/);
    assert.equal(action.isPreferred, false);
    const resolved = await server.connection.sendRequest(CodeActionResolveRequest.type, action);
    assert.equal(server.apply(uri, resolved.edit), `FROM ${host}/team/app:latest@${images.app.digest}\n`);
  });

  test('a container image of a Kubernetes manifest gets the same fix', async () => {
    const uri = 'file:///pin/k8s/pod.yaml';
    const pod = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;
    const action = await pinAction(uri, pod(`${host}/team/app:1.0`), 'k8s-image-not-pinned-by-digest', 'yaml');
    assert.equal(action.title, 'Pin to digest');
    const resolved = await server.connection.sendRequest(CodeActionResolveRequest.type, action);
    assert.equal(server.apply(uri, resolved.edit), pod(`${host}/team/app:1.0@${images.app.digest}`));
  });

  test('Pin All Images and Update Pinned Digests apply their edit through workspace/applyEdit', async () => {
    const uri = 'file:///pin/all/Dockerfile';
    await server.open(uri, `FROM ${host}/team/app:1.0 AS a\nFROM ${host}/team/app:2.0@${images.app.digest}\n`);
    await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'shipshape.server.pinAllImages', arguments: [{ uri }] });
    assert.deepEqual(
      progress.map(({ value }) => [value.kind, value.title, value.cancellable]),
      [['begin', 'Pin All Images to Digests', true], ['end', undefined, undefined]],
      'a cancellable progress while the registry is asked',
    );
    assert.equal(server.apply(uri, applied.at(-1)?.edit), `FROM ${host}/team/app:1.0@${images.app.digest} AS a\nFROM ${host}/team/app:2.0@${images.app.digest}\n`);
    await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'shipshape.server.updatePinnedDigests', arguments: [{ uri }] });
    assert.equal(server.apply(uri, applied.at(-1)?.edit), `FROM ${host}/team/app:1.0 AS a\nFROM ${host}/team/app:2.0@${images.next.digest}\n`, 'only the pinned image, moved to the digest its tag has now');
  });

  test('offline mode sends nothing: the fix stays without an edit and says why', async () => {
    server.configuration = tracerSettings({ 'image-not-pinned-by-digest': 'info' }, { registry: { offline: true } });
    await server.changeConfiguration(server.configuration);
    const uri = 'file:///pin/offline/Dockerfile';
    const action = await pinAction(uri, `FROM ${host}/team/offline:1\n`, 'image-not-pinned-by-digest');
    const resolved = await server.connection.sendRequest(CodeActionResolveRequest.type, action);
    assert.equal(resolved.edit, undefined);
    assert.match(messages.at(-1)?.message ?? '', /Pin to digest: .*offline mode is on/);
  });
});
