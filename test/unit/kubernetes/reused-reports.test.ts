/**
 * The Kubernetes analysis reuses the reports of documents whose text did not change: whatever
 * the edit, setting or workspace change, what it returns must be what an analysis from scratch
 * returns.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, forgetParsedDocuments, forgetReports, WorkspaceIndex, type AnalysisInput, type AnalysisResult } from '../../../server/src/engine';
import { analyze as analyzeWithoutReuse } from '../../../server/src/engine/analyze';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** The rules over the whole file at once, nothing reused from earlier analyses but the parsed documents (tested on their own). */
function fresh(input: AnalysisInput): AnalysisResult {
  return analyzeWithoutReuse(input, false);
}

/** Analyses each input in turn, reusing what the previous ones left, and checks each against an analysis from scratch. */
function assertSameAsFresh(inputs: AnalysisInput[]): AnalysisResult[] {
  return inputs.map((input, step) => {
    const reused = analyze(input);
    assert.deepStrictEqual(reused, fresh(input), `step ${step}:\n${input.text}`);
    return reused;
  });
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** A deterministic generator, so a failure names an edit that can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** A bundle that makes most rules speak: workloads of every shape, anchors, ignores, fixes, a List. */
function bundle(count: number): string {
  const documents = ['# a generated bundle'];
  for (let n = 0; n < count; n++) {
    const container = [
      `      - name: app-${n}`,
      `        image: registry.example.com/app-${n}${n % 5 === 0 ? '' : `:1.${n}`}`,
      ...(n % 4 === 0 ? ['        securityContext: &context', '          privileged: true', '          capabilities: {add: [NET_ADMIN]}'] : ['        securityContext:', '          allowPrivilegeEscalation: true']),
      '        ports:',
      '          - containerPort: 8080',
      ...(n % 3 === 0 ? ['        readinessProbe: {httpGet: {path: /, port: 9090}}'] : []),
      '        env:',
      '          - {name: PASSWORD, value: hunter2}',
      '          - {name: PASSWORD, value: again}',
    ];
    const podSpec = [`      hostNetwork: ${n % 2 === 0}`, ...(n % 6 === 0 ? ['      # shipshape-ignore k8s-host-port', '      volumes: [{name: data, hostPath: {path: /var/run/docker.sock}}]'] : []), '      containers:', ...container];
    const metadata = ['metadata:', `  name: app-${n}`, ...(n % 7 === 0 ? ['  annotations:', '    shipshape/ignore: k8s-privileged'] : [])];
    if (n % 5 === 4) documents.push('---', 'apiVersion: v1', 'kind: List', 'items:', '  - apiVersion: v1', '    kind: Service', '    metadata: {name: s}', '    spec: {selector: {app: x}}');
    else if (n % 3 === 2) documents.push('---', 'apiVersion: batch/v1beta1', 'kind: CronJob', ...metadata, 'spec:', '  jobTemplate:', '    spec:', '      template:', '        spec:', ...podSpec.map((line) => `    ${line}`));
    else documents.push('---', 'apiVersion: apps/v1', 'kind: Deployment', ...metadata, 'spec:', '  selector: {matchLabels: {app: web}}', '  template:', `    metadata: {labels: {app: ${n % 2 === 0 ? 'web' : 'other'}}}`, '    spec:', ...podSpec.slice(1));
  }
  return `${documents.join('\n')}\n`;
}

test('the corpus manifests, analysed after an edit of each, give what an analysis from scratch gives', () => {
  const files = [...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'test', 'fixtures'))];
  assert.ok(files.length > 10);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const middle = Math.floor(text.length / 2);
    assertSameAsFresh([text, `${text.slice(0, middle)}x${text.slice(middle)}`, `---\n${text}`, text].map((variant) => ({ text: variant, kind: 'kubernetes' as const })));
  }
});

test('random one-character edits of a generated bundle: reused reports equal an analysis from scratch at every step', () => {
  const next = random(5);
  let text = bundle(40);
  const texts = [text];
  for (let step = 0; step < 60; step++) {
    const at = Math.floor(next() * text.length);
    const character = ['a', ' ', '\n', '-', ':', '#', '1', '{', '"'][Math.floor(next() * 9)];
    const action = next();
    text = action < 0.5 ? `${text.slice(0, at)}${character}${text.slice(at)}` : action < 0.8 ? `${text.slice(0, at)}${text.slice(at + 1)}` : `${text.slice(0, at)}${character}${text.slice(at + 1)}`;
    texts.push(text);
  }
  const results = assertSameAsFresh(texts.map((variant) => ({ text: variant, kind: 'kubernetes' as const })));
  assert.ok(results[0].findings.length > 100, 'the bundle gives the rules something to report');
  assert.ok(results[0].findings.some((finding) => finding.fixes.length > 0 && finding.range.start.line > 100));
});

