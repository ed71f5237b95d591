// The extensionTestsPath of the real-editor suite: VS Code's extension host calls run(),
// which runs every *.test.js bundled beside this file with mocha. The counts also go to
// $SHIPSHAPE_E2E_RESULTS, for the runner outside the editor to report.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats!));
  });
  const counts = { passed: stats.passes, failed: stats.failures, skipped: stats.pending };
  if (process.env.SHIPSHAPE_E2E_RESULTS) writeFileSync(process.env.SHIPSHAPE_E2E_RESULTS, JSON.stringify(counts));
  if (counts.failed > 0 || counts.passed === 0) throw new Error(`${counts.failed} failed, ${counts.passed} passed`);
}
