/**
 * ShellCheck off the analysis's critical path: the rule findings publish at once, ShellCheck's
 * follow for the same version once the binary has answered. Runs the real binary (.ci/run
 * installs it); on CI a missing one fails rather than skips.
 */
import assert from 'node:assert/strict';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { findShellcheck } from '../../server/src/host/shellcheck';
import { workspace } from '../cli/harness';
import { MANY_RUNS, manyRunsDockerfile } from '../many-runs';
import { ServerUnderTest, tracerSettings, vscodeLikeCapabilities } from './harness';

const installed = findShellcheck(undefined) !== undefined;
const needsShellcheck = { skip: installed || process.env.CI === 'true' ? false : 'shellcheck is not installed' };

const servers: ServerUnderTest[] = [];

after(async () => {
  for (const server of servers) await server.stop();
});

async function start(initializationOptions?: unknown): Promise<ServerUnderTest> {
  assert.ok(installed, 'shellcheck must be installed on CI');
  const { server } = await ServerUnderTest.start(vscodeLikeCapabilities, undefined, undefined, initializationOptions);
  servers.push(server);
  server.configuration = tracerSettings({ shellcheck: 'info' });
  return server;
}

const summary = (params: PublishDiagnosticsParams) => params.diagnostics.map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.character} ${String(diagnostic.code)}${diagnostic.code === 'shellcheck' ? ` ${diagnostic.message}` : ''}`);
const hasShellcheck = (params: PublishDiagnosticsParams) => params.diagnostics.some((diagnostic) => diagnostic.code === 'shellcheck');
const stopped = (params: PublishDiagnosticsParams) => params.diagnostics.some((diagnostic) => String(diagnostic.message).startsWith('Shipshape stopped analysing'));
const SC2086 = 'shellcheck SC2086 (info): Double quote to prevent globbing and word splitting.';

test("a document's rule findings publish first, its ShellCheck findings follow for the same version", needsShellcheck, async () => {
  const server = await start();
  const uri = 'file:///first/Dockerfile';
  await server.open(uri, 'FROM debian\nRUN tar -xzf $ARCHIVE\n');
  const first = await server.waitForPublish(uri);
  assert.deepEqual(summary(first), ['0:5 image-untagged', '0:5 user-root']);
  const completed = await server.waitForPublish(uri, hasShellcheck);
  assert.equal(completed.version, first.version);
  assert.deepEqual(summary(completed), ['0:5 image-untagged', '0:5 user-root', `1:13 ${SC2086}`]);
  // The complete publish still offers the rule findings' quick fixes.
  const actions = await server.codeActions(uri, completed.diagnostics[1].range, { diagnostics: [completed.diagnostics[1]], only: ['quickfix'] });
  assert.deepEqual(actions?.map((action) => ('title' in action ? action.title : action.command)), ['Add a non-root USER']);

  // Scripts checked before are answered at once: an edit elsewhere publishes them with the rule findings.
  const since = server.published.length;
  const version = await server.change(uri, 'FROM debian:13\nRUN tar -xzf $ARCHIVE\n');
  const next = await server.waitForPublish(uri, (params) => params.version === version, since);
  assert.deepEqual(summary(next), ['0:5 user-root', `1:13 ${SC2086}`]);
});

test('a stale version never publishes its ShellCheck findings', needsShellcheck, async () => {
  const server = await start();
  const uri = 'file:///stale/Dockerfile';
  await server.open(uri, 'FROM debian:13\nRUN tar -xzf $ARCHIVE\n');
  await server.waitForPublish(uri);
  // A new version before ShellCheck answered the first: its script has no such finding.
  const version = await server.change(uri, 'FROM debian:13\nRUN tar -xzf "$ARCHIVE"\n');
  await server.waitForPublish(uri, (params) => params.version === version);
  // A script that ShellCheck is slow on cannot be told apart from a quick one: wait for a later, independent answer.
  const probe = 'file:///stale/probe/Dockerfile';
  await server.open(probe, 'FROM debian:13\nRUN cd $HOME\n');
  await server.waitForPublish(probe, hasShellcheck);
  assert.deepEqual(
    server.published.filter((params) => params.uri === uri && hasShellcheck(params)),
    [],
  );
});

test('a 10,000-line Dockerfile with hundreds of RUNs is analysed within the limit, and its ShellCheck findings follow', needsShellcheck, async () => {
  const server = await start();
  const uri = 'file:///large/Dockerfile';
  const text = manyRunsDockerfile();
  assert.ok(text.split('\n').length >= 10_000);
  await server.open(uri, text);
  const first = await server.waitForPublish(uri);
  assert.ok(!stopped(first), summary(first).slice(0, 3).join('; '));
  assert.ok(first.diagnostics.some((diagnostic) => diagnostic.code === 'user-root'));
  const completed = await server.waitForPublish(uri, hasShellcheck, 0, 120_000);
  const findings = completed.diagnostics.filter((diagnostic) => diagnostic.code === 'shellcheck');
  // Every RUN's unquoted $SOURCE<n>, on its own line, once.
  assert.equal(findings.length, MANY_RUNS);
  assert.deepEqual(summary({ ...completed, diagnostics: findings.slice(0, 1) }), [`29:7 ${SC2086}`]);
  assert.ok(!server.published.some((params) => params.uri === uri && stopped(params)));
});

test('Dockerfiles opened together share ShellCheck processes, and each gets its own findings', needsShellcheck, async () => {
  // A ShellCheck that notes each start, then runs the real one.
  const folder = workspace({});
  const log = join(folder, 'runs.log');
  const wrapper = join(folder, 'shellcheck');
  writeFileSync(wrapper, `#!/bin/sh\necho run >> '${log}'\nexec '${findShellcheck(undefined)}' "$@"\n`);
  chmodSync(wrapper, 0o755);
  const server = await start();
  server.configuration = tracerSettings({ shellcheck: 'info' }, { shellcheck: { path: wrapper } });
  const uris = Array.from({ length: 12 }, (_, i) => `file:///together/${i}/Dockerfile`);
  // A script of its own in each, so that no answer serves two documents.
  await Promise.all(uris.map((uri, i) => server.open(uri, `FROM debian:13\nRUN tar -xzf $ARCHIVE_${i}\n`)));
  for (const [i, uri] of uris.entries()) {
    const completed = await server.waitForPublish(uri, hasShellcheck);
    assert.deepEqual(summary(completed), ['0:5 user-root', `1:13 ${SC2086}`], uri);
    assert.equal(completed.diagnostics.find((diagnostic) => diagnostic.code === 'shellcheck')?.range.end.character, 13 + `$ARCHIVE_${i}`.length);
  }
  const runs = readFileSync(log, 'utf8').trim().split('\n').length;
  assert.ok(runs < uris.length, `${runs} ShellCheck processes for ${uris.length} documents`);
});