test('a file-wide ignore in the first document silences the rule in documents whose text did not change', () => {
  const text = bundle(6);
  const [before, ignored, after] = assertSameAsFresh([text, `# shipshape-ignore-file k8s-host-namespaces\n${text}`, text].map((variant) => ({ text: variant, kind: 'kubernetes' as const })));
  const hostNamespaces = (result: AnalysisResult) => result.findings.filter((finding) => finding.rule === 'k8s-host-namespaces').length;
  assert.ok(hostNamespaces(before) > 0);
  assert.equal(hostNamespaces(ignored), 0);
  assert.equal(hostNamespaces(after), hostNamespaces(before));
});

test('changing a rule severity, the profile, the version or the partial hint changes the findings of unchanged documents', () => {
  const text = bundle(6);
  const inputs: AnalysisInput[] = [
    { text, kind: 'kubernetes' },
    { text, kind: 'kubernetes', config: { rules: { 'k8s-allow-privilege-escalation': 'off', 'k8s-secret-in-env': 'error' } } },
    { text, kind: 'kubernetes', config: { kubernetes: { profile: 'baseline' } } },
    { text, kind: 'kubernetes', config: { kubernetes: { version: '1.20' } } },
    { text, kind: 'kubernetes', kubernetes: { partial: true } },
    { text, kind: 'kubernetes' },
  ];
  const [initial, severities, baseline, older, partial, again] = assertSameAsFresh(inputs);
  const count = (result: AnalysisResult, rule: string) => result.findings.filter((finding) => finding.rule === rule).length;
  assert.ok(count(initial, 'k8s-allow-privilege-escalation') > 0 && count(severities, 'k8s-allow-privilege-escalation') === 0);
  assert.ok(severities.findings.some((finding) => finding.rule === 'k8s-secret-in-env'));
  assert.ok(severities.findings.filter((finding) => finding.rule === 'k8s-secret-in-env').every((finding) => finding.severity === 'error'));
  assert.ok(count(initial, 'k8s-run-as-non-root') > 0 && count(baseline, 'k8s-run-as-non-root') === 0);
  assert.ok(count(initial, 'k8s-deprecated-api') > 0 && count(older, 'k8s-deprecated-api') === 0);
  assert.ok(count(initial, 'k8s-resources-missing') > 0 && count(partial, 'k8s-resources-missing') === 0);
  assert.deepStrictEqual(again, initial);
});

test('the first document\'s indentation, which every fix is written in, reaches the fixes of the others', () => {
  const second = '---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec:\n  containers:\n  - name: b\n    image: b:1\n';
  const twoSpaces = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n';
  const fourSpaces = twoSpaces.replace('  name', '    name');
  const [two, four] = assertSameAsFresh([twoSpaces + second, fourSpaces + second].map((text) => ({ text, kind: 'kubernetes' as const })));
  const capabilitiesFix = (result: AnalysisResult) => result.findings.find((finding) => finding.rule === 'k8s-capabilities-not-dropped')?.fixes[0]?.edits[0]?.newText;
  assert.notEqual(capabilitiesFix(two), capabilitiesFix(four));
});

test('a Dockerfile change in the workspace reaches unchanged documents; typing in the manifest keeps the reports it can', () => {
  const manifest = `${bundle(2)}---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: web\n          image: ghcr.io/acme/web:1.4.2\n          securityContext: {runAsNonRoot: true}\n`;
  const index = new WorkspaceIndex();
  index.setFile('docker-compose.yml', 'services:\n  web:\n    build: web\n    image: ghcr.io/acme/web:dev\n');
  index.setFile('web/Dockerfile', 'FROM debian:12\nUSER root\n');
  index.setFile('k8s/web.yaml', manifest);
  const workspace = { index, path: 'k8s/web.yaml' };
  const rootUser = analyze({ text: manifest, kind: 'kubernetes', workspace });
  assert.deepStrictEqual(rootUser, fresh({ text: manifest, kind: 'kubernetes', workspace }));
  assert.ok(rootUser.findings.some((finding) => finding.rule === 'xref-run-as-non-root-vs-image-user'));

  const typed = manifest.replace('name: app-0', 'name: app-0x');
  index.setFile('k8s/web.yaml', typed);
  const revision = index.revision;
  assert.deepStrictEqual(analyze({ text: typed, kind: 'kubernetes', workspace }), fresh({ text: typed, kind: 'kubernetes', workspace }));

  index.setFile('web/Dockerfile', 'FROM debian:12\nUSER 10001\n');
  assert.notEqual(index.revision, revision);
  analyze({ text: manifest, kind: 'kubernetes', workspace });
  const numericUser = analyze({ text: typed, kind: 'kubernetes', workspace });
  assert.ok(!numericUser.findings.some((finding) => finding.rule === 'xref-run-as-non-root-vs-image-user'));
  assert.deepStrictEqual(numericUser, fresh({ text: typed, kind: 'kubernetes', workspace }));
});

