// Bundles the extension client, the language server and the CLI into dist/, and every
// test file into out/ (one bundle per test, npm packages left external).
import { build } from 'esbuild';
import { readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const production = process.argv.includes('--production');

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const common = {
  bundle: true,
  platform: 'node',
  // No "module" condition: packages resolve to what Node's require() loads. With it, esbuild
  // took vscode-languageserver-types' ESM build, and its CommonJS callers reached `Range.create`
  // through an interop getter on every call (2% of an analysis when the engine parsed with
  // dockerfile-ast).
  conditions: [],
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
rmSync(join(root, 'out'), { recursive: true, force: true });

await Promise.all([
  build({ ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { server: 'server/src/lsp/entry.ts', cli: 'server/src/cli/main.ts' }, outdir: 'dist' }),
  build({
    ...common,
    entryPoints: [...findTests(join(root, 'test')).filter((path) => !path.includes('/test/e2e/')), 'scripts/generate-docs.ts'],
    outdir: 'out',
    outbase: '.',
    packages: 'external',
  }),
]);
