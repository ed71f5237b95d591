// UI test in a real VS Code (code-server, driven by Chromium): open examples/node-app's
// Dockerfile, see Shipshape's squiggles and Problems, apply "Convert to exec form" with
// Ctrl+. and check the saved file; then, with the .dockerignore deleted, "Generate .dockerignore"
// (a quick fix that creates another file) writes it at once, without a refactor preview. Works
// on a copy of examples/, never on the repo.
// Needs scripts/e2e/setup.sh and `npm run package` (or SHIPSHAPE_E2E_VSIX=<file>).
// Screenshots go to test-results/ui/; SHIPSHAPE_UPDATE_SCREENSHOTS=1 also refreshes
// docs/images/editor-quickfix.png from the happy path.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, runUiSuite } from './harness.mjs';

const ruleIds = ['image-latest-tag', 'user-root', 'consecutive-run', 'cmd-shell-form'];
const execForm = 'CMD ["node", "server.js"]';

await runUiSuite('ui', async ({ page, server, workspace, results, step, until, editorLines }) => {
  const dockerfile = join(workspace, 'node-app', 'Dockerfile');

  /**
   * Go to line:column, Ctrl+. and wait for the row titled `title` in the Quick Fix menu. The
   * status bar follows the preview while typing, so Ctrl+. waits for the editor itself to have
   * the focus back.
   */
  async function quickFixAt(line, column, title) {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.locator('.editor-instance .monaco-editor.focused').waitFor();
    await page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
    // In about 1 run in 20 the first Ctrl+. showed no menu although the editor had the
    // focus and the cursor (cause not found: not a republish of the diagnostics, which
    // leaves an open menu alone). A person would press it again, and so do we, saying so.
    const row = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
    await page.keyboard.press('Control+.');
    if (!(await row.waitFor({ timeout: 10_000 }).then(() => true, () => false))) {
      console.log('  (no menu after the first Ctrl+., pressing it again; see no-menu.png)');
      await page.screenshot({ path: join(results, 'no-menu.png') });
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      await row.waitFor();
    }
    return row;
  }

  await step('workbench opens the examples folder', async () => {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  });

  await step('node-app/Dockerfile opens in an editor', async () => {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('node-app/Dockerfile');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dockerfile' }).filter({ hasText: 'node-app' }).click();
    await page.locator('.monaco-editor .view-line', { hasText: 'FROM node:latest' }).waitFor();
  });

  await step('Shipshape draws squiggles', async () => {
    // The first check includes activating the extension and starting the server.
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 90_000 });
    await page.locator('.monaco-editor .squiggly-info').first().waitFor();
  });

  await step('Problems panel lists the four findings', async () => {
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.nth(ruleIds.length).waitFor(); // the file's row plus one per finding
    const text = (await rows.allTextContents()).join('\n');
    for (const id of ruleIds) {
      if (!text.includes(id)) throw new Error(`no ${id} in the Problems panel:\n${text}`);
    }
    if (!text.includes('shipshape')) throw new Error(`findings do not name their source:\n${text}`);
    await page.screenshot({ path: join(results, 'problems.png') });
  });

  await step('the status bar counts the file\'s findings', async () => {
    const item = page.locator('.statusbar [aria-label^="Shipshape, "]').first();
    await item.waitFor();
    const label = (await item.getAttribute('aria-label')) ?? '';
    const count = Number(/Shipshape, (\d+) findings/.exec(label)?.[1]);
    if (!(count >= ruleIds.length)) throw new Error(`status bar says "${label}", expected at least ${ruleIds.length} findings`);
  });

  await step('Ctrl+. on the CMD line offers "Convert to exec form"', async () => {
    // Inside `node server.js`.
    await quickFixAt(6, 10, 'Convert to exec form');
    await page.screenshot({ path: join(results, 'quickfix-menu.png') });
    if (process.env.SHIPSHAPE_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(root, 'docs', 'images'), { recursive: true });
      await page.screenshot({ path: join(root, 'docs', 'images', 'editor-quickfix.png') });
    }
  });

  await step('the quick fix rewrites CMD in exec form', async () => {
    await page.locator('.action-widget .monaco-list-row', { hasText: 'Convert to exec form' }).click();
    await page.waitForFunction(() => !document.querySelector('.action-widget .monaco-list-row'));
    await until(async () => (await editorLines()).includes(execForm), async () => `editor shows:\n${(await editorLines()).join('\n')}`);
  });

  await step('Ctrl+S saves the exec form to disk', async () => {
    await page.keyboard.press('Control+S');
    await until(() => readFileSync(dockerfile, 'utf8').split('\n').includes(execForm), () => `file holds:\n${readFileSync(dockerfile, 'utf8')}`);
  });

  await step('the cmd-shell-form finding goes away', async () => {
    await page.waitForFunction(() => {
      const text = document.querySelector('.markers-panel')?.textContent ?? '';
      return text.includes('image-latest-tag') && !text.includes('cmd-shell-form');
    }, undefined, { timeout: 15_000 });
    await page.screenshot({ path: join(results, 'after-fix.png') });
  });

  await step('with the .dockerignore deleted, missing-dockerignore appears on COPY . .', async () => {
    rmSync(join(workspace, 'node-app', '.dockerignore'));
    await page.waitForFunction(() => (document.querySelector('.markers-panel')?.textContent ?? '').includes('missing-dockerignore'), undefined, { timeout: 30_000 });
  });

  await step('its quick fix "Generate .dockerignore" writes the file at once, no preview to confirm', async () => {
    const fix = await quickFixAt(3, 2, 'Generate .dockerignore');
    await fix.click();
    const preview = await page.locator('.monaco-button', { hasText: /^Apply$/ }).first().waitFor({ timeout: 3_000 }).then(() => true, () => false);
    if (preview) {
      await page.screenshot({ path: join(results, 'unexpected-preview.png') });
      throw new Error('the quick fix opened a refactor preview');
    }
    const ignore = join(workspace, 'node-app', '.dockerignore');
    await until(() => existsSync(ignore) && readFileSync(ignore, 'utf8').split('\n').includes('node_modules'), () => `.dockerignore: ${existsSync(ignore) ? readFileSync(ignore, 'utf8') : 'missing'}`);
    await page.waitForFunction(() => !(document.querySelector('.markers-panel')?.textContent ?? '').includes('missing-dockerignore'), undefined, { timeout: 15_000 });
  });
});
