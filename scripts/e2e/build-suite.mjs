// Bundles the real-editor suite (test/e2e/suite) into .e2e/suite: index.js, the
// extensionTestsPath, and one file per *.test.ts that index.js hands to mocha. `vscode` is
// the editor's own module; mocha is loaded from node_modules so every file shares one.
// Imported by test/e2e/run-suite.mjs; runs on import.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const suite = join(root, 'test', 'e2e', 'suite');
export const outdir = join(root, '.e2e', 'suite');

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: readdirSync(suite).filter((name) => name.endsWith('.ts')).map((name) => join(suite, name)),
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
