import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLEAN, NODE_APP, run, workspace } from './harness';

test('text: one line per finding with fix hints, then a summary', () => {
  const cwd = workspace({ 'app/Dockerfile': NODE_APP, 'clean/Dockerfile': CLEAN });
  const { stdout, code } = run(cwd, ['check']);
  assert.equal(
    stdout,
    [
      'app/Dockerfile:1:6   warning  user-root         The shipped image has no USER, so it runs as root; add a non-root USER. (unsafe fix: Add a non-root USER — review, or run with --fix-unsafe)',
      'app/Dockerfile:1:11  warning  image-latest-tag  Base image `node:latest` uses the mutable `latest` tag; name a version tag (and pin its digest).',
      'app/Dockerfile:5:1   info     consecutive-run   This RUN directly follows another with the same flags; merge them into one layer. (fix: Merge RUN instructions — run with --fix)',
      'app/Dockerfile:6:5   warning  cmd-shell-form    CMD in shell form runs under `/bin/sh -c`: the shell is PID 1 and does not pass SIGTERM on to the app. Use exec form. (fix: Convert to exec form — run with --fix)',
      '',
      '4 findings (3 warnings, 1 info) in 1 of 2 files; 2 fixable with --fix.',
      '',
    ].join('\n'),
  );
  assert.equal(code, 1);
});

test('text: the summary counts by severity and leaves out what is zero', () => {
  const cwd = workspace({ a: NODE_APP, b: NODE_APP });
  const summary = (argv: string[]) => run(cwd, ['check', 'a', 'b', ...argv]).stdout.trimEnd().split('\n').pop();
  assert.equal(summary(['--rule', 'user-root=error', '--rule', 'consecutive-run=off']), '6 findings (2 errors, 4 warnings) in 2 files; 2 fixable with --fix.');
  assert.equal(summary(['--rule', 'user-root=off', '--rule', 'cmd-shell-form=off', '--rule', 'consecutive-run=off']), '2 findings (2 warnings) in 2 files.');
  assert.equal(run(cwd, ['check', 'a', '--rule', 'user-root=off', '--rule', 'cmd-shell-form=off', '--rule', 'image-latest-tag=off']).stdout.trimEnd().split('\n').pop(), '1 finding (1 info) in 1 file; 1 fixable with --fix.');
});

test('text: clean files', () => {
  const cwd = workspace({ 'a/Dockerfile': CLEAN, 'b/Dockerfile': CLEAN });
  assert.deepEqual(run(cwd, ['check']), { code: 0, stdout: 'No findings in 2 files.\n', stderr: '' });
});

test('text: colours only on a terminal, and never with NO_COLOR', () => {
  const cwd = workspace({ Dockerfile: NODE_APP });
  const escape = '\u001b[';
  assert.ok(!run(cwd, ['check']).stdout.includes(escape));
  assert.ok(run(cwd, ['check'], { isTTY: true }).stdout.includes(`${escape}33mwarning`));
  assert.ok(!run(cwd, ['check'], { isTTY: true, env: { NO_COLOR: '1' } }).stdout.includes(escape));
});
