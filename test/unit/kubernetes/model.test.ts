import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, documentKindForPath, looksLikeManifest } from '../../../server/src/engine';

const run = (text: string) => analyze({ text, kind: 'kubernetes' });

test('YAML files are analysed as Kubernetes; only documents with apiVersion and kind are manifests', () => {
  assert.equal(documentKindForPath('deploy/app.yaml'), 'kubernetes');
  assert.equal(documentKindForPath('k8s/App.YML'), 'kubernetes');
  assert.equal(looksLikeManifest('apiVersion: v1\nkind: Pod\n'), true);
  assert.equal(looksLikeManifest('name: CI\non: push\n'), false);
  assert.deepEqual(run('services:\n  web:\n    image: nginx\n    privileged: true\n'), { findings: [], internalErrors: [] });
});

test('broken YAML: one syntax error at the first problem, no findings, no crash', () => {
  const result = run('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n   image: x\n---\napiVersion: v1\nkind: Pod\nspec: [\n');
  assert.equal(result.findings.length, 0);
  assert.equal(result.syntaxErrors?.length, 1);
  assert.match(result.syntaxErrors![0].message, /^YAML syntax error: /);
  assert.deepEqual(result.syntaxErrors![0].range.start, { line: 5, character: 0 });
});

test('broken YAML that is not a manifest says nothing', () => {
  assert.deepEqual(run('a: b: c\n'), { findings: [], internalErrors: [] });
});

test('Helm templates: no findings and no syntax errors', () => {
  const result = run('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: {{ .Values.name }}\n    image: "{{ .Values.image }}"\n    {{- with .Values.securityContext }}\n    securityContext: {{ toYaml . | nindent 6 }}\n    {{- end }}\n');
  assert.deepEqual(result, { findings: [], internalErrors: [] });
});

test('deep nesting and alias bombs are bounded', () => {
  const tooDeep = 'YAML nested deeper than Shipshape reads; the file is not analysed.';
  // Reported where the parser ran out of stack: on the line of the nesting, past its start.
  const deepFlow = run(`apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(5000)}${']'.repeat(5000)}\n`).syntaxErrors;
  assert.deepEqual(deepFlow?.map((problem) => [problem.message, problem.range.start.line]), [[tooDeep, 2]]);
  assert.ok(deepFlow![0].range.start.character > 6);
  const blockLevels = 2000;
  const deepBlock = run(`apiVersion: v1\nkind: Pod\nspec:\n${Array.from({ length: blockLevels }, (_, level) => `${' '.repeat(level + 1)}a:`).join('\n')}\n`).syntaxErrors;
  assert.deepEqual(deepBlock?.map((problem) => problem.message), [tooDeep]);
  assert.ok(deepBlock![0].range.start.line > 3 && deepBlock![0].range.start.line < 3 + blockLevels, JSON.stringify(deepBlock![0].range));
  const bomb = ['apiVersion: v1', 'kind: Pod', 'x0: &a0 [lol, lol]', ...Array.from({ length: 30 }, (_, i) => `x${i + 1}: &a${i + 1} [*a${i}, *a${i}, *a${i}]`), 'spec:', '  containers:', '  - name: a', '    image: x:1', '    securityContext: {privileged: true}', ''].join('\n');
  const started = Date.now();
  const result = run(bomb);
  assert.ok(Date.now() - started < 2000);
  assert.ok(result.findings.some((finding) => finding.rule === 'k8s-privileged'));
});

test('anchors and merge keys are followed; a shared securityContext is reported once and not edited', () => {
  const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: x:1\n    securityContext: &sc\n      privileged: true\n  - <<: {name: b}\n    image: x:1\n    securityContext: *sc\n';
  const privileged = run(text).findings.filter((finding) => finding.rule === 'k8s-privileged');
  assert.equal(privileged.length, 1);
  assert.deepEqual(privileged[0].fixes, []);
});

test('profile baseline silences the restricted rules; an unknown version falls back to the newest', () => {
  const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: x:1\n';
  const rules = (config: Parameters<typeof analyze>[0]['config']) => new Set(analyze({ text, kind: 'kubernetes', config }).findings.map((finding) => finding.rule));
  assert.ok(rules({}).has('k8s-run-as-non-root'));
  const baseline = rules({ kubernetes: { profile: 'baseline' } });
  for (const id of ['k8s-run-as-non-root', 'k8s-seccomp-missing', 'k8s-allow-privilege-escalation', 'k8s-capabilities-not-dropped']) assert.ok(!baseline.has(id), id);
  assert.ok(baseline.has('k8s-read-only-root-fs'));
  assert.deepEqual(rules({ kubernetes: { version: 'banana' } }), rules({}));
});

// The template check once used a lazy pattern: 40,000 `{{` without a `}}` took six seconds.
test('a run of `{{` without a closing `}}` is not a template, and is read in linear time', { timeout: 10_000 }, () => {
  const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: "${'{{'.repeat(40_000)}"\nspec:\n  containers:\n  - name: a\n    image: x:1\n    securityContext: {privileged: true}\n`;
  assert.ok(run(text).findings.some((finding) => finding.rule === 'k8s-privileged'));
  assert.equal(looksLikeManifest(`apiVersion: v1\nkind: Pod\nmetadata: {name: "}} {{"}\n`), true);
  assert.equal(looksLikeManifest(`apiVersion: v1\nkind: Pod\nmetadata: {name: "{{ x }}"}\n`), false);
});
