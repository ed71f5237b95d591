import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { NODE_DOCKERFILE, ServerUnderTest, tracerSettings, vscodeLikeCapabilities } from './harness';

let server: ServerUnderTest;

before(async () => {
  ({ server } = await ServerUnderTest.start());
});

after(async () => {
  await server.stop();
});

const codes = (params: { diagnostics: { code?: number | string }[] }) => params.diagnostics.map((diagnostic) => diagnostic.code).sort();

test('settings are pulled for a document and a rule set to off is not reported', async () => {
  server.configuration = tracerSettings({ 'image-latest-tag': 'off' });
  const uri = 'file:///settings/Dockerfile';
  await server.open(uri, NODE_DOCKERFILE);
  assert.deepEqual(codes(await server.waitForPublish(uri)), ['cmd-shell-form', 'consecutive-run', 'user-root']);
  assert.ok(server.configurationRequests.some((request) => request.items.some((item) => item.scopeUri === uri && item.section === 'shipshape')));
  assert.ok(server.registrations.some((registration) => registration.method === 'workspace/didChangeConfiguration'), 'registers for configuration changes');
});

test('documents of one workspace folder share one settings request, and each folder gets its own settings', async () => {
  const { server: folders } = await ServerUnderTest.start(vscodeLikeCapabilities, undefined, undefined, undefined, [
    { uri: 'file:///folders/quiet', name: 'quiet' },
    { uri: 'file:///folders/quiet/strict', name: 'strict' },
  ]);
  try {
    const inStrict = (scopeUri?: string) => scopeUri === 'file:///folders/quiet/strict' || scopeUri?.startsWith('file:///folders/quiet/strict/') === true;
    folders.configuration = (scopeUri?: string) => (inStrict(scopeUri) ? tracerSettings() : tracerSettings({ 'image-latest-tag': 'off' }));
    const quiet = ['file:///folders/quiet/api/Dockerfile', 'file:///folders/quiet/web/Dockerfile', 'file:///folders/quiet/Dockerfile'];
    const strict = 'file:///folders/quiet/strict/Dockerfile';
    for (const uri of quiet) {
      await folders.open(uri, NODE_DOCKERFILE);
      assert.deepEqual(codes(await folders.waitForPublish(uri)), ['cmd-shell-form', 'consecutive-run', 'user-root'], uri);
    }
    // The inner folder is a folder of its own, with its own settings.
    await folders.open(strict, NODE_DOCKERFILE);
    assert.deepEqual(codes(await folders.waitForPublish(strict)), ['cmd-shell-form', 'consecutive-run', 'image-latest-tag', 'user-root']);
    const scopes = folders.configurationRequests.flatMap((request) => request.items.filter((item) => item.section === 'shipshape').map((item) => item.scopeUri));
    assert.equal(scopes.filter(inStrict).length, 1, `asked for ${scopes.join(', ')}`);
    assert.equal(scopes.filter((scope) => !inStrict(scope)).length, 1, `asked for ${scopes.join(', ')}`);

    // A change asks each folder again.
    folders.configuration = tracerSettings({ 'user-root': 'off' });
    const since = folders.published.length;
    await folders.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    for (const uri of [...quiet, strict]) assert.deepEqual(codes(await folders.waitForPublish(uri, () => true, since)), ['cmd-shell-form', 'consecutive-run', 'image-latest-tag'], uri);
  } finally {
    await folders.stop();
  }
});

test('didChangeConfiguration re-analyses open documents with the new settings', async () => {
  const uri = 'file:///settings-live/Dockerfile';
  await server.changeConfiguration(tracerSettings());
  await server.open(uri, NODE_DOCKERFILE);
  assert.ok(codes(await server.waitForPublish(uri)).includes('image-latest-tag'));

  let since = server.published.length;
  await server.changeConfiguration(tracerSettings({ 'image-latest-tag': 'error', 'user-root': 'off' }));
  const changed = await server.waitForPublish(uri, () => true, since);
  assert.equal(changed.version, 1);
  assert.deepEqual(codes(changed), ['cmd-shell-form', 'consecutive-run', 'image-latest-tag']);
  assert.equal(changed.diagnostics.find((diagnostic) => diagnostic.code === 'image-latest-tag')?.severity, 1);

  since = server.published.length;
  await server.changeConfiguration(tracerSettings({}, { enable: false }));
  assert.deepEqual((await server.waitForPublish(uri, () => true, since)).diagnostics, []);
});

test('the shipped stage setting decides which stage must not run as root', async () => {
  const uri = 'file:///settings-stage/Dockerfile';
  const text = 'FROM node:22 AS build\nRUN npm ci\nFROM node:22-slim AS app\nUSER node\n';
  await server.changeConfiguration(tracerSettings());
  await server.open(uri, text);
  assert.deepEqual(codes(await server.waitForPublish(uri)), []);
  const since = server.published.length;
  await server.changeConfiguration(tracerSettings({}, { dockerfile: { shippedStage: 'build' } }));
  assert.deepEqual(codes(await server.waitForPublish(uri, () => true, since)), ['user-root']);
});

test('mistyped settings fall back to defaults', async () => {
  const uri = 'file:///settings-garbage/Dockerfile';
  await server.changeConfiguration(tracerSettings({ 'image-latest-tag': 'loud', 'user-root': 3 }, { enable: 'yes', dockerfile: { shippedStage: 7 } }));
  await server.open(uri, NODE_DOCKERFILE);
  assert.deepEqual(codes(await server.waitForPublish(uri)), ['cmd-shell-form', 'consecutive-run', 'image-latest-tag', 'user-root']);
});

test('clients without workspace/configuration push their settings', async () => {
  const { server: push } = await ServerUnderTest.start({ ...vscodeLikeCapabilities, workspace: {} });
  try {
    const uri = 'file:///push/Dockerfile';
    await push.connection.sendNotification('workspace/didChangeConfiguration', { settings: { shipshape: tracerSettings() } });
    await push.open(uri, NODE_DOCKERFILE);
    assert.deepEqual(codes(await push.waitForPublish(uri)), ['cmd-shell-form', 'consecutive-run', 'image-latest-tag', 'user-root']);
    const since = push.published.length;
    await push.connection.sendNotification('workspace/didChangeConfiguration', { settings: { shipshape: tracerSettings({ 'user-root': 'off' }) } });
    assert.deepEqual(codes(await push.waitForPublish(uri, () => true, since)), ['cmd-shell-form', 'consecutive-run', 'image-latest-tag']);
    assert.deepEqual(push.configurationRequests, []);
  } finally {
    await push.stop();
  }
});
