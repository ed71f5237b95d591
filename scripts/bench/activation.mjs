// Extension activation time in a real VS Code (code-server, driven by Chromium; see
// test/e2e/README.md): opens examples/ with the packaged extension, waits for Shipshape's
// squiggles on the Dockerfile, then reads VS Code's own figure from "Developer: Show Running
// Extensions" (code loading plus the activate call). Several fresh instances, median and max.
// Needs scripts/e2e/setup.sh and `npm run package` (or SHIPSHAPE_E2E_VSIX=<file>).
//
//   node scripts/bench/activation.mjs [--runs 5]
import { cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser, startCodeServer, tempDir } from '../e2e/code-server.mjs';
import { root } from './measure.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const vsix = resolve(process.env.SHIPSHAPE_E2E_VSIX ?? join(root, 'shipshape.vsix'));
if (!existsSync(vsix)) throw new Error(`no ${vsix}: run npm run package first`);

/** One fresh editor: the activation time VS Code shows for Shipshape, in ms. */
async function activationMs() {
  const workspace = join(tempDir('activation'), 'examples');
  cpSync(join(root, 'examples'), workspace, { recursive: true });
  const server = await startCodeServer({ vsix });
  const browser = await launchBrowser();
  const { page } = browser;
  try {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'node-app' }).first().click();
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'Dockerfile' }).first().click();
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Developer: Show Running Extensions');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Running Extensions' }).first().waitFor();
    await page.keyboard.press('Enter');
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Shipshape' }).first();
    await row.waitFor();
    // The row reads e.g. "Shipshape: Dockerfile and Kubernetes best practices … 38ms".
    const text = await row.locator('.activation-time').textContent();
    const ms = Number(/([\d.]+)\s*ms/.exec(text ?? '')?.[1]);
    if (!Number.isFinite(ms)) throw new Error(`no activation time in ${JSON.stringify(await row.textContent())}`);
    return ms;
  } finally {
    await browser.close();
    await server.stop();
  }
}

const times = [];
for (let run = 0; run < Number(values.runs); run++) {
  times.push(await activationMs());
  console.log(`run ${run + 1}: ${times.at(-1)} ms`);
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`\nActivation (VS Code's figure, ${times.length} fresh editors): median ${sorted[sorted.length >> 1]} ms, max ${sorted.at(-1)} ms`);
