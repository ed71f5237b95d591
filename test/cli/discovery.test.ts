import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLEAN, NODE_APP, run, workspace } from './harness';

function checkedFiles(cwd: string, argv: string[]): string[] {
  // JSON lists files through their findings, so every fixture here has some.
  const { stdout } = run(cwd, [...argv, '--format', 'json']);
  return [...new Set<string>(JSON.parse(stdout).findings.map((finding: { file: string }) => finding.file))];
}

test('folders are searched for Dockerfile names, skipping node_modules and .git, in path order', () => {
  const cwd = workspace({
    'z/Dockerfile': NODE_APP,
    'a/deep/er/Containerfile': NODE_APP,
    'a/Dockerfile.dev': NODE_APP,
    'a/web.dockerfile': NODE_APP,
    'a/Dockerfile-ci': NODE_APP,
    'a/README.md': NODE_APP,
    'a/man/Dockerfile.5.md': NODE_APP,
    'a/syntax/Dockerfile.tmLanguage': NODE_APP,
    'a/syntax/Dockerfile.nanorc': NODE_APP,
    'a/Dockerfile.d/notes.txt': NODE_APP,
    'node_modules/pkg/Dockerfile': NODE_APP,
    'a/node_modules/pkg/Dockerfile': NODE_APP,
    '.git/Dockerfile': NODE_APP,
    '.github/Dockerfile': NODE_APP,
  });
  const expected = ['.github/Dockerfile', 'a/Dockerfile-ci', 'a/Dockerfile.dev', 'a/deep/er/Containerfile', 'a/web.dockerfile', 'z/Dockerfile'];
  assert.deepEqual(checkedFiles(cwd, ['check']), expected);
  assert.deepEqual(checkedFiles(cwd, ['check', '.']), expected);
  assert.match(run(cwd, ['check']).stdout, /in 6 files;/);
});

test('a file named explicitly is checked whatever its name, and only once', () => {
  const cwd = workspace({ 'build/app.docker': NODE_APP, 'build/Dockerfile': NODE_APP });
  assert.deepEqual(checkedFiles(cwd, ['check', 'build/app.docker']), ['build/app.docker']);
  assert.deepEqual(checkedFiles(cwd, ['check', 'build/Dockerfile', 'build']), ['build/Dockerfile']);
  assert.deepEqual(checkedFiles(cwd, ['check', 'build', 'build/app.docker']), ['build/Dockerfile', 'build/app.docker']);
});

test('symlinked folders are not followed (no cycles); symlinked Dockerfiles are checked', () => {
  const cwd = workspace({ 'app/Dockerfile': NODE_APP });
  symlinkSync(join(cwd, 'app'), join(cwd, 'app/loop'));
  symlinkSync(join(cwd, 'app/Dockerfile'), join(cwd, 'Dockerfile.link'));
  assert.deepEqual(checkedFiles(cwd, ['check']), ['Dockerfile.link', 'app/Dockerfile']);
});

test('a folder without Dockerfiles: a note on stderr, exit 0', () => {
  const cwd = workspace({ 'README.md': '# hi\n' });
  assert.deepEqual(run(cwd, ['check', '--format', 'json']), { code: 0, stdout: '{"version":1,"findings":[],"syntaxErrors":[]}\n', stderr: 'shipshape: no Dockerfiles or Kubernetes manifests found\n' });
});

test('binary and huge files are skipped with a one-line warning', () => {
  const huge = `FROM node:latest\n${'# padding\n'.repeat(600_000)}`;
  const cwd = workspace({
    'bin/Dockerfile': Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01]),
    'huge/Dockerfile': huge,
    'ok/Dockerfile': CLEAN,
  });
  const result = run(cwd, ['check']);
  assert.equal(result.code, 0);
  assert.equal(result.stdout, 'No findings in 1 file.\n');
  assert.equal(
    result.stderr,
    'shipshape: skipped bin/Dockerfile: binary file (contains NUL bytes)\nshipshape: skipped huge/Dockerfile: larger than 5 MB\n',
  );
  assert.equal(run(cwd, ['check', 'bin/Dockerfile']).stderr, 'shipshape: skipped bin/Dockerfile: binary file (contains NUL bytes)\n');
});
