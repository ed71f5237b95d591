import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { NODE_DOCKERFILE, ServerUnderTest, byCode, vscodeLikeCapabilities } from './harness';

let server: ServerUnderTest;

before(async () => {
  ({ server } = await ServerUnderTest.start());
});

after(async () => {
  await server.stop();
});

const wholeLine = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 100 } });

async function openNodeDockerfile(uri: string) {
  await server.open(uri, NODE_DOCKERFILE);
  return (await server.waitForPublish(uri)).diagnostics;
}

function actionsOnly(result: Awaited<ReturnType<ServerUnderTest['codeActions']>>): CodeAction[] {
  assert.ok(result);
  return result.map((action) => {
    assert.ok(!('command' in action && typeof action.command === 'string'), 'code actions, not bare commands');
    return action as CodeAction;
  });
}

test('the quick fix at the CMD line converts it to exec form', async () => {
  const uri = 'file:///quickfix/Dockerfile';
  const diagnostics = await openNodeDockerfile(uri);
  const atLine5 = diagnostics.filter((diagnostic) => diagnostic.range.start.line === 5);
  const actions = actionsOnly(await server.codeActions(uri, wholeLine(5), { diagnostics: atLine5 }));

  const convert = actions.find((action) => action.title === 'Convert to exec form');
  assert.ok(convert, `actions: ${actions.map((action) => action.title).join(', ')}`);
  assert.equal(convert.kind, 'quickfix');
  assert.equal(convert.isPreferred, true);
  assert.deepEqual(convert.diagnostics, [byCode(diagnostics, 'cmd-shell-form')]);
  assert.equal(server.apply(uri, convert.edit).split('\n')[5], 'CMD ["node", "server.js"]');
  // The fixes stay on the server: a diagnostic is matched by rule, range and message, so a client that drops `data` gets them too.
  assert.ok(diagnostics.every((diagnostic) => diagnostic.data === undefined));
});

test('every fix of a finding is offered, unsafe ones too', async () => {
  const uri = 'file:///quickfix-user/Dockerfile';
  const diagnostics = await openNodeDockerfile(uri);
  const actions = actionsOnly(await server.codeActions(uri, wholeLine(0), { diagnostics: [byCode(diagnostics, 'user-root')] }));
  assert.deepEqual(
    actions.map((action) => [action.title, action.kind]),
    [['Add a non-root USER', 'quickfix']],
  );
  assert.match(server.apply(uri, actions[0].edit), /\nUSER \d+/);
});

test('diagnostics of an older version get no quick fix', async () => {
  const uri = 'file:///stale/Dockerfile';
  const diagnostics = await openNodeDockerfile(uri);
  await server.change(uri, `# moved down a line\n${NODE_DOCKERFILE}`);
  const actions = actionsOnly(await server.codeActions(uri, wholeLine(5), { diagnostics }));
  assert.deepEqual(actions, []);
});

test('source.fixAll applies the safe fixes only', async () => {
  const uri = 'file:///fix-all/Dockerfile';
  await openNodeDockerfile(uri);
  const actions = actionsOnly(await server.codeActions(uri, wholeLine(0), { diagnostics: [], only: ['source.fixAll'] }));
  assert.deepEqual(actions.map((action) => action.kind), ['source.fixAll.shipshape']);
  assert.equal(
    server.apply(uri, actions[0].edit),
    ['FROM node:latest', 'WORKDIR /app', 'COPY . .', 'RUN npm ci \\', '    && npm run build', 'CMD ["node", "server.js"]', ''].join('\n'),
  );
  // Asked by our own kind as well, as `editor.codeActionsOnSave: {"source.fixAll.shipshape": ...}` does.
  const own = actionsOnly(await server.codeActions(uri, wholeLine(0), { diagnostics: [], only: ['source.fixAll.shipshape'] }));
  assert.deepEqual(own.map((action) => action.kind), ['source.fixAll.shipshape']);
});

test('fix-all is left out of quick-fix requests and when nothing is safely fixable', async () => {
  const uri = 'file:///fix-all-none/Dockerfile';
  await server.open(uri, 'FROM node:latest\n');
  const { diagnostics } = await server.waitForPublish(uri);
  assert.deepEqual(actionsOnly(await server.codeActions(uri, wholeLine(0), { diagnostics, only: ['source.fixAll'] })), []);
  const quick = actionsOnly(await server.codeActions(uri, wholeLine(0), { diagnostics, only: ['quickfix'] }));
  assert.ok(quick.every((action) => action.kind === 'quickfix'));
});

test('clients without versioned edits get plain changes', async () => {
  const { server: plain } = await ServerUnderTest.start({ ...vscodeLikeCapabilities, workspace: { configuration: true } });
  try {
    const uri = 'file:///plain/Dockerfile';
    await plain.open(uri, NODE_DOCKERFILE);
    const { diagnostics } = await plain.waitForPublish(uri);
    const actions = actionsOnly(await plain.codeActions(uri, wholeLine(5), { diagnostics: [byCode(diagnostics, 'cmd-shell-form')] }));
    assert.equal(actions[0].edit?.documentChanges, undefined);
    assert.equal(plain.apply(uri, actions[0].edit).split('\n')[5], 'CMD ["node", "server.js"]');
  } finally {
    await plain.stop();
  }
});

test('asked for (Ctrl+., Refactor...), the conversions that would change the file are offered as refactorings', async () => {
  const uri = 'file:///refactor/Dockerfile';
  const diagnostics = await openNodeDockerfile(uri);
  const invoked = actionsOnly(await server.codeActions(uri, wholeLine(0), { diagnostics: [], triggerKind: 1 }));
  const refactorings = invoked.filter((action) => action.kind === 'refactor.rewrite');
  const titles = refactorings.map((action) => action.title);
  assert.ok(titles.includes('Convert to Multi-Stage Distroless Build'), titles.join());
  assert.ok(titles.includes('Merge RUN Instructions'), titles.join());
  // Adding exec has nothing to do in this file: not offered.
  assert.ok(!titles.includes('Add exec'), titles.join());
  const merge = refactorings.find((action) => action.title === 'Merge RUN Instructions');
  assert.deepEqual(merge?.command, { title: 'Merge RUN Instructions', command: 'shipshape.server.mergeRuns', arguments: [{ uri, selection: wholeLine(0) }] });

  // On a cursor move (automatic trigger), no refactorings: the light bulb stays for findings.
  const automatic = actionsOnly(await server.codeActions(uri, wholeLine(0), { diagnostics, triggerKind: 2 }));
  assert.deepEqual(automatic.filter((action) => action.kind === 'refactor.rewrite'), []);
});
