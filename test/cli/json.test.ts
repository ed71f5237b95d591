import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BROKEN_MANIFEST, BROKEN_MANIFEST_ERROR, CLEAN, NODE_APP, run, TRACER_RULES_ONLY, workspace } from './harness';

test('json: the documented shape, exactly, for a known Dockerfile', () => {
  const cwd = workspace({ 'app/Dockerfile': NODE_APP });
  const { code, stdout, stderr } = run(cwd, ['check', 'app', '--format', 'json']);
  const file = 'app/Dockerfile';
  const expected = {
    version: 1,
    findings: [
      { file, rule: 'user-root', severity: 'warning', message: 'The shipped image has no USER, so it runs as root; add a non-root USER.', line: 1, column: 6, endLine: 1, endColumn: 17, fixable: true },
      { file, rule: 'image-latest-tag', severity: 'warning', message: 'Base image `node:latest` uses the mutable `latest` tag; name a version tag (and pin its digest).', line: 1, column: 11, endLine: 1, endColumn: 17, fixable: false },
      {
        file,
        rule: 'consecutive-run',
        severity: 'info',
        message: 'This RUN directly follows another with the same flags; merge them into one layer.',
        line: 5,
        column: 1,
        endLine: 5,
        endColumn: 4,
        fixable: true,
        related: [{ file, message: 'the RUN it can merge into', line: 4, column: 1, endLine: 4, endColumn: 4 }],
      },
      { file, rule: 'cmd-shell-form', severity: 'warning', message: 'CMD in shell form runs under `/bin/sh -c`: the shell is PID 1 and does not pass SIGTERM on to the app. Use exec form.', line: 6, column: 5, endLine: 6, endColumn: 19, fixable: true },
    ],
    syntaxErrors: [],
  };
  assert.equal(stdout, `${JSON.stringify(expected)}\n`);
  assert.equal(stderr, '');
  assert.equal(code, 1);
});

test('json: a clean file gives an empty list and exit 0', () => {
  const cwd = workspace({ Dockerfile: CLEAN });
  assert.deepEqual(run(cwd, ['check', '--format', 'json']), { code: 0, stdout: '{"version":1,"findings":[],"syntaxErrors":[]}\n', stderr: '' });
});

test('json: a manifest that does not parse is listed under syntaxErrors, the other files are still checked, exit 2', () => {
  const cwd = workspace({ Dockerfile: CLEAN, 'k8s/pod.yaml': BROKEN_MANIFEST });
  const { code, stdout, stderr } = run(cwd, ['check', '--format', 'json', ...TRACER_RULES_ONLY]);
  assert.deepEqual(JSON.parse(stdout), {
    version: 1,
    findings: [],
    syntaxErrors: [{ file: 'k8s/pod.yaml', message: BROKEN_MANIFEST_ERROR, line: 7, column: 12, endLine: 7, endColumn: 13 }],
  });
  assert.equal(stderr, `shipshape: k8s/pod.yaml:7:12: ${BROKEN_MANIFEST_ERROR}\n`);
  assert.equal(code, 2);
});

test('json: paths keep the form the user typed', () => {
  const cwd = workspace({ 'a/b/Dockerfile': NODE_APP });
  const files = (argv: string[]) => new Set(JSON.parse(run(cwd, [...argv, '--format', 'json']).stdout).findings.map((finding: { file: string }) => finding.file));
  assert.deepEqual(files(['check', 'a']), new Set(['a/b/Dockerfile']));
  assert.deepEqual(files(['check', 'a/b/']), new Set(['a/b/Dockerfile']));
  assert.deepEqual(files(['check', 'a/b/Dockerfile']), new Set(['a/b/Dockerfile']));
  assert.deepEqual(files(['check', `${cwd}/a`]), new Set([`${cwd}/a/b/Dockerfile`]));
});

test('json: columns count UTF-16 code units, as the editor does, and a BOM does not shift them', () => {
  const cwd = workspace({ Dockerfile: '\ufeffFROM node:latest\nCMD echo 🐳\n' });
  const findings = JSON.parse(run(cwd, ['check', '--format', 'json', '--rule', 'user-root=off']).stdout).findings;
  assert.deepEqual(
    findings.map((finding: { rule: string; line: number; column: number; endColumn: number }) => [finding.rule, finding.line, finding.column, finding.endColumn]),
    [
      ['image-latest-tag', 1, 11, 17],
      ['cmd-shell-form', 2, 5, 12],
    ],
  );
});
