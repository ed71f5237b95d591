/**
 * Image sizes over the protocol: hovers on FROM, RUN and COPY, the code lens on each FROM,
 * the breakdown command's data, and the build context walk redone when the watcher reports a
 * change. The registry is offline here, so every figure comes from the context and the tables.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { CodeLensRequest, DidChangeWatchedFilesNotification, ExecuteCommandRequest, FileChangeType, HoverRequest, type Hover, type Position } from 'vscode-languageserver-protocol/node';
import { ServerUnderTest, tracerSettings, vscodeLikeCapabilities } from './harness';

let server: ServerUnderTest;
let initialized: Awaited<ReturnType<typeof ServerUnderTest.start>>['initialized'];
const folder = mkdtempSync(join(tmpdir(), 'shipshape-size-'));
const dockerfile = join(folder, 'Dockerfile');
const uri = pathToFileURL(dockerfile).href;
const TEXT = 'FROM scratch AS assets\nCOPY src /src\nFROM assets\nCOPY --from=assets /src /app\nCOPY notes.txt /\n';

before(async () => {
  mkdirSync(join(folder, 'src', 'lib'), { recursive: true });
  writeFileSync(join(folder, 'src', 'index.js'), 'x'.repeat(1200));
  writeFileSync(join(folder, 'src', 'lib', 'util.js'), 'y'.repeat(300));
  // Ignored: the builder never receives it, so it weighs nothing.
  writeFileSync(join(folder, 'src', 'debug.log'), 'z'.repeat(50_000));
  writeFileSync(join(folder, '.dockerignore'), '**/*.log\n');
  writeFileSync(join(folder, 'notes.txt'), 'n'.repeat(10));
  writeFileSync(dockerfile, TEXT);
  ({ server, initialized } = await ServerUnderTest.start({ ...vscodeLikeCapabilities, workspace: { ...vscodeLikeCapabilities.workspace, codeLens: { refreshSupport: true } } }));
  server.configuration = tracerSettings({}, { registry: { offline: true } });
  await server.open(uri, TEXT);
});

after(async () => {
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

async function hover(position: Position, at = uri): Promise<string | undefined> {
  const answer = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: at }, position })) as Hover | null;
  return answer && typeof answer.contents === 'object' && 'value' in answer.contents ? answer.contents.value : undefined;
}

async function lensTitles(): Promise<string[]> {
  const lenses = await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
  return (lenses ?? []).map((lens) => `${lens.range.start.line + 1}: ${lens.command?.title} → ${lens.command?.command}`);
}

test('the server offers hovers and code lenses', () => {
  assert.equal(initialized.capabilities.hoverProvider, true);
  assert.deepEqual(initialized.capabilities.codeLensProvider, { resolveProvider: false });
  assert.ok(initialized.capabilities.executeCommandProvider?.commands.includes('shipshape.server.imageSizeBreakdown'));
});

test('hover on COPY: the bytes and files the context gives, .dockerignore applied', async () => {
  assert.equal(await hover({ line: 1, character: 2 }), '**Layer: ≈ 1.5 kB** (estimate)\n\n2 files from the build context (after .dockerignore), 1.5 kB\n\n- src: 1.5 kB');
});

test('hover on COPY --from: what the source stage put there, a lower bound', async () => {
  assert.equal(
    await hover({ line: 3, character: 0 }),
    '**Layer: at least 1.5 kB** (estimate)\n\n- /src from stage assets (what its COPY/ADD put there; files its RUNs wrote are not counted): 1.5 kB',
  );
});

test('hover on FROM: scratch and a stage base, with the stage total', async () => {
  const scratch = await hover({ line: 0, character: 6 });
  assert.match(scratch ?? '', /^\*\*scratch\*\*: an empty base, 0 B\.\n\n\*\*Stage assets: ≈ 1\.5 kB\*\* \(estimate, tables as of \d{4}-\d{2}-\d{2}\)$/);
  const stage = await hover({ line: 2, character: 6 });
  assert.match(stage ?? '', /^\*\*Built on stage assets\*\*\n\n\*\*Final image: at least 3 kB\*\* /);
});

test('a code lens on each FROM with the stage total; it opens the breakdown', async () => {
  assert.deepEqual(await lensTitles(), ['1: ≈ 1.5 kB, stage assets → shipshape.showImageSizeBreakdown', '3: at least 3 kB, final image → shipshape.showImageSizeBreakdown']);
});

test('the lens follows the text as it is typed', async () => {
  await server.change(uri, 'FROM scratch\nCOPY src/index.js /\n');
  assert.deepEqual(await lensTitles(), ['1: ≈ 1.2 kB, final image → shipshape.showImageSizeBreakdown']);
  await server.change(uri, TEXT);
});

test('a file changed on disk: the watcher notification makes the next estimate walk the context again', async () => {
  writeFileSync(join(folder, 'notes.txt'), 'n'.repeat(5000));
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(join(folder, 'notes.txt')).href, type: FileChangeType.Changed }] });
  assert.deepEqual(await lensTitles(), ['1: ≈ 1.5 kB, stage assets → shipshape.showImageSizeBreakdown', '3: at least 8 kB, final image → shipshape.showImageSizeBreakdown']);
});

