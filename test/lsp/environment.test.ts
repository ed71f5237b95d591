import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { findShellcheck } from '../../server/src/host/shellcheck';
import { NODE_DOCKERFILE, ServerUnderTest, tracerSettings, vscodeLikeCapabilities } from './harness';

const servers: ServerUnderTest[] = [];
const folders: string[] = [];

after(async () => {
  for (const server of servers) await server.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'shipshape-lsp-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

async function start(initializationOptions?: unknown): Promise<ServerUnderTest> {
  const { server } = await ServerUnderTest.start(vscodeLikeCapabilities, undefined, undefined, initializationOptions);
  servers.push(server);
  return server;
}

const codes = (params: { diagnostics: { code?: number | string }[] }) => params.diagnostics.map((diagnostic) => String(diagnostic.code)).sort();

test('the nearest .shipshape.yaml applies, and a change to it on disk is picked up', async () => {
  const folder = workspace({ '.shipshape.yaml': 'rules:\n  image-latest-tag: off\n', Dockerfile: NODE_DOCKERFILE });
  const server = await start();
  server.configuration = tracerSettings();
  const uri = pathToFileURL(join(folder, 'Dockerfile')).href;
  await server.open(uri, NODE_DOCKERFILE);
  assert.deepEqual(codes(await server.waitForPublish(uri)), ['cmd-shell-form', 'consecutive-run', 'user-root']);

  writeFileSync(join(folder, '.shipshape.yaml'), 'rules:\n  user-root: off\n');
  const since = server.published.length;
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(join(folder, '.shipshape.yaml')).href, type: FileChangeType.Changed }] });
  assert.deepEqual(codes(await server.waitForPublish(uri, () => true, since)), ['cmd-shell-form', 'consecutive-run', 'image-latest-tag']);
});

test('the build context next to the file feeds the context rules', async () => {
  const folder = workspace({ Dockerfile: NODE_DOCKERFILE, '.env': 'TOKEN=x\n' });
  const server = await start();
  server.configuration = tracerSettings({ 'secret-file-in-context': 'error', 'missing-dockerignore': 'warning' });
  const uri = pathToFileURL(join(folder, 'Dockerfile')).href;
  await server.open(uri, NODE_DOCKERFILE);
  const published = await server.waitForPublish(uri);
  assert.ok(codes(published).includes('secret-file-in-context'), codes(published).join());
  assert.ok(codes(published).includes('missing-dockerignore'));
});

const shellcheck = findShellcheck(undefined);

test('ShellCheck runs in a trusted workspace only', { skip: shellcheck ? false : 'shellcheck is not installed' }, async () => {
  const text = 'FROM debian:13\nRUN tar -xzf $ARCHIVE\n';
  const settings = tracerSettings({ shellcheck: 'info' });
  const trusted = await start({ workspaceTrusted: true });
  trusted.configuration = settings;
  await trusted.open('file:///trusted/Dockerfile', text);
  // ShellCheck's findings follow the rule findings once the binary has answered.
  const found = await trusted.waitForPublish('file:///trusted/Dockerfile', (params) => codes(params).includes('shellcheck'));
  assert.deepEqual(found.diagnostics.filter((diagnostic) => diagnostic.code === 'shellcheck').map((diagnostic) => [diagnostic.range.start, diagnostic.message]), [[{ line: 1, character: 13 }, 'SC2086 (info): Double quote to prevent globbing and word splitting.']]);

  const untrusted = await start({ workspaceTrusted: false });
  untrusted.configuration = settings;
  await untrusted.open('file:///untrusted/Dockerfile', text);
  assert.ok(!codes(await untrusted.waitForPublish('file:///untrusted/Dockerfile')).includes('shellcheck'));
  // Nor later: the trusted server's came within milliseconds.
  await assert.rejects(untrusted.waitForPublish('file:///untrusted/Dockerfile', (params) => codes(params).includes('shellcheck'), 0, 3000));
});

test('a YAML syntax error is reported once: left to Red Hat YAML when the client says it reports them', async () => {
  const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec: [\n';
  const own = await start();
  own.configuration = tracerSettings();
  await own.open('file:///yaml-own/pod.yaml', broken, 'yaml');
  const reported = await own.waitForPublish('file:///yaml-own/pod.yaml');
  assert.equal(reported.diagnostics.filter((diagnostic) => diagnostic.code === undefined && diagnostic.severity === 1).length, 1, JSON.stringify(reported.diagnostics));

  const alongside = await start({ yamlSyntaxReportedElsewhere: true });
  alongside.configuration = tracerSettings();
  await alongside.open('file:///yaml-other/pod.yaml', broken, 'yaml');
  const quiet = await alongside.waitForPublish('file:///yaml-other/pod.yaml');
  assert.deepEqual(quiet.diagnostics.filter((diagnostic) => diagnostic.code === undefined), []);
});