test('a changed shellcheck.path takes effect at once', needsShellcheck, async () => {
  const folder = workspace({});
  const wrapper = (name: string) => {
    const path = join(folder, name);
    writeFileSync(path, `#!/bin/sh\necho run >> '${path}.log'\nexec '${findShellcheck(undefined)}' "$@"\n`);
    chmodSync(path, 0o755);
    return path;
  };
  const first = wrapper('first');
  const second = wrapper('second');
  const server = await start();
  server.configuration = tracerSettings({ shellcheck: 'info' }, { shellcheck: { path: first } });
  const uri = 'file:///shellcheck-path/Dockerfile';
  await server.open(uri, 'FROM debian:13\nRUN tar -xzf $FIRST\n');
  await server.waitForPublish(uri, hasShellcheck);
  await server.changeConfiguration(tracerSettings({ shellcheck: 'info' }, { shellcheck: { path: second } }));
  const version = await server.change(uri, 'FROM debian:13\nRUN tar -xzf $SECOND\n');
  const completed = await server.waitForPublish(uri, (params) => params.version === version && hasShellcheck(params));
  assert.deepEqual(summary(completed), ['0:5 user-root', `1:13 ${SC2086}`]);
  assert.ok(existsSync(`${second}.log`), 'the second binary ran');
});

test("with a maximum per file, ShellCheck's findings join the cut: its errors displace the rule's warnings, and the note counts them all", needsShellcheck, async () => {
  const server = await start({ maxDiagnosticsPerFile: 4 });
  server.configuration = tracerSettings({ shellcheck: 'error', 'consecutive-run': 'off' });
  const uri = 'file:///capped/Dockerfile';
  const notShown = (params: PublishDiagnosticsParams) => (params.diagnostics[0].data as { notShown?: number } | undefined)?.notShown;
  await server.open(uri, 'FROM debian\nRUN tar -xzf $FIRST\nRUN tar -xzf $SECOND\nRUN tar -xzf $THIRD\n');
  assert.deepEqual(summary(await server.waitForPublish(uri)), ['0:5 image-untagged', '0:5 user-root']);
  const completed = await server.waitForPublish(uri, hasShellcheck);
  assert.equal(completed.diagnostics.length, 4);
  // The message keeps ShellCheck's own level; the severity is the configured one.
  assert.deepEqual(summary(completed).slice(1), [1, 2, 3].map((line) => `${line}:13 ${SC2086}`));
  assert.deepEqual(completed.diagnostics.slice(1).map((diagnostic) => diagnostic.severity), [1, 1, 1]);
  assert.equal(notShown(completed), 2);

  // Answered from what ShellCheck said before: cut on the analysis thread in one publish.
  const since = server.published.length;
  const version = await server.change(uri, 'FROM debian:13\nRUN tar -xzf $FIRST\nRUN tar -xzf $SECOND\nRUN tar -xzf $THIRD\n');
  const next = await server.waitForPublish(uri, (params) => params.version === version, since);
  assert.equal(next.diagnostics.length, 4);
  assert.equal(notShown(next), 1);
  assert.ok(next.diagnostics.every((diagnostic) => diagnostic.code !== 'user-root'));
});