test('an event for something not on disk (an untitled file) leaves the walks alone; the event for a file that appeared redoes them', async () => {
  const extra = join(folder, 'src', 'extra.js');
  writeFileSync(extra, 'e'.repeat(4000));
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: 'untitled:Untitled-1', type: FileChangeType.Created }] });
  assert.deepEqual(await lensTitles(), ['1: ≈ 1.5 kB, stage assets → shipshape.showImageSizeBreakdown', '3: at least 8 kB, final image → shipshape.showImageSizeBreakdown']);
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(extra).href, type: FileChangeType.Created }] });
  assert.deepEqual(await lensTitles(), ['1: ≈ 5.5 kB, stage assets → shipshape.showImageSizeBreakdown', '3: at least 16 kB, final image → shipshape.showImageSizeBreakdown']);
  rmSync(extra);
  await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(extra).href, type: FileChangeType.Deleted }] });
  assert.deepEqual(await lensTitles(), ['1: ≈ 1.5 kB, stage assets → shipshape.showImageSizeBreakdown', '3: at least 8 kB, final image → shipshape.showImageSizeBreakdown']);
});

test('Show Image Size Breakdown: the figures per stage and layer, as data for the view', async () => {
  const breakdown = (await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'shipshape.server.imageSizeBreakdown', arguments: [{ uri }] })) as {
    stages: { title: string; base: { label: string; bytes: number | null }; layers: { line: number; text: string; bytes: number; files?: number }[] }[];
  };
  assert.deepEqual(
    breakdown.stages.map((stage) => [stage.title, stage.base, stage.layers.map((layer) => [layer.line, layer.text, layer.bytes, layer.files])]),
    [
      ['≈ 1.5 kB, stage assets', { label: 'scratch', bytes: 0, compressedBytes: null, compressedSource: null }, [[2, 'COPY src /src', 1500, 2]]],
      [
        'at least 8 kB, final image',
        { label: 'stage assets', bytes: 1500, compressedBytes: null, compressedSource: null },
        [
          [4, 'COPY --from=assets /src /app', 1500, undefined],
          [5, 'COPY notes.txt /', 5000, 1],
        ],
      ],
    ],
  );
});

test('the breakdown of something that is not an open Dockerfile says so', async () => {
  const answer = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'shipshape.server.imageSizeBreakdown', arguments: [{ uri: 'file:///nowhere/Dockerfile' }] });
  assert.deepEqual(answer, { applied: false, reason: 'no open Dockerfile was named' });
});

test('hover on FROM of a catalog image: sizes, OS, end of life, shell, user, smaller alternatives and their savings', async () => {
  const other = pathToFileURL(join(folder, 'debian.Dockerfile')).href;
  await server.open(other, 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n');
  const text = await hover({ line: 0, character: 8 }, other);
  assert.match(
    text ?? '',
    new RegExp(
      [
        '^\\*\\*debian:bookworm\\*\\*',
        'Size \\(linux/amd64\\): 48 MB download, 120 MB unpacked',
        'OS: Debian 12 \\(bookworm\\)',
        'End of life: Debian 12 \\(bookworm\\), 2028-06-30',
        'Shell: yes',
        'Default user: root',
        'Smaller alternatives:\\n- `debian:bookworm-slim`: 28 MB download, saves 20 MB \\(slim\\)',
        '_Catalog figures as of \\d{4}-\\d{2}-\\d{2} \\(.+\\); estimates, not measurements of your build\\._',
        '\\*\\*Final image: ≈ 13\\d MB\\*\\* \\(estimate, tables as of \\d{4}-\\d{2}-\\d{2}\\)$',
      ].join('\\n\\n'),
    ),
  );
  await server.close(other);
});

test('hover on RUN: the packages apt adds and what stays behind', async () => {
  const other = pathToFileURL(join(folder, 'slim.Dockerfile')).href;
  await server.open(other, 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n');
  assert.match(
    (await hover({ line: 1, character: 30 }, other)) ?? '',
    /^\*\*Layer: ≈ 31 MB\*\* \(estimate\)\n\n- curl: 319 kB\n- 15 dependencies: 11 MB\n- dpkg's package records: 180 kB\n- apt's package lists \(\/var\/lib\/apt\/lists\): 20 MB, deleted on line 3 but still shipped here\n\n20 MB of this layer stay in the image although a later RUN deletes them\.\n\n_Installed sizes from package tables as of \d{4}-\d{2}-\d{2}\._$/,
  );
  await server.close(other);
});

test('hover on a Kubernetes image: the same card as on FROM', async () => {
  const manifest = pathToFileURL(join(folder, 'pod.yaml')).href;
  await server.open(manifest, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: node:22-slim\n', 'yaml');
  const text = await hover({ line: 7, character: 15 }, manifest);
  assert.match(text ?? '', /^\*\*node:22-slim\*\*\n\nSize \(linux\/amd64\): 80 MB download, unpacked size unknown\n\nOS: Debian 12 \(bookworm\)\n\nEnd of life: Node\.js 22, 2027-04-30\n\n/);
  assert.match(text ?? '', /Smaller alternatives:\n- `node:22-alpine`: 61 MB download, saves 19 MB \(alpine\)/);
  await server.close(manifest);
});

test('a Dockerfile too large to estimate while typing: no lens, and the breakdown says why', async () => {
  const large = pathToFileURL(join(folder, 'large.Dockerfile')).href;
  await server.open(large, `FROM scratch\n${'COPY src /src\n'.repeat(5000)}`);
  assert.deepEqual(await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: large } }), []);
  const answer = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'shipshape.server.imageSizeBreakdown', arguments: [{ uri: large }] });
  assert.deepEqual(answer, { applied: false, reason: 'the Dockerfile is larger than 64 KB, too large to estimate while editing; run shipshape size on it' });
  await server.close(large);
});
