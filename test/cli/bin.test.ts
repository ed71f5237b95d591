import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { TRACER_RULES_ONLY } from './harness';

// This file is bundled to out/test/cli/, three levels below the repository.
const repo = join(__dirname, '..', '..', '..');

test('the built bin checks the bundled examples/', () => {
  const result = spawnSync(process.execPath, ['bin/shipshape.js', 'check', 'examples', '--format', 'json', ...TRACER_RULES_ONLY], { cwd: repo, encoding: 'utf8' });
  assert.equal(result.stderr, '');
  assert.equal(result.status, 1);
  const { version, findings } = JSON.parse(result.stdout);
  assert.equal(version, 1);
  assert.deepEqual(
    findings.map((finding: { file: string; rule: string; line: number; column: number }) => `${finding.file}:${finding.line}:${finding.column} ${finding.rule}`),
    [
      'examples/node-app/Dockerfile:1:6 user-root',
      'examples/node-app/Dockerfile:1:11 image-latest-tag',
      'examples/node-app/Dockerfile:5:1 consecutive-run',
      'examples/node-app/Dockerfile:6:5 cmd-shell-form',
    ],
  );
});

test('the built bin, as `npm start` runs it: findings shown, exit 0', () => {
  const result = spawnSync(process.execPath, ['bin/shipshape.js', 'check', 'examples', '--fail-on', 'none', ...TRACER_RULES_ONLY], { cwd: repo, encoding: 'utf8' });
  assert.equal(result.status, 0);
  assert.match(result.stdout, /examples\/node-app\/Dockerfile:6:5 +warning +cmd-shell-form/);
  assert.match(result.stdout, /4 findings \(3 warnings, 1 info\) in 1 of 3 files; 2 fixable with --fix\.\n$/);
});

test('the built bin: a usage error is one line on stderr, exit 2', () => {
  const result = spawnSync(process.execPath, ['bin/shipshape.js', 'check', 'no/such/path'], { cwd: repo, encoding: 'utf8' });
  assert.equal(result.status, 2);
  assert.equal(result.stdout, '');
  assert.equal(result.stderr, 'shipshape: cannot read no/such/path: no such file or directory\n');
});
