/**
 * Watched-file events re-analyse only the open documents whose analysis read the file: the
 * client reports every file (build contexts count in the image size), and most of them only
 * feed the size estimates.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent } from 'vscode-languageserver-protocol/node';
import { fileEventEffects, type OpenDocument } from '../../server/src/lsp/file-events';
import { delay, root, ServerUnderTest, tracerSettings } from './harness';

const folder = mkdtempSync(join(tmpdir(), 'shipshape-file-events-'));
cpSync(join(root, 'test/fixtures/workspaces/microservices'), folder, { recursive: true });
const uri = (path: string) => pathToFileURL(join(folder, path)).href;
const CART_DOCKERFILE = uri('services/cartservice/Dockerfile');
const CART_MANIFEST = uri('k8s/base/cartservice.yaml');

let server: ServerUnderTest;

before(async () => {
  ({ server } = await ServerUnderTest.start(undefined, undefined, undefined, undefined, [{ uri: pathToFileURL(folder).href, name: 'shop' }]));
  server.configuration = tracerSettings({ 'missing-dockerignore': 'warning' });
  const deadline = Date.now() + 10_000;
  while (!server.logs.some((line) => line.startsWith('Workspace index of')) && Date.now() < deadline) await delay(20);
  await server.open(CART_DOCKERFILE, readFileSync(join(folder, 'services/cartservice/Dockerfile'), 'utf8'));
  await server.open(CART_MANIFEST, readFileSync(join(folder, 'k8s/base/cartservice.yaml'), 'utf8'), 'yaml');
  await server.waitForPublish(CART_DOCKERFILE);
  await server.waitForPublish(CART_MANIFEST);
  // Settled: nothing more on its way.
  for (let count = -1; count !== server.published.length; await delay(400)) count = server.published.length;
});

after(async () => {
  await server?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const notify = (changes: FileEvent[]) => server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });

test('a file only the size estimate reads, and one outside every open context, re-analyse nothing', async () => {
  const since = server.published.length;
  writeFileSync(join(folder, 'services/cartservice/cmd/cartservice/main.go'), 'package main\n\nfunc main() { println("cart") }\n');
  writeFileSync(join(folder, 'README.md'), '# The shop, edited\n');
  await notify([
    { uri: uri('services/cartservice/cmd/cartservice/main.go'), type: FileChangeType.Changed },
    { uri: uri('README.md'), type: FileChangeType.Changed },
    { uri: uri('services/frontend/public/app.js'), type: FileChangeType.Created },
  ]);
  // Ten times the debounce: an analysis it started would have published by now.
  await delay(1500);
  assert.deepEqual(server.published.slice(since).map((params) => params.uri), []);
});

test('deleting the .dockerignore re-analyses its Dockerfile, which now reports it missing', async () => {
  const since = server.published.length;
  rmSync(join(folder, 'services/cartservice/.dockerignore'));
  await notify([{ uri: uri('services/cartservice/.dockerignore'), type: FileChangeType.Deleted }]);
  const published = await server.waitForPublish(CART_DOCKERFILE, () => true, since);
  assert.deepEqual(
    published.diagnostics.filter((diagnostic) => diagnostic.code === 'missing-dockerignore').map((diagnostic) => diagnostic.range),
    [{ start: { line: 5, character: 5 }, end: { line: 5, character: 6 } }],
  );
});

const at = (path: string) => pathToFileURL(join('/shop', path)).href;
const open: OpenDocument[] = [
  { uri: at('services/api/Dockerfile'), kind: 'dockerfile', text: 'FROM alpine:3.22\nCOPY . /app\nENTRYPOINT ["/app/start.sh"]\n' },
  { uri: at('k8s/overlays/dev/api.yaml'), kind: 'kubernetes', text: 'apiVersion: v1\nkind: Pod\n' },
];
const effects = (path: string, type: FileChangeType = FileChangeType.Changed) => {
  const { reanalyse, sizesChanged } = fileEventEffects([{ uri: at(path), type }], open);
  return { reanalyse: [...reanalyse], sizesChanged: [...sizesChanged] };
};

test('which open documents a file event re-analyses, and whose size estimate it makes stale', () => {
  const dockerfile = [open[0].uri];
  const manifest = [open[1].uri];
  assert.deepEqual(effects('.shipshape.yaml'), { reanalyse: [...dockerfile, ...manifest], sizesChanged: [] });
  assert.deepEqual(effects('k8s/.hadolint.yml'), { reanalyse: manifest, sizesChanged: [] });
  assert.deepEqual(effects('k8s/overlays/kustomization.yaml'), { reanalyse: manifest, sizesChanged: [] });
  assert.deepEqual(effects('services/api/.dockerignore'), { reanalyse: dockerfile, sizesChanged: dockerfile });
  assert.deepEqual(effects('services/api/Dockerfile.dockerignore'), { reanalyse: dockerfile, sizesChanged: dockerfile });
  // A .dockerignore below the context root is an ordinary file of the context.
  assert.deepEqual(effects('services/api/web/.dockerignore'), { reanalyse: [], sizesChanged: dockerfile });
  // The entrypoint script the Dockerfile names is read by entrypoint-script-without-exec.
  assert.deepEqual(effects('services/api/bin/start.sh'), { reanalyse: dockerfile, sizesChanged: dockerfile });
  assert.deepEqual(effects('services/api/src/server.go'), { reanalyse: [], sizesChanged: dockerfile });
  // A file appearing or going changes the listing the context rules read (a secret file, say).
  assert.deepEqual(effects('services/api/.env', FileChangeType.Created), { reanalyse: dockerfile, sizesChanged: dockerfile });
  assert.deepEqual(effects('services/api/build', FileChangeType.Deleted), { reanalyse: dockerfile, sizesChanged: dockerfile });
  assert.deepEqual(effects('services/web/index.html', FileChangeType.Created), { reanalyse: [], sizesChanged: [] });
  // The document itself: its open text wins over the disk.
  assert.deepEqual(effects('services/api/Dockerfile'), { reanalyse: [], sizesChanged: [] });
});
