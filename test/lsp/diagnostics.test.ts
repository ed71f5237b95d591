import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { findRule, ruleDocsUrl } from '../../server/src/engine';
import { NODE_DOCKERFILE, ServerUnderTest, byCode, delay } from './harness';

let server: ServerUnderTest;
const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information, off: undefined };

before(async () => {
  const started = await ServerUnderTest.start();
  server = started.server;
  assert.equal(started.initialized.serverInfo?.name, 'shipshape');
  assert.deepEqual(started.initialized.capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.shipshape', 'refactor.rewrite'], resolveProvider: true });
});

after(async () => {
  await server.stop();
  assert.equal(server.child.exitCode, 0, 'the server exits cleanly after shutdown/exit');
});

test('didOpen publishes each finding with its rule id, docs link, severity and range', async (t) => {
  const uri = 'file:///project/Dockerfile';
  const opened = performance.now();
  await server.open(uri, NODE_DOCKERFILE);
  const { version, diagnostics } = await server.waitForPublish(uri);
  t.diagnostic(`didOpen -> publishDiagnostics: ${(performance.now() - opened).toFixed(1)} ms`);
  assert.equal(version, 1);

  const ranges = Object.fromEntries(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]));
  const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
  assert.deepEqual(ranges, {
    'image-latest-tag': range(0, 10, 16),
    'user-root': range(0, 5, 16),
    'consecutive-run': range(4, 0, 3),
    'cmd-shell-form': range(5, 4, 18),
  });
  for (const diagnostic of diagnostics) {
    const rule = String(diagnostic.code);
    assert.equal(diagnostic.source, 'shipshape');
    assert.equal(diagnostic.codeDescription?.href, ruleDocsUrl(rule));
    assert.equal(diagnostic.severity, SEVERITY[findRule(rule)?.defaultSeverity ?? 'off'], rule);
    assert.ok(typeof diagnostic.message === 'string' && diagnostic.message.length > 0);
  }
  assert.deepEqual(byCode(diagnostics, 'consecutive-run').relatedInformation?.map((related) => [related.location.uri, related.location.range]), [[uri, range(3, 0, 3)]]);
});

// The wait after a change is as long as the document's last analysis took, so on a file this
// small quick changes may each be analysed: what must hold is that no version is published
// after a newer one, and that the last one is.
test('quick changes publish in order and end with the last version', async () => {
  const uri = 'file:///project/api/Dockerfile';
  await server.open(uri, 'FROM node:22\n');
  await server.waitForPublish(uri, (params) => params.version === 1);
  const since = server.published.length;

  // Each intermediate version has a different finding, so a stale publish would show.
  await server.change(uri, 'FROM node:latest\n');
  await server.change(uri, 'FROM node\n');
  await server.change(uri, 'FROM node:22\nCMD node a.js\n');
  const last = await server.change(uri, 'FROM node:22\nUSER node\nRUN a\nRUN b\n');
  const published = await server.waitForPublish(uri, (params) => params.version === last, since);
  assert.deepEqual(published.diagnostics.map((diagnostic) => diagnostic.code), ['consecutive-run']);

  await delay(500);
  const versions = server.published.slice(since).filter((params) => params.uri === uri).map((params) => params.version);
  assert.deepEqual(versions, [...versions].sort((a, b) => (a ?? 0) - (b ?? 0)), 'published in order');
  assert.equal(versions.at(-1), last, 'the last publish is for the last version');
});

test('a change after the debounce is published for its own version', async () => {
  const uri = 'file:///project/worker/Dockerfile';
  await server.open(uri, 'FROM node:22\nUSER node\n');
  assert.deepEqual((await server.waitForPublish(uri, (params) => params.version === 1)).diagnostics, []);
  const version = await server.change(uri, 'FROM node:22\nUSER node\nCMD node worker.js\n');
  const { diagnostics } = await server.waitForPublish(uri, (params) => params.version === version);
  assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['cmd-shell-form']);
});

test('didClose clears the diagnostics', async () => {
  const uri = 'file:///project/closing/Dockerfile';
  await server.open(uri, NODE_DOCKERFILE);
  await server.waitForPublish(uri);
  const since = server.published.length;
  await server.close(uri);
  assert.deepEqual((await server.waitForPublish(uri, () => true, since)).diagnostics, []);
});

test('a document is analysed by its file name when its language is not dockerfile', async () => {
  const named = 'file:///project/Containerfile.prod';
  await server.open(named, 'FROM node:latest\nUSER node\n', 'plaintext');
  assert.deepEqual((await server.waitForPublish(named)).diagnostics.map((diagnostic) => diagnostic.code), ['image-latest-tag']);

  const unrelated = 'file:///project/notes.txt';
  const since = server.published.length;
  await server.open(unrelated, 'FROM node:latest\n', 'plaintext');
  await delay(300);
  assert.deepEqual(server.published.slice(since).filter((params) => params.uri === unrelated), []);
});
