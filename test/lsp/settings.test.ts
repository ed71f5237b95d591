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

test('settings are pulled per document and a rule set to off is not reported', async () => {
  server.configuration = tracerSettings({ 'image-latest-tag': 'off' });
  const uri = 'file:///settings/Dockerfile';
  await server.open(uri, NODE_DOCKERFILE);
  assert.deepEqual(codes(await server.waitForPublish(uri)), ['cmd-shell-form', 'consecutive-run', 'user-root']);
  assert.ok(server.configurationRequests.some((request) => request.items.some((item) => item.scopeUri === uri && item.section === 'shipshape')));
  assert.ok(server.registrations.some((registration) => registration.method === 'workspace/didChangeConfiguration'), 'registers for configuration changes');
});

test('didChangeConfiguration re-analyses open documents with the new settings', async () => {
  const uri = 'file:///settings-live/Dockerfile';
  server.configuration = tracerSettings();
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
