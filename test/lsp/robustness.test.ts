import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { NODE_DOCKERFILE, ServerUnderTest, root } from './harness';

let server: ServerUnderTest;

before(async () => {
  ({ server } = await ServerUnderTest.start());
});

after(async () => {
  await server.stop();
});

test('a document over 5 MB gets one informational diagnostic instead of an analysis', async () => {
  const uri = 'file:///huge/Dockerfile';
  await server.open(uri, `FROM node:latest\n${'RUN echo lots of layers here\n'.repeat(200_000)}`);
  const { diagnostics } = await server.waitForPublish(uri);
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].severity, 3);
  assert.equal(diagnostics[0].source, 'shipshape');
  assert.match(String(diagnostics[0].message), /larger than 5 MB/);
});

test('a binary-looking document does not stop the server from serving others', async () => {
  let binary = '';
  for (let i = 0; i < 64 * 1024; i++) binary += String.fromCharCode((i * 7919 + (i >> 3)) % 256);
  const uri = 'file:///binary/Dockerfile';
  await server.open(uri, `FROM \u0000\uFFFD\\\n${binary}`);
  await server.waitForPublish(uri);

  const other = 'file:///after-binary/Dockerfile';
  await server.open(other, NODE_DOCKERFILE);
  assert.equal((await server.waitForPublish(other)).diagnostics.length, 4, 'the four tracer findings');
  assert.ok(server.alive);
});

test('the shipshape-language-server bin speaks LSP over stdio without arguments', async () => {
  const { server: viaBin, initialized } = await ServerUnderTest.start(undefined, join(root, 'bin', 'shipshape-language-server.js'), []);
  try {
    assert.equal(initialized.serverInfo?.name, 'shipshape');
    const uri = 'file:///bin/Dockerfile';
    await viaBin.open(uri, NODE_DOCKERFILE);
    assert.equal((await viaBin.waitForPublish(uri)).diagnostics.length, 4, 'the four tracer findings');
  } finally {
    await viaBin.stop();
  }
});