test('typing in a plain manifest leaves the workspace index revision as it was; a build definition or a Dockerfile moves it', () => {
  const index = new WorkspaceIndex();
  index.setFile('k8s/web.yaml', 'apiVersion: v1\nkind: Pod\n');
  const revision = index.revision;
  index.setFile('k8s/web.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {}\n');
  assert.equal(index.revision, revision);
  index.setFile('docker-compose.yml', 'services: {}\n');
  assert.notEqual(index.revision, revision);
  const afterCompose = index.revision;
  index.setFile('web/Dockerfile', 'FROM debian:12\n');
  assert.notEqual(index.revision, afterCompose);
});

test('documents seen for the first time are checked together, each report kept with its own document', () => {
  const text = bundle(30);
  const documents = text.split(/^(?=---$)/m);
  // Every other document seen before, then the whole bundle: the rules run once over the new half;
  // then a line added in the middle moves the reports of the second half only.
  const middle = documents.length >> 1;
  const lineAdded = [...documents.slice(0, middle), `${documents[middle]}# added\n`, ...documents.slice(middle + 1)].join('');
  assertSameAsFresh([documents.filter((_, index) => index % 2 === 0).join(''), text, lineAdded].map((variant) => ({ text: variant, kind: 'kubernetes' as const })));
  // The same document written three times, new and then moved by a line: each place keeps its reports.
  const hostNetwork = documents.find((document) => document.includes('hostNetwork: true'))!;
  const repeated = `${hostNetwork}${hostNetwork}${documents[1]}${hostNetwork}`;
  const [once, moved] = assertSameAsFresh([repeated, `# moved\n${repeated}`, `${hostNetwork}${hostNetwork}# added\n${documents[1]}${hostNetwork}`].map((variant) => ({ text: variant, kind: 'kubernetes' as const })));
  const lines = (result: AnalysisResult) => result.findings.filter((finding) => finding.rule === 'k8s-host-namespaces').map((finding) => finding.range.start.line);
  assert.equal(lines(once).length, 3);
  assert.deepStrictEqual(lines(moved), lines(once).map((line) => line + 1));
});

test('reports of documents that did not move are handed out again as they were; moved ones are moved copies', () => {
  const text = bundle(8);
  const first = analyze({ text, kind: 'kubernetes' });
  const typedInLast = `${text}# a comment at the end\n`;
  const again = analyze({ text: typedInLast, kind: 'kubernetes' });
  assert.deepStrictEqual(again, fresh({ text: typedInLast, kind: 'kubernetes' }));
  const movedDown = analyze({ text: `\n${text}`, kind: 'kubernetes' });
  assert.deepStrictEqual(movedDown, fresh({ text: `\n${text}`, kind: 'kubernetes' }));
  // The first analysis's findings are untouched by the moves that followed.
  assert.deepStrictEqual(first, fresh({ text, kind: 'kubernetes' }));
});

test('objects kept with their parsed documents are read at the places of the text they are in now', () => {
  const text = bundle(12);
  const inputs: AnalysisInput[] = [
    { text, kind: 'kubernetes' },
    // Moved down a line, with settings the kept reports were not made with: the rules run again on the kept objects.
    { text: `# moved\n${text}`, kind: 'kubernetes', config: { rules: { 'k8s-probes-missing': 'error' } } },
    { text: `# moved\n\n${text}`, kind: 'kubernetes', kubernetes: { partial: true } },
    { text: `# moved\n\n${text}`, kind: 'kubernetes' },
  ];
  for (const [step, input] of inputs.entries()) {
    const kept = analyze(input);
    // From scratch: nothing parsed, no object or report kept.
    forgetParsedDocuments();
    forgetReports();
    assert.deepStrictEqual(kept, analyze(input), `step ${step}`);
    if (step === 1) assert.ok(kept.findings.some((finding) => finding.rule === 'k8s-probes-missing' && finding.severity === 'error' && finding.range.start.line > 10));
  }
});

test('two files analysed in turn, each edited between its analyses, give what analyses from scratch give', () => {
  const first = bundle(6);
  const second = `${bundle(3)}---\napiVersion: v1\nkind: Pod\nmetadata: {name: lone}\nspec:\n  containers:\n    - {name: a, image: a}\n`;
  const inputs = [first, second, `${first}# edited\n`, second, `\n${second}`, first].map((text) => ({ text, kind: 'kubernetes' as const }));
  for (const [step, input] of inputs.entries()) {
    const kept = analyze(input);
    assert.deepStrictEqual(kept, fresh(input), `step ${step}`);
  }
  forgetParsedDocuments();
  forgetReports();
  for (const [step, input] of inputs.entries()) assert.deepStrictEqual(analyze(input), fresh(input), `step ${step} from scratch`);
});
