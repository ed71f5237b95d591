import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runAsync, workspace } from '../cli/harness';
import { OciLayout, type Descriptor } from './oci-layout';
import { missingTools, push, startRegistry, type RunningRegistry } from './registry-server';

const skip = missingTools();
if (skip) console.log(`# skipping the real-registry tests: ${skip}`);

// This file is bundled to out/test/registry/, three levels below the repository.
const repo = join(__dirname, '..', '..', '..');

describe('shipshape pin against a real registry (docker-registry on loopback)', { skip }, () => {
  let registry: RunningRegistry;
  let host: string;
  let layout: OciLayout;
  let temp: string;
  const images: Record<string, Descriptor> = {};

  before(async () => {
    temp = mkdtempSync(join(tmpdir(), 'shipshape-pin-test-'));
    registry = await startRegistry();
    host = registry.host;
    layout = new OciLayout(join(temp, 'layout'));
    images.app = layout.image('app');
    images.multi = layout.index([layout.image('multi'), layout.image('multi', { os: 'linux', architecture: 'arm64' })]);
    images.v1 = layout.image('moved v1');
    images.v2 = layout.image('moved v2');
    for (const name of ['app', 'multi', 'v1', 'v2']) layout.tag(name, images[name]);
    await push(layout.directory, 'app', `${host}/team/app:1.0`);
    await push(layout.directory, 'app', `${host}/team/app:latest`);
    await push(layout.directory, 'multi', `${host}/multi:2`);
    await push(layout.directory, 'v1', `${host}/moved:1`);
  });
  after(async () => {
    await registry?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  test('pins FROM, COPY --from and an ARG-built FROM; keeps tags, stages and scratch alone; notes what it skips', async () => {
    const dockerfile = [
      `ARG BASE=${host}/multi:2`,
      'ARG UNSET',
      `FROM ${host}/team/app:1.0 AS build`,
      `COPY --from=${host}/multi:2 /bin/tool /bin/tool`,
      'FROM build AS test',
      'COPY --from=build /out /out',
      'FROM ${BASE}',
      'FROM ${UNSET}',
      `FROM ${host}/team/app`,
      'FROM scratch',
      '',
    ].join('\n');
    const root = workspace({ 'Dockerfile': dockerfile });
    const result = await runAsync(root, ['pin']);
    assert.equal(result.stderr, 'shipshape: Dockerfile:8:6: skipped: ${UNSET} has no default in an ARG before the first FROM; pin the image where the build passes it\n');
    assert.equal(result.code, 0);
    assert.equal(
      readFileSync(join(root, 'Dockerfile'), 'utf8'),
      [
        `ARG BASE=${host}/multi:2@${images.multi.digest}`,
        'ARG UNSET',
        `FROM ${host}/team/app:1.0@${images.app.digest} AS build`,
        `COPY --from=${host}/multi:2@${images.multi.digest} /bin/tool /bin/tool`,
        'FROM build AS test',
        'COPY --from=build /out /out',
        'FROM ${BASE}',
        'FROM ${UNSET}',
        `FROM ${host}/team/app:latest@${images.app.digest}`,
        'FROM scratch',
        '',
      ].join('\n'),
    );
    assert.match(result.stdout, new RegExp(`^Dockerfile:3:6: ${host}/team/app:1\\.0 -> ${host}/team/app:1\\.0@sha256:[0-9a-f]{64}$`, 'm'));
    assert.match(result.stdout, /^4 image references pinned$/m);

    const again = await runAsync(root, ['pin']);
    assert.deepEqual([again.code, again.stdout], [0, '0 image references pinned\n'], 'pinning twice changes nothing');
  });

  test('pins container images of Kubernetes manifests in a folder', async () => {
    const manifest = (image: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: "${image}"\n`;
    const root = workspace({ 'k8s/deploy.yaml': manifest(`${host}/multi:2`), 'k8s/notes.yaml': 'image: x\n' });
    const result = await runAsync(root, ['pin', 'k8s']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(join(root, 'k8s/deploy.yaml'), 'utf8'), manifest(`${host}/multi:2@${images.multi.digest}`));
    assert.equal(readFileSync(join(root, 'k8s/notes.yaml'), 'utf8'), 'image: x\n');
  });

    test('--update moves a digest only when the tag moved', async () => {
    const root = workspace({ 'Dockerfile': `FROM ${host}/moved:1\n` });
    assert.equal((await runAsync(root, ['pin'])).code, 0);
    assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), `FROM ${host}/moved:1@${images.v1.digest}\n`);
    await push(layout.directory, 'v2', `${host}/moved:1`);
    assert.equal((await runAsync(root, ['pin'])).stdout, '0 image references pinned\n', 'already pinned images are left alone without --update');
    const updated = await runAsync(root, ['pin', '--update']);
    assert.equal(updated.code, 0);
    assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), `FROM ${host}/moved:1@${images.v2.digest}\n`);
    assert.equal((await runAsync(root, ['pin', '--update'])).stdout, '0 image references pinned\n');
  });

  test('a missing tag fails with exit 1 and a clear message; the others are still pinned', async () => {
    const root = workspace({ 'Dockerfile': `FROM ${host}/team/app:nope\nFROM ${host}/team/app:1.0\n` });
    const result = await runAsync(root, ['pin']);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, `shipshape: Dockerfile:1:6: cannot pin ${host}/team/app:nope: ${host}/team/app:nope does not exist (the registry answered 404)\n`);
    assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), `FROM ${host}/team/app:nope\nFROM ${host}/team/app:1.0@${images.app.digest}\n`);
  });

  test('--offline touches nothing and says why', async () => {
    const root = workspace({ 'Dockerfile': `FROM ${host}/team/app:1.0\n` });
    const result = await runAsync(root, ['pin', '--offline']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /cannot pin .*: offline mode is on: .* is not in the cache/);
    assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), `FROM ${host}/team/app:1.0\n`);
  });

  test('the built bin pins and exits with the code the promise gives', async () => {
    const root = workspace({ 'Dockerfile': `FROM ${host}/team/app:1.0\n` });
    const child = spawn(process.execPath, [join(repo, 'bin/shipshape.js'), 'pin', root], { stdio: 'ignore' });
    const code = await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(code, 0);
    assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), `FROM ${host}/team/app:1.0@${images.app.digest}\n`);
  });
});

describe('shipshape pin against a registry with basic auth (htpasswd)', { skip }, () => {
  let registry: RunningRegistry;
  let temp: string;
  let image: Descriptor;

  before(async () => {
    temp = mkdtempSync(join(tmpdir(), 'shipshape-pin-auth-'));
    registry = await startRegistry({ kind: 'htpasswd', users: { ci: 's3cret' } });
    const layout = new OciLayout(join(temp, 'layout'));
    image = layout.image('private');
    layout.tag('private', image);
    await push(layout.directory, 'private', `${registry.host}/private/app:1`, { credentials: 'ci:s3cret' });
  });
  after(async () => {
    await registry?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  test('credentials come from $DOCKER_CONFIG/config.json; without them the login is asked for', async () => {
    const dockerConfig = join(temp, 'docker');
    mkdirSync(dockerConfig);
    writeFileSync(join(dockerConfig, 'config.json'), JSON.stringify({ auths: { [registry.host]: { auth: Buffer.from('ci:s3cret').toString('base64') } } }));
    const root = workspace({ 'Dockerfile': `FROM ${registry.host}/private/app:1\n` });
    const anonymous = await runAsync(root, ['pin'], { HOME: join(temp, 'nohome') });
    assert.equal(anonymous.code, 1);
    assert.match(anonymous.stderr, new RegExp(`requires a login to read private/app .*docker login ${registry.host}`));
    const result = await runAsync(root, ['pin'], { DOCKER_CONFIG: dockerConfig });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(readFileSync(join(root, 'Dockerfile'), 'utf8'), `FROM ${registry.host}/private/app:1@${image.digest}\n`);
  });
});

describe('shipshape pin command line', () => {
  test('bad options are usage errors (exit 2)', async () => {
    const root = workspace({ 'Dockerfile': 'FROM scratch\n' });
    for (const [argv, message] of [
      [['pin', '--insecure-registry', 'http://x'], /--insecure-registry expects host\[:port\], not "http:\/\/x"/],
      [['pin', '--format', 'json'], /--format belongs to shipshape check/],
      [['check', '--update'], /--update belongs to shipshape pin/],
    ] as const) {
      const result = await runAsync(root, [...argv]);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, message);
    }
  });
});
