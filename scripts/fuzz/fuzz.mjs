// Mutation fuzzer: the repository's Dockerfiles and manifests, mutated by fast-check (lines
// deleted, duplicated, swapped or spliced from another file, random bytes, truncation, CRLF/LF
// mixes, unbalanced quotes and brackets, huge tokens), run through the engine and every fix
// for a given time. Checks on each mutant:
// - analyze never throws and no rule fails (internalErrors), within a time budget;
// - every fix's edits lie inside the text and do not overlap, and applying them keeps every
//   character outside the edited ranges; the result analyses without failures, and YAML that
//   parsed still parses;
// - fix-all is idempotent: applied to its own result it changes nothing.
// Each distinct failure is shrunk by fast-check to a small reproduction and printed once.
//
//   node scripts/fuzz/fuzz.mjs [--minutes 10] [--seed 42]
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadShipshape, root } from '../bench/measure.mjs';
import { mutantOf, mutantSubjects } from './mutants.mjs';

const { values } = parseArgs({ options: { minutes: { type: 'string', default: '10' }, seed: { type: 'string' } } });
const deadline = Date.now() + Number(values.minutes) * 60_000;
const SLOW_MS = 2000;

const engine = await loadShipshape();
const { analyze, applyEdits, fixAll, LineIndex } = engine;

function filesUnder(dir, accept, found = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(path).isDirectory()) filesUnder(path, accept, found);
    else if (accept(name)) found.push(path);
  }
  return found;
}

const corpus = [...filesUnder(join(root, 'test/fixtures'), (name) => /^Dockerfile|\.ya?ml$/.test(name)), ...filesUnder(join(root, 'examples'), (name) => /^Dockerfile|\.ya?ml$/.test(name))]
  .map((path) => ({ path: relative(root, path), kind: /\.ya?ml$/.test(path) ? 'kubernetes' : 'dockerfile', text: readFileSync(path, 'utf8') }))
  .filter((file) => file.text.trim() !== '');

const subject = mutantSubjects();
const mutate = (input) => mutantOf(corpus, input);

/** Problems with the mutant, each as a short signature (for telling failures apart) and a detail. */
function problemsOf({ kind, text }) {
  const problems = [];
  const run = (input) => {
    const started = performance.now();
    let result;
    try {
      result = analyze({ kind, ...input });
    } catch (error) {
      problems.push({ signature: `analyze throws: ${String(error?.message).slice(0, 80)}`, detail: error?.stack });
      return undefined;
    }
    const elapsed = performance.now() - started;
    if (elapsed > SLOW_MS) problems.push({ signature: `analysis over ${SLOW_MS} ms`, detail: `${elapsed.toFixed(0)} ms for ${input.text.length} characters` });
    for (const error of result.internalErrors) problems.push({ signature: `rule fails: ${error.rule}: ${error.message.slice(0, 80)}`, detail: error.message });
    return result;
  };
  const before = run({ text });
  if (!before) return problems;
  const lines = new LineIndex(text);
  const inside = ({ line, character }) => line >= 0 && line < lines.lineCount && character >= 0 && character <= lines.lineText(line).length;
  for (const finding of before.findings) {
    for (const fix of finding.fixes) {
      const label = `${finding.rule} "${fix.title}"`;
      const edits = fix.edits.filter((edit) => edit.file === undefined);
      if (edits.some((edit) => !inside(edit.range.start) || !inside(edit.range.end))) {
        problems.push({ signature: `${label}: an edit outside the text`, detail: JSON.stringify(edits.map((edit) => edit.range)) });
        continue;
      }
      const spans = edits.map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), text: edit.newText })).sort((a, b) => a.start - b.start || a.end - b.end);
      if (spans.some((span) => span.end < span.start) || spans.some((span, i) => i > 0 && span.start < spans[i - 1].end)) {
        problems.push({ signature: `${label}: edits overlap or run backwards`, detail: JSON.stringify(spans.map(({ start, end }) => [start, end])) });
        continue;
      }
      let fixed;
      try {
        fixed = applyEdits(text, edits);
      } catch (error) {
        problems.push({ signature: `${label}: applyEdits throws`, detail: String(error?.message) });
        continue;
      }
      // Everything outside the edited spans is kept, in order.
      let expected = '';
      let at = 0;
      for (const span of spans) {
        expected += text.slice(at, span.start) + span.text;
        at = span.end;
      }
      expected += text.slice(at);
      if (expected !== fixed) problems.push({ signature: `${label}: text outside the edits changed`, detail: '' });
      const after = run({ text: fixed });
      if (after && kind === 'kubernetes' && !before.syntaxErrors?.length && after.syntaxErrors?.length) {
        problems.push({ signature: `${label}: the fixed YAML does not parse`, detail: after.syntaxErrors[0].message });
      }
    }
  }
  const findingsOf = (current) => run({ text: current })?.findings ?? [];
  try {
    const once = fixAll(text, findingsOf);
    const twice = fixAll(once, findingsOf);
    if (twice !== once) problems.push({ signature: 'fix-all applied twice changes the text', detail: firstDifference(once, twice) });
  } catch (error) {
    problems.push({ signature: `fix-all throws: ${String(error?.message).slice(0, 80)}`, detail: error?.stack });
  }
  return problems;
}

function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 40), i + 40))} → ${JSON.stringify(b.slice(Math.max(0, i - 40), i + 40))}`;
}

const known = new Map();
let mutants = 0;
let seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
console.log(`Fuzzing ${corpus.length} files (${corpus.filter((file) => file.kind === 'kubernetes').length} YAML) for ${values.minutes} min from seed ${seed}`);
while (Date.now() < deadline) {
  const property = fc.property(subject, (input) => {
    mutants++;
    const fresh = problemsOf(mutate(input)).filter((problem) => !known.has(problem.signature));
    if (fresh.length > 0) throw new Error(fresh.map((problem) => problem.signature).join('\n'));
  });
  const outcome = fc.check(property, { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: Math.max(1, deadline - Date.now()), markInterruptAsFailure: false, endOnFailure: false });
  seed = (seed + 1) % 2 ** 31;
  if (!outcome.failed || !outcome.counterexample) continue;
  const mutant = mutate(outcome.counterexample[0]);
  for (const problem of problemsOf(mutant)) {
    if (known.has(problem.signature)) continue;
    known.set(problem.signature, mutant);
    console.log(`\nFOUND ${problem.signature}\n  from ${mutant.path} with ${JSON.stringify(outcome.counterexample[0].mutations)}\n  ${problem.detail?.split('\n').slice(0, 4).join('\n  ')}\n  text: ${JSON.stringify(mutant.text.length > 600 ? `${mutant.text.slice(0, 600)}…` : mutant.text)}`);
  }
}
console.log(`\n${mutants} mutants checked; ${known.size} distinct problems.`);
process.exitCode = known.size > 0 ? 1 : 0;
