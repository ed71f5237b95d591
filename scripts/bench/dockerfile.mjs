// Dockerfile analysis speed, in one process and one run, on the same inputs for every tool:
//   - dockerfile-ast parse: the floor, as issue 3 defines it,
//   - dockerfile-utils validate: what Docker's VS Code extension runs (syntax checks only),
//   - dockerfilelint run: the old linter (its crashes are counted),
//   - Shipshape's own parser (engine/dockerfile/syntax) alone, with each instruction's words,
//   - Shipshape: the full analysis, every rule at its default severity.
// Inputs: the fixture corpus (each file with its build context), a generated 10,000-line
// Dockerfile, and the corpus repeated to a few MB. Prints the machine, then a Markdown table
// of median times, ratios to the floor and heap growth, for docs/benchmarks.md.
//
//   npm run bench [-- --only shipshape] [-- --bulk-mb 3] [-- --min-samples 7] [-- --per-rule]
//
// `--only` runs one tool (and the floor), e.g. under `node --cpu-prof` to see where Shipshape
// spends its time; `--per-rule` adds what each rule costs on its own over the corpus and the
// generated file (the rule alone minus all rules off, lazily built shared models included).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedDockerfile } from './generated-dockerfile.mjs';
import { heapDelta, loadShipshape, measure, require, root } from './measure.mjs';
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const only = option('--only', undefined);
const bulkBytes = Number(option('--bulk-mb', '3')) * 1024 * 1024;
const minSamples = Number(option('--min-samples', '7'));

/** Everything a fixture's context rules may ask for, read up front so no tool pays for I/O. */
function memoryContext(folder) {
  const files = [];
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (path !== 'Dockerfile') files.push(path);
    }
  };
  walk(folder, '');
  const contents = new Map(files.map((path) => [path, readFileSync(join(folder, path), 'utf8')]));
  return { dockerignore: contents.get('.dockerignore') ?? null, files, readFile: (path) => contents.get(path) };
}

function corpusInputs() {
  const corpus = join(root, 'test/fixtures/dockerfiles');
  return readdirSync(corpus)
    .filter((name) => statSync(join(corpus, name)).isDirectory())
    .sort()
    .map((name) => ({
      name,
      text: readFileSync(join(corpus, name, 'Dockerfile'), 'utf8').replace(/^\uFEFF/, ''),
      context: memoryContext(join(corpus, name)),
    }));
}

function bulkInputs(corpus) {
  const inputs = [];
  let bytes = 0;
  for (let round = 0; bytes < bulkBytes; round++) {
    for (const input of corpus) {
      inputs.push({ ...input, name: `${input.name}#${round}` });
      bytes += input.text.length;
    }
  }
  return { inputs, bytes };
}

function machine() {
  const model = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const versions = Object.fromEntries(['dockerfile-ast', 'dockerfile-utils', 'dockerfilelint'].map((name) => [name, require(`${name}/package.json`).version]));
  return { model, nproc, node: process.version, date: new Date().toISOString().slice(0, 10), versions };
}

const { DockerfileParser } = require('dockerfile-ast');
const dockerfileUtils = require('dockerfile-utils');
const dockerfilelint = require('dockerfilelint');
const shipshape = await loadShipshape();
const syntax = await loadShipshape('server/src/engine/dockerfile/syntax/index.ts');
// dockerfilelint looks for a .dockerfilelintrc in the folder it is given on every call: an empty one.
const lintFolder = mkdtempSync(join(tmpdir(), 'shipshape-bench-lint-'));
process.on('exit', () => rmSync(lintFolder, { recursive: true, force: true }));

const crashes = new Map();
const allTools = [
  { id: 'ast', label: 'dockerfile-ast parse (floor)', run: (input) => DockerfileParser.parse(input.text) },
  { id: 'utils', label: 'dockerfile-utils validate', run: (input) => dockerfileUtils.validate(input.text) },
  {
    id: 'dockerfilelint',
    label: 'dockerfilelint',
    run: (input) => {
      try {
        return dockerfilelint.run(lintFolder, input.text);
      } catch (error) {
        crashes.set(input.name, error instanceof Error ? error.message : String(error));
        return undefined;
      }
    },
  },
  {
    // Its own parser reads an instruction's words when first asked: every rule asks for them.
    id: 'syntax',
    label: 'Shipshape parser (and the words of each instruction)',
    run: (input) => {
      const file = syntax.parseDockerfile(input.text);
      for (const instruction of file.getInstructions()) instruction.getArguments();
      return file;
    },
  },
  { id: 'shipshape', label: 'Shipshape full analysis', run: (input) => shipshape.analyze({ text: input.text, kind: 'dockerfile', context: input.context }) },
];
const tools = only ? allTools.filter((tool) => tool.id === only || tool.id === 'ast') : allTools;
if (only && !allTools.some((tool) => tool.id === only)) throw new Error(`--only takes one of ${allTools.map((tool) => tool.id).join(', ')}`);

