// Kubernetes analysis speed, in one process and one run, on the same inputs for every tool:
//   - js-yaml loadAll: the floor (the fastest YAML loader; it keeps no positions),
//   - yaml parseAllDocuments: the position-keeping parser editors' YAML support builds on,
//   - Shipshape: the full Kubernetes analysis, every rule at its default severity.
// Inputs: the repository's manifests and snippets (examples/, the YAML of the k8s rule docs)
// and a generated 50,000-line multi-document manifest. Prints the machine, then a Markdown
// table of median times, ratios to the floor and heap growth, for docs/benchmarks.md.
//
//   npm run bench [-- --min-samples 7]    (or: node --expose-gc scripts/bench/kubernetes.mjs)
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { generatedManifest } from './generated-manifest.mjs';
import { heapDelta, loadShipshape, measure, require, root } from './measure.mjs';

const at = process.argv.indexOf('--min-samples');
const minSamples = at >= 0 ? Number(process.argv[at + 1]) : 7;

/** examples/k8s and every ```yaml block of the k8s rule docs (whole objects and the fragments the docs show). */
function repositoryInputs() {
  const inputs = [{ name: 'examples/k8s/deployment.yaml', text: readFileSync(join(root, 'examples/k8s/deployment.yaml'), 'utf8') }];
  const docs = join(root, 'docs/rules');
  for (const file of readdirSync(docs).filter((name) => name.startsWith('k8s-')).sort()) {
    const blocks = readFileSync(join(docs, file), 'utf8').matchAll(/^```yaml\n([\s\S]*?)^```$/gm);
    for (const [index, [, text]] of [...blocks].entries()) inputs.push({ name: `${file}#${index}`, text });
  }
  return inputs;
}

const jsYaml = require('js-yaml');
const yaml = require('yaml');
const shipshape = await loadShipshape();

const tools = [
  { label: 'js-yaml loadAll (floor)', run: (input) => jsYaml.loadAll(input.text) },
  { label: 'yaml parseAllDocuments', run: (input) => yaml.parseAllDocuments(input.text) },
  // Cold, as the CLI meets each file: nothing kept from the previous run of the same text.
  {
    label: 'Shipshape full analysis',
    run: (input) => {
      shipshape.forgetParsedDocuments();
      shipshape.forgetReports();
      return shipshape.analyze({ text: input.text, kind: 'kubernetes' });
    },
  },
];

// The floor must load every input, or it would be timed on less work than the others.
const repository = repositoryInputs().filter((input) => {
  try {
    jsYaml.loadAll(input.text);
    return true;
  } catch {
    console.error(`skipped ${input.name}: js-yaml cannot load it`);
    return false;
  }
});
const large = generatedManifest();
const workloads = [
  { name: `repository: ${repository.length} manifests and snippets, ${(repository.reduce((sum, input) => sum + input.text.length, 0) / 1024).toFixed(0)} KB`, inputs: repository },
  { name: `generated: 1 file, 50,000 lines, ${large.split('\n---\n').length} documents, ${(large.length / 1024).toFixed(0)} KB`, inputs: [{ name: 'generated', text: large }] },
];

// Sanity: Shipshape must analyse every input without an internal error, and find what the
// generated bundle gets wrong, or its time means nothing.
for (const input of [...repository, { name: 'generated', text: large }]) {
  const result = shipshape.analyze({ text: input.text, kind: 'kubernetes' });
  if (result.internalErrors.length > 0) console.error(`warning: Shipshape internal errors on ${input.name}: ${result.internalErrors.map((error) => `${error.rule}: ${error.message}`).join('; ')}`);
  if (input.name === 'generated') console.log(`Shipshape reports ${result.findings.length} findings on the generated bundle.`);
}

const model = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
console.log(`Machine: ${model}, ${cpus().length} CPUs, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0].toFixed(1)} at start`);
console.log(`Packages: js-yaml ${require('js-yaml/package.json').version}, yaml ${require('yaml/package.json').version}`);
if (typeof globalThis.gc !== 'function') console.log('(run with node --expose-gc for the heap columns)');
console.log('');
console.log('| input | tool | median ms | × floor (median of per-round ratios) | heap during pass | heap retained | samples |');
console.log('|---|---|---:|---:|---:|---:|---:|');
// A negative growth only means the GC also freed earlier garbage: shown as 0.
const mb = (bytes) => (bytes === undefined ? '–' : `${(Math.max(0, bytes) / 1024 / 1024).toFixed(1)} MB`);
for (const workload of workloads) {
  const results = measure(tools, workload.inputs, minSamples);
  for (const tool of tools) {
    const { ms, ratio, samples } = results.get(tool);
    const heap = heapDelta(tool, workload.inputs);
    console.log(`| ${workload.name} | ${tool.label} | ${ms.toFixed(1)} | ${ratio.toFixed(2)} | ${mb(heap?.during)} | ${mb(heap?.retained)} | ${samples} |`);
  }
}

// Typing in a large bundle: one keystroke (a character typed into an image tag somewhere in the
// file) and the full analysis of the new text, as the server runs it after the debounce (the
// documents the keystroke did not touch come parsed from the previous analysis, and their rules'
// reports too); beside it the same analysis with the reports forgotten before each keystroke
// (every rule runs over every document, as before reports were kept), and a whole-file parse,
// which is what every keystroke cost before documents were kept.
const KEYSTROKES = 41;
const bundle = generatedManifest(35_000);
const tags = [...bundle.matchAll(/image: "[^"]*:1\./g)].map((match) => match.index + match[0].length);
const typed = Array.from({ length: KEYSTROKES }, (_, k) => {
  const at = tags[Math.floor(((k + 0.5) / KEYSTROKES) * tags.length)];
  return `${bundle.slice(0, at)}${k % 10}${bundle.slice(at)}`;
});
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const reusedMs = [];
const rerunMs = [];
const parseMs = [];
const time = (values, run) => {
  const start = performance.now();
  run();
  values.push(performance.now() - start);
};
for (const text of [bundle, bundle, ...typed]) {
  // Kept from the previous round: the previous text's parsed documents and reports.
  time(reusedMs, () => shipshape.analyze({ text, kind: 'kubernetes' }));
  shipshape.forgetReports();
  time(rerunMs, () => shipshape.analyze({ text, kind: 'kubernetes' }));
  time(parseMs, () => yaml.parseAllDocuments(text, { version: '1.1', prettyErrors: false, uniqueKeys: false }));
}
// The first two rounds warm up.
for (const values of [reusedMs, rerunMs, parseMs]) values.splice(0, 2);
console.log('');
console.log(`Typing: ${KEYSTROKES} keystrokes, each one character typed into an image tag of a 35,000-line bundle (${bundle.split('\n---\n').length} documents, ${(bundle.length / 1024).toFixed(0)} KB), then the full analysis of the new text:`);
console.log('');
console.log('| keystroke → | p50 ms | p95 ms | max ms |');
console.log('|---|---:|---:|---:|');
for (const [label, values] of [
  ['Shipshape full analysis, unchanged documents\' reports reused', reusedMs],
  ['Shipshape full analysis, every rule over every document', rerunMs],
  ['yaml parseAllDocuments of the whole text', parseMs],
]) {
  console.log(`| ${label} | ${percentile(values, 50).toFixed(1)} | ${percentile(values, 95).toFixed(1)} | ${Math.max(...values).toFixed(1)} |`);
}
