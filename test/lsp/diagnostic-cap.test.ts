import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { ServerUnderTest, byCode, tracerSettings, vscodeLikeCapabilities } from './harness';

/** Four stages, each with an info (latest tag), a warning (consecutive RUNs) and an error (shell-form CMD). */
const STAGE = (name: string) => [`FROM node:latest AS ${name}`, 'RUN npm ci', 'RUN npm run build', 'CMD node server.js'];
const DOCKERFILE = [...STAGE('one'), ...STAGE('two'), ...STAGE('three'), ...STAGE('four'), ''].join('\n');
const SEVERITIES = tracerSettings({ 'image-latest-tag': 'info', 'consecutive-run': 'warning', 'cmd-shell-form': 'error', 'user-root': 'off', 'image-untagged': 'off' });
const ERROR = 1;
const WARNING = 2;
const INFORMATION = 3;

/** At most 7 diagnostics per file: 6 findings and the note. */
const MAX = 7;
let capped: ServerUnderTest;
let uncapped: ServerUnderTest;

before(async () => {
  [{ server: capped }, { server: uncapped }] = await Promise.all([ServerUnderTest.start(vscodeLikeCapabilities, undefined, undefined, { maxDiagnosticsPerFile: MAX }), ServerUnderTest.start()]);
  capped.configuration = SEVERITIES;
  uncapped.configuration = SEVERITIES;
});

after(async () => {
  await Promise.all([capped.stop(), uncapped.stop()]);
});

const wholeLine = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 100 } });
const summary = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => `${diagnostic.range.start.line} ${diagnostic.severity} ${diagnostic.code ?? 'note'}`);

test('past the client maximum, the errors then the first warnings are kept, with a note at the top counting the rest', async () => {
  const uri = 'file:///capped/stages/Dockerfile';
  await capped.open(uri, DOCKERFILE);
  const { diagnostics } = await capped.waitForPublish(uri);
  assert.equal(diagnostics.length, MAX);
  assert.deepEqual(summary(diagnostics), [
    `0 ${INFORMATION} note`,
    `2 ${WARNING} consecutive-run`,
    `3 ${ERROR} cmd-shell-form`,
    `6 ${WARNING} consecutive-run`,
    `7 ${ERROR} cmd-shell-form`,
    `11 ${ERROR} cmd-shell-form`,
    `15 ${ERROR} cmd-shell-form`,
  ]);
  const [note] = diagnostics;
  assert.equal(note.source, 'shipshape');
  assert.equal(note.message, "Shipshape shows 6 of this file's 12 findings (the editor shows no more), errors first; 6 more are not shown. Run `shipshape check /capped/stages/Dockerfile` in a terminal to see them all.");
  // What the status bar adds to the diagnostics it counts (client/src/status-bar.ts).
  assert.deepEqual(note.data, { notShown: 6 });
});

test('a kept finding keeps its quick fix', async () => {
  const uri = 'file:///capped/quick-fix/Dockerfile';
  await capped.open(uri, DOCKERFILE);
  const { diagnostics } = await capped.waitForPublish(uri);
  const lastCmd = diagnostics.find((diagnostic) => diagnostic.code === 'cmd-shell-form' && diagnostic.range.start.line === 15);
  assert.ok(lastCmd);
  const actions = (await capped.codeActions(uri, wholeLine(15), { diagnostics: [lastCmd] })) as CodeAction[];
  const convert = actions.find((action) => action.title === 'Convert to exec form');
  assert.ok(convert, actions.map((action) => action.title).join());
  assert.equal(capped.apply(uri, convert.edit).split('\n')[15], 'CMD ["node", "server.js"]');
});

test('fix-all fixes the findings past the maximum too', async () => {
  const uri = 'file:///capped/fix-all/Dockerfile';
  await capped.open(uri, DOCKERFILE);
  await capped.waitForPublish(uri);
  const actions = (await capped.codeActions(uri, wholeLine(0), { diagnostics: [], only: ['source.fixAll'] })) as CodeAction[];
  assert.deepEqual(actions.map((action) => action.kind), ['source.fixAll.shipshape']);
  // The third and fourth stages' consecutive RUNs were not shown, and are merged all the same.
  const stage = (name: string) => [`FROM node:latest AS ${name}`, 'RUN npm ci \\', '    && npm run build', 'CMD ["node", "server.js"]'];
  assert.equal(capped.apply(uri, actions[0].edit), [...stage('one'), ...stage('two'), ...stage('three'), ...stage('four'), ''].join('\n'));
});

test('the note follows the count down, and goes once everything fits', async () => {
  const uri = 'file:///capped/shrinking/Dockerfile';
  await capped.open(uri, DOCKERFILE);
  await capped.waitForPublish(uri);
  const sinceThree = capped.published.length;
  const threeStages = [...STAGE('one'), ...STAGE('two'), ...STAGE('three'), ''].join('\n');
  const version = await capped.change(uri, threeStages);
  const three = (await capped.waitForPublish(uri, (params) => params.version === version, sinceThree)).diagnostics;
  assert.equal(three.length, MAX);
  assert.deepEqual(three[0].data, { notShown: 3 });
  const sinceTwo = capped.published.length;
  const fits = await capped.change(uri, [...STAGE('one'), ...STAGE('two'), ''].join('\n'));
  const two = (await capped.waitForPublish(uri, (params) => params.version === fits, sinceTwo)).diagnostics;
  assert.deepEqual(summary(two), [`0 ${INFORMATION} image-latest-tag`, `2 ${WARNING} consecutive-run`, `3 ${ERROR} cmd-shell-form`, `4 ${INFORMATION} image-latest-tag`, `6 ${WARNING} consecutive-run`, `7 ${ERROR} cmd-shell-form`]);
});

test('without the option (other editors), every finding is published', async () => {
  const uri = 'file:///uncapped/stages/Dockerfile';
  await uncapped.open(uri, DOCKERFILE);
  const { diagnostics } = await uncapped.waitForPublish(uri);
  assert.equal(diagnostics.length, 12);
  assert.ok(diagnostics.every((diagnostic) => diagnostic.code !== undefined));
  assert.equal(byCode(diagnostics, 'image-latest-tag').severity, INFORMATION);
});
