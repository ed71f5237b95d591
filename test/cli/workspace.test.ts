import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { nodeFileSystem } from '../../server/src/cli/io';
import { main } from '../../server/src/cli/main';

const FIXTURE = resolve(__dirname, '../../../test/fixtures/workspaces/microservices');

interface Expected {
  file: string;
  rule: string;
  line: number;
  column: number;
  related: string[];
}

function check(format: string): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(['check', '.', '--format', format, '--fail-on', 'error'], {
    cwd: FIXTURE,
    env: {},
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    fs: nodeFileSystem,
  });
  assert.equal(typeof code, 'number');
  return { code: code as number, stdout, stderr };
}

test('check <folder> reports every cross-file finding of the microservice workspace, where it should and nowhere else', () => {
  const expected = (JSON.parse(readFileSync(join(FIXTURE, 'expected.json'), 'utf8')) as { findings: Expected[] }).findings;
  const { code, stdout, stderr } = check('json');
  const report = JSON.parse(stdout) as { findings: (Omit<Expected, 'related'> & { related?: { file: string; line: number; column: number }[] })[] };
  const actual = report.findings
    .filter((finding) => finding.rule.startsWith('xref-'))
    .map(({ file, rule, line, column, related }) => ({ file, rule, line, column, related: (related ?? []).map((place) => `${place.file}:${place.line}:${place.column}`) }));
  assert.deepEqual(actual, expected);
  // Every xref rule of the catalog fires somewhere here.
  assert.deepEqual([...new Set(actual.map((finding) => finding.rule))].sort(), [
    'xref-mutable-tag-for-local-image',
    'xref-pid1-no-init',
    'xref-port-mismatch',
    'xref-read-only-fs-writes',
    'xref-run-as-non-root-vs-image-user',
    'xref-shell-in-shell-less-image',
  ]);
  assert.equal(stderr, '');
  assert.equal(code, 1);
});

test('check <folder>: SARIF carries the Dockerfile line as a related location', () => {
  const log = JSON.parse(check('sarif').stdout);
  const result = log.runs[0].results.find((candidate: { ruleId: string }) => candidate.ruleId === 'xref-run-as-non-root-vs-image-user');
  assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'k8s/base/checkout.yaml', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(result.relatedLocations, [
    {
      id: 0,
      physicalLocation: { artifactLocation: { uri: 'services/checkout/Dockerfile', uriBaseId: '%SRCROOT%' }, region: { startLine: 8, startColumn: 6, endLine: 8, endColumn: 10 } },
      message: { text: 'USER node' },
    },
  ]);
});

test('check <folder>: the text report shows the cause in the other file under the finding', () => {
  const lines = check('text').stdout.split('\n');
  const at = lines.findIndex((line) => line.startsWith('k8s/base/checkout.yaml:22:18') && line.includes('xref-run-as-non-root-vs-image-user'));
  assert.ok(at >= 0, 'the finding is listed');
  assert.match(lines[at + 1], /^\s+↳ services\/checkout\/Dockerfile:8:6: USER node$/);
});
