import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NODE_APP, run, workspace } from './harness';

const rulesOf = (stdout: string) => JSON.parse(stdout).findings.map((finding: { rule: string; severity: string }) => `${finding.rule}:${finding.severity}`);

test('.shipshape.yaml above the Dockerfile sets severities and the failure threshold', () => {
  const cwd = workspace({ '.shipshape.yaml': 'rules:\n  image-latest-tag: off\n  consecutive-run: error\nfailOn: error\n', 'svc/Dockerfile': NODE_APP });
  const result = run(cwd, ['check', '--format', 'json']);
  assert.deepEqual(rulesOf(result.stdout), ['user-root:warning', 'consecutive-run:error', 'cmd-shell-form:warning']);
  assert.equal(result.code, 1);
  // The command line wins over the file.
  assert.equal(run(cwd, ['check', '--rule', 'consecutive-run=info']).code, 0);
  assert.equal(run(cwd, ['check', '--rule', 'consecutive-run=info', '--fail-on', 'warning']).code, 1);
});

test('.hadolint.yaml serves when there is no .shipshape.yaml', () => {
  const cwd = workspace({ '.hadolint.yaml': 'ignored: [DL3007, DL3002]\nfailure-threshold: error\n', Dockerfile: NODE_APP });
  const result = run(cwd, ['check', '--format', 'json']);
  assert.deepEqual(rulesOf(result.stdout), ['consecutive-run:info', 'cmd-shell-form:warning']);
  assert.equal(result.code, 0);
});

test('a broken config file is reported once on stderr and the check goes on', () => {
  const cwd = workspace({ '.shipshape.yaml': 'rules:\n  no-such-rule: off\n', 'a/Dockerfile': NODE_APP, 'b/Dockerfile': NODE_APP });
  const result = run(cwd, ['check', '--format', 'json']);
  assert.equal(result.stderr, 'shipshape: .shipshape.yaml: unknown rule `no-such-rule`\n');
  assert.equal(rulesOf(result.stdout).length, 8);
});
