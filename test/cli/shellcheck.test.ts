import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nodeFileSystem } from '../../server/src/cli/io';
import { main } from '../../server/src/cli/main';
import { allRules } from '../../server/src/engine';
import { findShellcheck } from '../../server/src/host/shellcheck';
import { LINES_PER_STAGE, MANY_RUNS, manyRunsDockerfile } from '../many-runs';
import { workspace } from './harness';

const installed = findShellcheck(undefined) !== undefined;
const ONLY_SHELLCHECK = allRules.flatMap((rule) => ['--rule', `${rule.id}=${rule.id === 'shellcheck' ? 'info' : 'off'}`]);

test('check: ShellCheck answers every RUN of a Dockerfile with hundreds of them', { skip: installed || process.env.CI === 'true' ? false : 'shellcheck is not installed' }, () => {
  assert.ok(installed, 'shellcheck must be installed on CI');
  const cwd = workspace({ Dockerfile: manyRunsDockerfile() });
  let stdout = '';
  let stderr = '';
  main(['check', 'Dockerfile', ...ONLY_SHELLCHECK], { cwd, env: { PATH: process.env.PATH ?? '' }, stdout: { write: (text) => void (stdout += text) }, stderr: { write: (text) => void (stderr += text) }, fs: nodeFileSystem });
  assert.equal(stderr, '');
  const lines = stdout.split('\n').filter((line) => line.includes(' shellcheck '));
  assert.deepEqual(
    lines.map((line) => line.split(/\s+/)[0]),
    Array.from({ length: MANY_RUNS }, (_, index) => `Dockerfile:${index * LINES_PER_STAGE + 30}:8`),
  );
  assert.match(lines[0], /SC2086 \(info\): Double quote to prevent globbing and word splitting\.$/);
});
