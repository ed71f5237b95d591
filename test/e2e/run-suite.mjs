// Runs the extension-host suite (test/e2e/suite/*.test.ts) in a real VS Code through
// @vscode/test-electron's runTests, with scripts/e2e/launcher.mjs as the "VS Code" (it
// starts code-server and Chromium). The extension under test is the built one in dist/
// (npm run build or npm run package first); the workspace is a copy of examples/.
// Logs land in test-results/suite/.
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { outdir } from '../../scripts/e2e/build-suite.mjs';
import { tempDir } from '../../scripts/e2e/code-server.mjs';

const root = resolve(import.meta.dirname, '../..');
const results = join(root, 'test-results', 'suite');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const scratch = tempDir('suite');
const workspace = join(scratch, 'examples');
cpSync(join(root, 'examples'), workspace, { recursive: true });
const countsFile = join(scratch, 'counts.json');

let counts = { passed: 0, failed: 1, skipped: 0 }; // unless the suite reports otherwise
let exited = false; // the editor ran the suite and exited with 0
try {
  if (!existsSync(join(root, 'dist', 'client.js'))) throw new Error('no dist/client.js: run npm run build first');
  await runTests({
    vscodeExecutablePath: join(root, 'scripts', 'e2e', 'launcher.mjs'),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(outdir, 'index.js'),
    launchArgs: [workspace],
    extensionTestsEnv: { SHIPSHAPE_E2E_RESULTS: countsFile, SHIPSHAPE_E2E_LOGS: results },
  });
  exited = true;
} catch (error) {
  console.error(error.message);
}
if (existsSync(countsFile)) counts = JSON.parse(readFileSync(countsFile, 'utf8'));
console.log(`logs: ${results}`);
console.log(`suite: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
process.exit(exited && counts.failed === 0 && counts.passed > 0 ? 0 : 1);
