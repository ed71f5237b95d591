// UI test in a real VS Code (code-server, driven by Chromium): opens the "Get started with
// Shipshape" walkthrough from the command palette, as a newcomer finds it, and checks that its
// steps render with their titles, that every step's image loads, and that a step's command link
// runs its command (Show the Problems view) and ticks the step, and that the size step's link
// shows the breakdown of the Dockerfile opened before. Works on a copy of examples/.
// Needs scripts/e2e/setup.sh and `npm run package` (or SHIPSHAPE_E2E_VSIX=<file>).
// Screenshots go to test-results/walkthrough/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, runUiSuite } from './harness.mjs';

const walkthrough = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).contributes.walkthroughs[0];

await runUiSuite('walkthrough', async ({ page, server, workspace, results, step, until }) => {
  const stepTitles = () => page.locator('.gettingStartedContainer h3.step-title').allTextContents();

  await step('workbench opens the examples folder', async () => {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  });

  await step('node-app/Dockerfile opens, as the first step asks', async () => {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('node-app/Dockerfile');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dockerfile' }).filter({ hasText: 'node-app' }).click();
    await page.locator('.monaco-editor .view-line', { hasText: 'FROM node:latest' }).waitFor();
  });

  await step(`"Welcome: Open Walkthrough..." lists "${walkthrough.title}" and opens it`, async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Welcome: Open Walkthrough');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Walkthrough' }).first().waitFor();
    await page.keyboard.press('Enter');
    // The extension's walkthrough is contributed once it is installed, before it activates.
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: walkthrough.title });
    await row.first().waitFor({ timeout: 30_000 });
    await row.first().click();
    await page.locator('.gettingStartedContainer', { hasText: walkthrough.title }).first().waitFor();
  });

  await step('every step shows its title, in order', async () => {
    const expected = walkthrough.steps.map((entry) => entry.title);
    await until(async () => JSON.stringify((await stepTitles()).map((title) => title.trim())) === JSON.stringify(expected), async () => `steps shown: ${JSON.stringify(await stepTitles())}, expected ${JSON.stringify(expected)}`);
    await page.screenshot({ path: join(results, 'walkthrough.png') });
  });

  const diagnostics = walkthrough.steps.find((entry) => entry.id === 'diagnostics');
  // Every step with an image, the diagnostics step last: its link is used next, while it is open.
  const imageSteps = walkthrough.steps.filter((entry) => entry.media.image && entry !== diagnostics).concat(diagnostics);
  // Without the side bar the editor is wide enough for the media column.
  await page.keyboard.press('Control+B');

  for (const imageStep of imageSteps) {
    const imageFile = imageStep.media.image.split('/').pop();
    await step(`"${imageStep.title}" shows its image (${imageFile}), loaded`, async () => {
      // Step ids are the extension's and the walkthrough's, then the step's.
      await page.locator(`button.getting-started-step:has(h3[x-step-title-for$="#${imageStep.id}"])`).click();
      const image = page.locator('.getting-started-media img').first();
      await image.waitFor();
      await until(
        async () => (await image.evaluate((node) => node.complete && node.naturalWidth > 0 && node.currentSrc)).toString().includes(imageFile),
        async () => `the image did not load: ${await image.evaluate((node) => `${node.currentSrc} (${node.naturalWidth}×${node.naturalHeight})`)}`,
      );
      if ((await image.getAttribute('alt')) !== imageStep.media.altText) throw new Error(`alt text: ${await image.getAttribute('alt')}`);
    });
  }

  await step('its "Show the Problems view" link opens the Problems view and ticks the step', async () => {
    const checkbox = page.locator(`button.getting-started-step:has(h3[x-step-title-for$="#${diagnostics.id}"]) [role="checkbox"]`);
    if ((await checkbox.getAttribute('aria-checked')) !== 'false') throw new Error('the step was ticked before its link was used');
    await page.locator(`.step-description-container[x-step-description-for$="#${diagnostics.id}"]`).getByText('Show the Problems view').click();
    await page.locator('.markers-panel').waitFor();
    await until(async () => (await checkbox.getAttribute('aria-checked')) === 'true', async () => `the step is not ticked: aria-checked=${await checkbox.getAttribute('aria-checked')}`);
    await page.screenshot({ path: join(results, 'problems-from-walkthrough.png') });
  });

  const imageSize = walkthrough.steps.find((entry) => entry.id === 'imageSize');

  await step(`"${imageSize.title}": its "Show Image Size Breakdown" link shows the Dockerfile behind the walkthrough`, async () => {
    await page.locator(`button.getting-started-step:has(h3[x-step-title-for$="#${imageSize.id}"])`).click();
    await page.locator(`.step-description-container[x-step-description-for$="#${imageSize.id}"]`).getByText('Show Image Size Breakdown').click();
    await page.locator('.tab', { hasText: 'Image size: Dockerfile' }).waitFor({ timeout: 20_000 });
    // A webview is an iframe holding the content's iframe.
    const body = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').locator('body');
    await until(async () => ((await body.textContent().catch(() => '')) ?? '').includes('node:latest'), async () => `the view holds: ${await body.textContent().catch((error) => String(error))}`, 20_000);
    const checkbox = page.locator(`button.getting-started-step:has(h3[x-step-title-for$="#${imageSize.id}"]) [role="checkbox"]`);
    await until(async () => (await checkbox.getAttribute('aria-checked')) === 'true', async () => `the step is not ticked: aria-checked=${await checkbox.getAttribute('aria-checked')}`);
    await page.screenshot({ path: join(results, 'size-from-walkthrough.png') });
  });
});
