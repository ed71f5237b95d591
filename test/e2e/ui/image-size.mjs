// UI test in a real VS Code (code-server, driven by Chromium): image sizes as a person sees
// them on a Dockerfile built on debian:bookworm-slim with a 120 kB folder copied in: the
// hover on FROM (the base's card), the code lens with the stage total, and "Shipshape: Show
// Image Size Breakdown" from the palette, whose webview is read for its stage and layer rows.
// The registry is set offline, so the figures are the catalog's. Works on a copy of
// examples/. Needs scripts/e2e/setup.sh and `npm run package` (or SHIPSHAPE_E2E_VSIX=<file>).
// Screenshots go to test-results/image-size/; SHIPSHAPE_UPDATE_SCREENSHOTS=1 also refreshes
// docs/images/editor-size-hover.png (the walkthrough's size step) from the hover.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, runUiSuite } from './harness.mjs';

await runUiSuite('image-size', async ({ page, server, workspace, results, step, until }) => {
  const folder = join(workspace, 'sized');
  mkdirSync(join(folder, 'app'), { recursive: true });
  writeFileSync(join(folder, 'app', 'server.js'), 's'.repeat(120_000));
  writeFileSync(join(folder, 'Dockerfile'), 'FROM debian:bookworm-slim\nCOPY app /app\nCMD ["/app/server.js"]\n');
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'shipshape.registry.offline': true }));

  await step('sized/Dockerfile opens with a code lens giving the stage total', async () => {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('sized/Dockerfile');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dockerfile' }).filter({ hasText: 'sized' }).click();
    await page.locator('.monaco-editor .view-line', { hasText: 'FROM debian:bookworm-slim' }).waitFor();
    const lens = page.locator('.monaco-editor .codelens-decoration', { hasText: 'final image' });
    await lens.first().waitFor({ timeout: 90_000 });
    const title = (await lens.first().textContent()) ?? '';
    if (!/^≈ \d+ MB, final image$/.test(title.trim())) throw new Error(`code lens: "${title}"`);
  });

  await step('the hover on FROM shows the base image card', async () => {
    await page.locator('.monaco-editor .view-line span', { hasText: 'bookworm-slim' }).first().hover();
    const hover = page.locator('.monaco-hover', { hasText: 'Size (linux/amd64)' });
    await until(async () => (await hover.count()) > 0, async () => `no size hover; hovers: ${(await page.locator('.monaco-hover').allTextContents()).join(' | ')}`, 20_000);
    const text = (await hover.first().textContent()) ?? '';
    for (const expected of ['debian:bookworm-slim', 'download', 'unpacked', 'OS: Debian 12 (bookworm)', 'End of life: Debian 12 (bookworm)', 'Default user: root', 'Final image: ≈']) {
      if (!text.includes(expected)) throw new Error(`no "${expected}" in the hover:\n${text}`);
    }
    await page.screenshot({ path: join(results, 'hover.png') });
    if (process.env.SHIPSHAPE_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(root, 'docs', 'images'), { recursive: true });
      await page.screenshot({ path: join(root, 'docs', 'images', 'editor-size-hover.png') });
    }
    await page.keyboard.press('Escape');
  });

  await step('"Show Image Size Breakdown" from the palette opens a view with the stage and layer rows', async () => {
    await page.locator('.editor-instance .monaco-editor').first().click();
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Shipshape: Show Image Size Breakdown');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Image Size Breakdown' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'Image size: Dockerfile' }).waitFor({ timeout: 20_000 });
    // A webview is an iframe holding the content's iframe.
    const body = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('body');
    await until(async () => ((await body.textContent().catch(() => '')) ?? '').includes('COPY app /app'), async () => `the view holds: ${await body.textContent().catch((error) => String(error))}`, 20_000);
    const text = (await body.textContent()) ?? '';
    for (const expected of ['Image size: Dockerfile', 'final image', 'debian:bookworm-slim', 'line 2', 'COPY app /app', '120 kB', '1 file', 'Estimates from tables as of']) {
      if (!text.includes(expected)) throw new Error(`no "${expected}" in the view:\n${text}`);
    }
    const bars = await body.locator('.bar').count();
    if (bars < 3) throw new Error(`expected a bar for the stage, the base and the layer, found ${bars}`);
    await page.screenshot({ path: join(results, 'breakdown.png') });
  });
});