const corpus = corpusInputs();
const large = generatedDockerfile();
const bulk = bulkInputs(corpus);
const workloads = [
  { name: `corpus: ${corpus.length} fixtures, ${(corpus.reduce((sum, input) => sum + input.text.length, 0) / 1024).toFixed(0)} KB`, inputs: corpus },
  { name: `generated: 1 file, 10,000 lines, ${(large.length / 1024).toFixed(0)} KB`, inputs: [{ name: 'generated', text: large }] },
  { name: `bulk: corpus repeated, ${bulk.inputs.length} files, ${(bulk.bytes / 1024 / 1024).toFixed(1)} MB`, inputs: bulk.inputs },
];

// Sanity: Shipshape must analyse every input without an internal error, or its time means nothing.
for (const input of [...corpus, { name: 'generated', text: large }]) {
  const errors = shipshape.analyze({ text: input.text, kind: 'dockerfile', context: input.context }).internalErrors;
  if (errors.length > 0) console.error(`warning: Shipshape internal errors on ${input.name}: ${errors.map((error) => `${error.rule}: ${error.message}`).join('; ')}`);
}

const info = machine();
console.log(`Machine: ${info.model}, nproc ${info.nproc}, Node ${info.node}, ${info.date}, load average ${loadavg()[0].toFixed(1)} at start`);
console.log(`Packages: ${Object.entries(info.versions).map(([name, version]) => `${name} ${version}`).join(', ')}`);
if (typeof globalThis.gc !== 'function') console.log('(run with node --expose-gc for the heap columns)');
console.log('');
console.log('| input | tool | median ms | × floor (median of per-round ratios) | heap during pass | heap retained | samples |');
console.log('|---|---|---:|---:|---:|---:|---:|');
const notes = [''];
// A negative growth only means the GC also freed earlier garbage: shown as 0.
const mb = (bytes) => (bytes === undefined ? '–' : `${(Math.max(0, bytes) / 1024 / 1024).toFixed(1)} MB`);
for (const workload of workloads) {
  crashes.clear();
  const results = measure(tools, workload.inputs, minSamples);
  for (const tool of tools) {
    const { ms, ratio, samples } = results.get(tool);
    const heap = heapDelta(tool, workload.inputs);
    console.log(`| ${workload.name} | ${tool.label} | ${ms.toFixed(1)} | ${ratio.toFixed(2)} | ${mb(heap?.during)} | ${mb(heap?.retained)} | ${samples} |`);
  }
  if (crashes.size > 0) {
    const distinct = [...new Set(crashes.values())];
    notes.push(`dockerfilelint crashed on ${crashes.size} of ${workload.inputs.length} inputs of "${workload.name}" (${distinct.length} distinct errors: ${distinct.slice(0, 3).join('; ')}).`);
  }
}
for (const note of notes) console.log(note);

if (process.argv.includes('--per-rule')) {
  const inputs = [...corpus, { name: 'generated', text: large }];
  const enabled = shipshape.allRules.filter((rule) => rule.defaultSeverity !== 'off');
  const configWith = (id) => ({ rules: Object.fromEntries(shipshape.allRules.map((rule) => [rule.id, rule.id === id ? rule.defaultSeverity : 'off'])) });
  const variant = (id, label) => {
    const config = configWith(id);
    return { id, label, run: (input) => shipshape.analyze({ text: input.text, kind: 'dockerfile', context: input.context, config }) };
  };
  const tools = [allTools[0], variant(undefined, 'all rules off'), allTools[3], ...enabled.map((rule) => variant(rule.id, rule.id))];
  // Rules in small groups measured with the floor and the all-off baseline, each cost taken
  // against its own group's baseline, so that a busy spell does not leak from one group to another.
  const costs = [];
  let whole;
  for (let at = 3; at < tools.length; at += 6) {
    const group = [tools[0], tools[1], ...(at === 3 ? [tools[2]] : []), ...tools.slice(at, at + 6)];
    const results = measure(group, inputs, minSamples);
    const baseline = results.get(tools[1]);
    whole ??= { floor: results.get(tools[0]), baseline, all: results.get(tools[2]) };
    for (const tool of tools.slice(at, at + 6)) costs.push({ id: tool.id, ms: results.get(tool).ms - baseline.ms, ratio: results.get(tool).ratio - baseline.ratio });
  }
  console.log('');
  console.log(`Per rule, over the corpus and the generated file (floor ${whole.floor.ms.toFixed(1)} ms; all rules off ${whole.baseline.ms.toFixed(1)} ms, ${whole.baseline.ratio.toFixed(2)} × floor; all rules on ${whole.all.ms.toFixed(1)} ms, ${whole.all.ratio.toFixed(2)} × floor):`);
  console.log('');
  console.log('| rule | ms over all rules off | × floor over all rules off |');
  console.log('|---|---:|---:|');
  for (const cost of costs.sort((a, b) => b.ratio - a.ratio)) console.log(`| ${cost.id} | ${cost.ms.toFixed(1)} | ${cost.ratio.toFixed(2)} |`);
}
