/**
 * The two ways the binary is run: the CLI's (waits, `shellcheckService`) and the language
 * server's (in the background, `runShellcheckAsync`) file the same comments under the same
 * scripts and say a failure in the same words. Stand-in binaries are small sh scripts.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { ShellcheckComment, ShellcheckRequest } from '../../server/src/engine';
import { runShellcheckAsync, shellcheckService } from '../../server/src/host/shellcheck';

const folder = mkdtempSync(join(tmpdir(), 'shipshape-fake-shellcheck-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function fakeBinary(name: string, body: string): string {
  const path = join(folder, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const REQUESTS: ShellcheckRequest[] = [
  { dialect: 'sh', script: 'echo $1' },
  { dialect: 'sh', script: 'echo ok' },
];
const COMMENT: ShellcheckComment = { line: 1, column: 6, endLine: 1, endColumn: 8, level: 'info', code: 2086, message: 'Double quote to prevent globbing and word splitting.' };

/** Both runners over the same requests: what each answered and said. */
async function bothRunners(binary: string) {
  const waitingMessages: string[] = [];
  const waiting = shellcheckService(binary, (message) => waitingMessages.push(message)).shellcheck(REQUESTS);
  const backgroundMessages: string[] = [];
  const background = await runShellcheckAsync(binary, REQUESTS, (message) => backgroundMessages.push(message));
  return { waiting, waitingMessages, background, backgroundMessages };
}

test('exit 1 means found something: the comments go to the script each names', async () => {
  const binary = fakeBinary('finds', `echo '${JSON.stringify({ comments: [{ file: '0.sh', ...COMMENT }] })}'\nexit 1`);
  const { waiting, waitingMessages, background, backgroundMessages } = await bothRunners(binary);
  assert.deepEqual(waiting.map((comments) => comments.map(({ code, line, column }) => ({ code, line, column }))), [[{ code: 2086, line: 1, column: 6 }], []]);
  assert.deepEqual(background.map((comments) => comments?.map(({ code, line, column }) => ({ code, line, column }))), [[{ code: 2086, line: 1, column: 6 }], []]);
  assert.deepEqual([waitingMessages, backgroundMessages], [[], []]);
});

test("another exit status is a failure in ShellCheck's words: no answers, asked again next time", async () => {
  const binary = fakeBinary('fails', 'echo "bad option --shell=sh" >&2\necho "usage" >&2\nexit 3');
  const { waiting, waitingMessages, background, backgroundMessages } = await bothRunners(binary);
  assert.deepEqual(waiting, [[], []]);
  assert.deepEqual(background, [undefined, undefined]);
  assert.deepEqual(waitingMessages, ['shellcheck failed: bad option --shell=sh']);
  assert.deepEqual(backgroundMessages, waitingMessages);
});

test('a failure with nothing on stderr gives the exit status', async () => {
  const { waitingMessages, background, backgroundMessages } = await bothRunners(fakeBinary('silent', 'exit 2'));
  assert.deepEqual(background, [undefined, undefined]);
  assert.deepEqual(waitingMessages, ['shellcheck failed: exit status 2']);
  assert.deepEqual(backgroundMessages, waitingMessages);
});

test('a binary that is not there: why it could not run', async () => {
  const { waiting, waitingMessages, background, backgroundMessages } = await bothRunners(join(folder, 'missing'));
  assert.deepEqual(waiting, [[], []]);
  assert.deepEqual(background, [undefined, undefined]);
  assert.match(waitingMessages.join('\n'), /^shellcheck failed: spawnSync .*missing ENOENT$/);
  assert.match(backgroundMessages.join('\n'), /^shellcheck failed: spawn .*missing ENOENT$/);
});
