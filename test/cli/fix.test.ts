import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { nodeFileSystem } from '../../server/src/cli/io';
import { NODE_APP, NODE_APP_FIXED, run, workspace } from './harness';

function countingWrites() {
  const written: string[] = [];
  return { written, fs: { writeFile: (path: string, data: Uint8Array) => (written.push(path), nodeFileSystem.writeFile(path, data)) } };
}

test('--fix applies the safe fixes in place, then reports what is left', () => {
  const cwd = workspace({ 'app/Dockerfile': NODE_APP });
  const first = run(cwd, ['check', '--fix', '--format', 'json']);
  assert.equal(readFileSync(join(cwd, 'app/Dockerfile'), 'utf8'), NODE_APP_FIXED);
  assert.deepEqual(
    JSON.parse(first.stdout).findings.map((finding: { rule: string; fixable: boolean }) => [finding.rule, finding.fixable]),
    [['user-root', true], ['image-latest-tag', false]],
  );
  assert.equal(first.code, 1);

  const { written, fs } = countingWrites();
  const second = run(cwd, ['check', '--fix', '--format', 'json'], { fs });
  assert.deepEqual(written, [], 'a second --fix has nothing to change');
  assert.equal(second.stdout, first.stdout);
  assert.equal(readFileSync(join(cwd, 'app/Dockerfile'), 'utf8'), NODE_APP_FIXED);
});

test('--fix names the files it rewrote in text output', () => {
  const cwd = workspace({ 'app/Dockerfile': NODE_APP });
  const { stdout } = run(cwd, ['check', '--fix', '--rule', 'user-root=off', '--rule', 'image-latest-tag=off']);
  assert.equal(stdout, 'Fixed app/Dockerfile\n\nNo findings in 1 file.\n');
});

test('--fix keeps CRLF line endings, a BOM and a missing final newline', () => {
  const crlf = NODE_APP.replace(/\n/g, '\r\n');
  const cwd = workspace({ 'crlf/Dockerfile': crlf, 'bom/Dockerfile': `\ufeff${NODE_APP.trimEnd()}` });
  assert.equal(run(cwd, ['check', '--fix']).code, 1);
  assert.equal(readFileSync(join(cwd, 'crlf/Dockerfile'), 'utf8'), NODE_APP_FIXED.replace(/\n/g, '\r\n'));
  assert.equal(readFileSync(join(cwd, 'bom/Dockerfile'), 'utf8'), `\ufeff${NODE_APP_FIXED.trimEnd()}`);
});

test('--fix leaves a file it cannot improve untouched, and only applies safe fixes', () => {
  const unsafeOnly = 'FROM node:22\nENTRYPOINT node server.js\nCMD ["--port", "80"]\n';
  const cwd = workspace({ 'latest/Dockerfile': 'FROM node:latest', 'unsafe/Dockerfile': unsafeOnly });
  const { written, fs } = countingWrites();
  run(cwd, ['check', '--fix', 'latest'], { fs });
  assert.deepEqual(written, []);
  assert.equal(readFileSync(join(cwd, 'latest/Dockerfile'), 'utf8'), 'FROM node:latest');
  const before = readFileSync(join(cwd, 'unsafe/Dockerfile'), 'utf8');
  const { stdout } = run(cwd, ['check', '--fix', 'unsafe', '--format', 'json'], { fs });
  assert.deepEqual(JSON.parse(stdout).findings.map((finding: { rule: string; fixable: boolean }) => [finding.rule, finding.fixable]), [['user-root', true], ['cmd-shell-form', true]]);
  assert.deepEqual(written, [], 'the shell-form ENTRYPOINT fix changes how CMD is passed: not safe');
  assert.equal(readFileSync(join(cwd, 'unsafe/Dockerfile'), 'utf8'), before);
});

test('--fix does not rewrite a file that is not valid UTF-8', () => {
  const bytes = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${NODE_APP}`)]);
  const cwd = workspace({ Dockerfile: bytes });
  const result = run(cwd, ['check', '--fix', '--format', 'json']);
  assert.deepEqual(readFileSync(join(cwd, 'Dockerfile')), bytes);
  assert.equal(result.stderr, 'shipshape: did not fix Dockerfile: not valid UTF-8\n');
  assert.equal(JSON.parse(result.stdout).findings.length, 4);
});

test('--fix on a file that cannot be written: exit 2 with one line', () => {
  const cwd = workspace({ Dockerfile: NODE_APP });
  const result = run(cwd, ['check', '--fix'], {
    fs: {
      writeFile: (path) => {
        throw new Error(`EROFS: read-only file system, open '${path}'`);
      },
    },
  });
  assert.equal(result.code, 2);
  assert.equal(result.stderr, 'shipshape: cannot write Dockerfile: read-only file system\n');
  assert.equal(readFileSync(join(cwd, 'Dockerfile'), 'utf8'), NODE_APP);
});

test('--fix-unsafe also applies unsafe fixes; --fix never does', () => {
  const unsafeOnly = 'FROM node:22\nENTRYPOINT node server.js\nCMD ["--port", "80"]\n';
  const cwd = workspace({ Dockerfile: unsafeOnly });
  const result = run(cwd, ['check', '--fix-unsafe', '--format', 'json']);
  assert.equal(
    readFileSync(join(cwd, 'Dockerfile'), 'utf8'),
    'FROM node:22\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nENTRYPOINT ["node", "server.js"]\nCMD ["--port", "80"]\n',
  );
  assert.deepEqual(JSON.parse(result.stdout).findings, []);
  assert.equal(result.code, 0);
});

test('--fix-unsafe writes the other files a fix edits: the entrypoint script, a new .dockerignore', () => {
  const dockerfile = 'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\nENTRYPOINT ["./entrypoint.sh"]\n';
  const cwd = workspace({ 'app/Dockerfile': dockerfile, 'app/entrypoint.sh': '#!/bin/sh\n./migrate\nnode server.js\n', 'app/package.json': '{}', 'app/.env': 'TOKEN=x\n' });
  // Options before the command: the harness then leaves every rule at its default.
  const { stdout } = run(cwd, ['--fix-unsafe', 'check', '--fail-on', 'none']);
  assert.equal(readFileSync(join(cwd, 'app/entrypoint.sh'), 'utf8'), '#!/bin/sh\n./migrate\nexec node server.js\n');
  assert.match(readFileSync(join(cwd, 'app/.dockerignore'), 'utf8'), /^# Kept out of the build context[^\n]*\n\.git\n\.env\n[\s\S]*\nnode_modules\n/);
  assert.equal(readFileSync(join(cwd, 'app/Dockerfile'), 'utf8'), dockerfile, 'the Dockerfile needed nothing');
  assert.match(stdout, /^Fixed app\/\.dockerignore\nFixed app\/entrypoint\.sh\n/m);
  assert.doesNotMatch(stdout, /entrypoint-script-without-exec|missing-dockerignore|secret-file-in-context/);
});

test('--fix leaves other files alone: their fixes are unsafe', () => {
  const cwd = workspace({ Dockerfile: 'FROM node:24-slim\nCOPY . /app\nUSER 1000\nENTRYPOINT ["/app/entrypoint.sh"]\n', 'entrypoint.sh': '#!/bin/sh\nnode server.js\n' });
  const { written, fs } = countingWrites();
  run(cwd, ['--fix', 'check', '--fail-on', 'none'], { fs });
  assert.deepEqual(written, []);
});
