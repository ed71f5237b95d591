/** `shipshape size`: the breakdown a CI job prints, as text and as JSON, and its usage errors. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run, workspace } from './harness';

const DOCKERFILE = 'FROM scratch\nCOPY app /app\nCOPY ${FILE} /\n';

function folder() {
  return workspace({ Dockerfile: DOCKERFILE, 'app/main': 'm'.repeat(2500), 'app/cache.tmp': 't'.repeat(9000), '.dockerignore': '*/*.tmp\n' });
}

test('text: a line per stage, base and layer, unknown parts said as such', () => {
  const result = run(folder(), ['size', 'Dockerfile']);
  assert.equal(result.code, 0);
  assert.equal(result.stderr, '');
  const lines = result.stdout.split('\n');
  assert.deepEqual(lines.slice(0, 8), [
    'Dockerfile',
    'Stage 0 (final image): at least 2.5 kB',
    '  base scratch: 0 B',
    '  line 2 COPY: ≈ 2.5 kB (1 file)',
    '    app: 2.5 kB',
    '  line 3 COPY: at least 0 B (0 files)',
    '    ${FILE}: unknown',
    lines[7],
  ]);
  assert.match(lines[7], /^Estimates from tables as of \d{4}-\d{2}-\d{2}; "at least" marks parts whose size is unknown\.$/);
});

test('json: the same figures as the editor view, per file', () => {
  const result = run(folder(), ['size', '--format', 'json', 'Dockerfile']);
  assert.equal(result.code, 0);
  const parsed = JSON.parse(result.stdout) as Record<string, { stages: { title: string; layers: { line: number; bytes: number; files?: number; partial: boolean }[] }[] }>;
  assert.deepEqual(Object.keys(parsed), ['Dockerfile']);
  const [stage] = parsed.Dockerfile.stages;
  assert.equal(stage.title, 'at least 2.5 kB, final image');
  assert.deepEqual(stage.layers.map(({ line, bytes, files, partial }) => ({ line, bytes, files, partial })), [
    { line: 2, bytes: 2500, files: 1, partial: false },
    { line: 3, bytes: 0, files: 0, partial: true },
  ]);
});

test('options of other commands are usage errors', () => {
  const result = run(folder(), ['size', '--fix', 'Dockerfile']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /--fix does not apply to shipshape size/);
  assert.match(run(folder(), ['check', '--shipped-stage', 'x']).stderr, /--shipped-stage belongs to shipshape size/);
});
