// Writes package.json's `contributes.configuration` from the rule metadata
// (server/src/lsp/manifest.ts). Run after adding or changing a rule; test/lsp/manifest.test.ts
// fails until then.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const entry = `export { configurationContribution } from './server/src/lsp/manifest';
export { allRules } from './server/src/engine';`;

// The metadata is TypeScript: bundle it to a throw-away CommonJS file and load that.
const dir = mkdtempSync(join(tmpdir(), 'shipshape-manifest-'));
try {
  const outfile = join(dir, 'manifest.cjs');
  await build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
  const { configurationContribution, allRules } = createRequire(import.meta.url)(outfile);
  const path = join(root, 'package.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  manifest.contributes = { ...manifest.contributes, configuration: configurationContribution(allRules) };
  writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
