// What both benches share: the engine bundled from source, and the timing and heap method
// that docs/benchmarks.md describes (warm-up, tools taking turns, median of per-round ratios).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;
export const require = createRequire(join(root, 'package.json'));

// Per input: sample all the tools for about this long after warming up, within the bounds.
const SAMPLE_MS = 8000;
const MAX_SAMPLES = 60;
const WARMUP_MS = 500;

/**
 * The engine as the CLI ships it (or one module of it), bundled by esbuild from source (so the bench needs no build
 * step) into node_modules/.cache, where a CPU profile's line numbers can be traced back through
 * esbuild's `// server/src/...` file markers.
 */
export async function loadShipshape(entry = 'server/src/engine/index.ts') {
  const file = join(root, 'node_modules/.cache/shipshape-bench', `${entry.replace(/\/index\.ts$|\.ts$/, '').split('/').pop()}.cjs`);
  await build({ entryPoints: [join(root, entry)], bundle: true, platform: 'node', conditions: [], format: 'cjs', target: 'node20', outfile: file, logLevel: 'error' });
  return require(file);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs the tool over every input once; returns the results so that nothing is optimised away. */
export function pass(tool, inputs) {
  const results = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) results[i] = tool.run(inputs[i]);
  return results;
}

/**
 * Warm-up, then samples taken round-robin across the tools, so that a slow spell (another
 * process on the machine, a GC of earlier garbage) hits them alike. Each round's time of a
 * tool is divided by the floor's time in the same round: the median of those ratios is
 * steadier than the ratio of the medians on a busy machine.
 */
export function measure(tools, inputs, minSamples = 7) {
  const estimate = new Map();
  for (const tool of tools) {
    const start = performance.now();
    let passes = 0;
    do {
      pass(tool, inputs);
      passes++;
    } while (passes < 3 || performance.now() - start < WARMUP_MS);
    estimate.set(tool, (performance.now() - start) / passes);
  }
  const roundMs = [...estimate.values()].reduce((sum, ms) => sum + ms, 0);
  const samples = Math.max(minSamples, Math.min(MAX_SAMPLES, Math.ceil(SAMPLE_MS / roundMs)));
  const times = new Map(tools.map((tool) => [tool, []]));
  for (let round = 0; round < samples; round++) {
    for (let k = 0; k < tools.length; k++) {
      const tool = tools[(round + k) % tools.length];
      const start = performance.now();
      pass(tool, inputs);
      times.get(tool).push(performance.now() - start);
    }
  }
  const floor = times.get(tools[0]);
  return new Map(tools.map((tool) => [tool, { ms: median(times.get(tool)), ratio: median(times.get(tool).map((ms, round) => ms / floor[round])), samples }]));
}

/** Heap growth of one pass whose results are kept alive, after a full GC (needs --expose-gc). */
export function heapDelta(tool, inputs) {
  if (typeof globalThis.gc !== 'function') return undefined;
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const results = pass(tool, inputs);
  const during = process.memoryUsage().heapUsed - before;
  globalThis.gc();
  const retained = process.memoryUsage().heapUsed - before;
  results.length = 0;
  return { during, retained };
}
