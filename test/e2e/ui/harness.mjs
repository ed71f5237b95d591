// What every UI test in a real VS Code shares: a copy of examples/ to work on, code-server
// with the packaged extension and a browser, steps that stop at the first failure (each
// builds on the last) with a screenshot, and the `N passed, N failed` line CI counts.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser, startCodeServer, tempDir } from '../../../scripts/e2e/code-server.mjs';

export const root = resolve(import.meta.dirname, '../../..');

/**
 * Runs `body` with a fresh code-server on a copy of examples/ (named `examples`, as the
 * explorer and screenshots show it); exits the process with the suite's result.
 */
export async function runUiSuite(name, body) {
  const vsix = resolve(process.env.SHIPSHAPE_E2E_VSIX ?? join(root, 'shipshape.vsix'));
  const results = join(root, 'test-results', name);
  rmSync(results, { recursive: true, force: true });
  mkdirSync(results, { recursive: true });
  if (!existsSync(vsix)) {
    console.error(`no ${vsix}: run npm run package first`);
    console.log(`${name}: 0 passed, 1 failed`);
    process.exit(1);
  }
  const workspace = join(tempDir(name), 'examples');
  cpSync(join(root, 'examples'), workspace, { recursive: true });

  const counts = { passed: 0, failed: 0, skipped: 0 };
  const consoleLines = [];
  const server = await startCodeServer({ vsix });
  const browser = await launchBrowser();
  const page = browser.page;
  page.on('console', (message) => consoleLines.push(`[${message.type()}] ${message.text()}`));

  async function step(title, run) {
    if (counts.failed) {
      counts.skipped++;
      console.log(`- skipped: ${title}`);
      return;
    }
    const started = Date.now();
    try {
      await run();
      counts.passed++;
      console.log(`✔ ${title} (${Date.now() - started} ms)`);
    } catch (error) {
      counts.failed++;
      console.log(`✖ ${title}\n  ${String(error?.stack ?? error).replace(/\x1b\[[0-9;]*m/g, '').split('\n').slice(0, 4).join('\n  ')}`);
      await page.screenshot({ path: join(results, 'failure.png') }).catch(() => {});
    }
  }

  /** Polls probe() until it holds; on timeout, fails with what explain() says. */
  async function until(probe, explain, timeoutMs = 10_000) {
    for (const deadline = Date.now() + timeoutMs; !(await probe()); await page.waitForTimeout(200)) {
      if (Date.now() > deadline) throw new Error(await explain());
    }
  }

  /** The editor's text as rendered (Monaco draws spaces as no-break spaces), by line. */
  async function editorLines() {
    const lines = await page.locator('.editor-instance .monaco-editor .view-lines .view-line').evaluateAll((nodes) =>
      nodes.map((node) => ({ top: parseFloat(node.style.top), text: node.textContent.replace(/\u00a0/g, ' ') })));
    return lines.sort((a, b) => a.top - b.top).map((line) => line.text);
  }

  try {
    await body({ page, server, workspace, results, step, until, editorLines });
  } finally {
    writeFileSync(join(results, 'console.log'), consoleLines.join('\n') + '\n');
    await browser.close();
    await server.stop(results);
  }
  console.log(`screenshots and logs: ${results}`);
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`);
  process.exit(counts.failed ? 1 : 0);
}
