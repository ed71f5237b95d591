// UI test in a real VS Code (code-server, driven by Chromium): runs "Shipshape: Merge RUN
// Instructions" and "Shipshape: Convert to Multi-Stage Distroless Build" from the command
// palette on examples/node-app's Dockerfile, which apply at once (no refactor preview, whose
// changes would start unticked), and checks the editor's text and the saved file; then
// "Shipshape: Harden Kubernetes Manifest" on examples/k8s/deployment.yaml, which applies at once too,
// checking the text and that one Ctrl+Z takes it all back, then from the Refactor menu with a
// preview whose change is ticked. Works on a copy of
// examples/. Needs scripts/e2e/setup.sh and `npm run package` (or SHIPSHAPE_E2E_VSIX=<file>).
// Screenshots go to test-results/palette/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runUiSuite } from './harness.mjs';

await runUiSuite('palette', async ({ page, server, workspace, results, step, until, editorLines }) => {
  const dockerfile = join(workspace, 'node-app', 'Dockerfile');
  const untilEditorShows = (line, timeoutMs = 15_000) =>
    until(async () => (await editorLines()).includes(line), async () => `no "${line}" in the editor:\n${(await editorLines()).join('\n')}`, timeoutMs);

  /** F1, the command's title, Enter: as a person runs it. */
  async function runFromPalette(title) {
    await page.locator('.editor-instance .monaco-editor').first().click();
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.fill(`>Shipshape: ${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** A command the person asked for by name applies at once: a refactor preview would start its change unticked. */
  async function assertNoPreview(title) {
    const preview = await page.locator('.monaco-button', { hasText: /^Apply$/ }).first().waitFor({ timeout: 3_000 }).then(() => true, () => false);
    if (preview) {
      await page.screenshot({ path: join(results, 'unexpected-preview.png') });
      throw new Error(`${title} opened a refactor preview`);
    }
  }


  await step('node-app/Dockerfile opens and Shipshape reports on it', async () => {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('node-app/Dockerfile');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dockerfile' }).filter({ hasText: 'node-app' }).click();
    await page.locator('.monaco-editor .view-line', { hasText: 'FROM node:latest' }).waitFor();
    // The server is up once it has reported: the commands need it.
    await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 90_000 });
  });

  await step('the palette lists the Shipshape conversions for a Dockerfile', async () => {
    await page.locator('.editor-instance .monaco-editor').first().click();
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Shipshape: ');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Convert to Multi-Stage Distroless Build' }).first().waitFor();
    const titles = (await rows.allTextContents()).join('\n');
    for (const title of ['Merge RUN Instructions', 'Convert CMD/ENTRYPOINT to Exec Form', 'Generate .dockerignore']) {
      if (!titles.includes(title)) throw new Error(`no "${title}" in the palette:\n${titles}`);
    }
    await page.screenshot({ path: join(results, 'palette.png') });
    await page.keyboard.press('Escape');
  });

  await step('"Merge RUN Instructions" joins the two RUNs', async () => {
    await runFromPalette('Merge RUN Instructions');
    await untilEditorShows('RUN npm ci \\');
    await untilEditorShows('    && npm run build');
  });

  await step('"Convert to Multi-Stage Distroless Build" runs from the palette and applies at once', async () => {
    await runFromPalette('Convert to Multi-Stage Distroless Build');
    await assertNoPreview('Convert to Multi-Stage Distroless Build');
  });

  await step('the Dockerfile now builds in a named stage and ships on distroless', async () => {
    await untilEditorShows('FROM gcr.io/distroless/nodejs24-debian13:nonroot');
    const lines = await editorLines();
    for (const line of ['FROM node:latest AS build', 'RUN npm prune --omit=dev', 'COPY --from=build /app /app', 'CMD ["server.js"]']) {
      if (!lines.includes(line)) throw new Error(`no "${line}" in the editor:\n${lines.join('\n')}`);
    }
    await page.screenshot({ path: join(results, 'converted.png') });
  });

  await step('Ctrl+S saves the converted file', async () => {
    await page.locator('.editor-instance .monaco-editor').first().click();
    await page.keyboard.press('Control+S');
    for (const deadline = Date.now() + 10_000; !readFileSync(dockerfile, 'utf8').includes('FROM gcr.io/distroless/nodejs24-debian13:nonroot'); await page.waitForTimeout(200)) {
      if (Date.now() > deadline) throw new Error(`file holds:\n${readFileSync(dockerfile, 'utf8')}`);
    }
  });

  await step('"Harden Kubernetes Manifest" runs from the palette on k8s/deployment.yaml', async () => {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill('k8s/deployment.yaml');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'deployment.yaml' }).first().click();
    await page.locator('.monaco-editor .view-line', { hasText: 'privileged: true' }).waitFor();
    // privileged: true is an error under Pod Security "restricted": the server has reported.
    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 90_000 });
    await runFromPalette('Harden Kubernetes Manifest');
    await assertNoPreview('Harden Kubernetes Manifest');
  });

  await step('the manifest now runs the pod as "restricted" wants, comments kept', async () => {
    await untilEditorShows('            allowPrivilegeEscalation: false');
    const top = await editorLines();
    for (const line of ['# The node-app Deployment as teams first write it: Shipshape points at what Pod Security', '              drop: [ALL]', '            readOnlyRootFilesystem: true']) {
      if (!top.includes(line)) throw new Error(`no "${line}" in the editor:\n${top.join('\n')}`);
    }
    if (top.some((line) => line.includes('privileged: true'))) throw new Error(`privileged: true is still there:\n${top.join('\n')}`);
    await page.screenshot({ path: join(results, 'hardened.png') });
    // The pod-level additions are below the fold.
    await page.locator('.editor-instance .monaco-editor').first().click();
    await page.keyboard.press('Control+End');
    for (const line of ['        runAsNonRoot: true', '          type: RuntimeDefault', '      automountServiceAccountToken: false', '          emptyDir: {}']) await untilEditorShows(line);
  });

  await step('one Ctrl+Z takes the whole hardening back', async () => {
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+Z');
    await untilEditorShows('            privileged: true');
    const lines = await editorLines();
    if (lines.some((line) => line.includes('allowPrivilegeEscalation'))) throw new Error(`still hardened in part:\n${lines.join('\n')}`);
  });

  await step('from the Refactor menu, Ctrl+Enter previews the hardening with its change ticked, and Apply writes it', async () => {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Refactor...');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Refactor...' }).first().waitFor();
    await page.keyboard.press('Enter');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: 'Harden Kubernetes Manifest' });
    await item.first().waitFor();
    await item.first().hover();
    await page.keyboard.press('Control+Enter');
    const apply = page.locator('.monaco-button', { hasText: /^Apply$/ }).first();
    await apply.waitFor();
    await page.screenshot({ path: join(results, 'harden-preview.png') });
    const boxes = await page.locator('.monaco-list-row .edit-checkbox').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-checked')));
    if (boxes.length === 0 || boxes.some((checked) => checked !== 'true')) throw new Error(`the preview's checkboxes: ${JSON.stringify(boxes)}`);
    await apply.click();
    await untilEditorShows('            allowPrivilegeEscalation: false');
  });
});
