import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { normalizeReference, type NormalizedReference } from '../../server/src/engine/registry/reference';
import { RegistryCache } from '../../server/src/host/registry/cache';
import { MEDIA_TYPES, RegistryClient, type RegistryClientOptions } from '../../server/src/host/registry/client';
import { credentialHelperRunner } from '../../server/src/host/registry/credential-helper';
import { dockerConfigCredentials } from '../../server/src/host/registry/credentials';
import { RegistryError, type RegistryFailure } from '../../server/src/host/registry/errors';
import { OciLayout, type Descriptor } from './oci-layout';
import { freePort, missingTools, push, rawManifestDigest, startRegistry, type RunningRegistry } from './registry-server';
import { startTokenServer, type TokenServer } from './token-server';

const skip = missingTools();
if (skip) console.log(`# skipping the real-registry tests: ${skip}`);

function ref(text: string): NormalizedReference {
  const result = normalizeReference(text);
  if ('error' in result) throw new Error(result.error);
  return result.reference;
}

async function failure(promise: Promise<unknown>): Promise<{ failure: RegistryFailure; message: string }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof RegistryError, String(error));
    return { failure: error.failure, message: error.message };
  }
  assert.fail('expected a RegistryError');
}

const noSleep = async () => {};

describe('registry client against a real registry (docker-registry on loopback)', { skip }, () => {
  let registry: RunningRegistry;
  let layout: OciLayout;
  let temp: string;
  const images: Record<string, Descriptor> = {};
  let listDigest: string;

  before(async () => {
    temp = mkdtempSync(join(tmpdir(), 'shipshape-registry-test-'));
    registry = await startRegistry();
    layout = new OciLayout(join(temp, 'layout'));
    images.single = layout.image('single');
    images.amd64 = layout.image('multi');
    images.arm64 = layout.image('multi', { os: 'linux', architecture: 'arm64' });
    images.multi = layout.index([images.amd64, images.arm64, layout.attestation(images.amd64)]);
    images.list = layout.index([layout.image('list'), layout.image('list', { os: 'linux', architecture: 'arm64', variant: 'v8' })]);
    images.v1 = layout.image('moved v1');
    images.v2 = layout.image('moved v2');
    for (const name of ['single', 'multi', 'list', 'v1', 'v2']) layout.tag(name, images[name]);
    await push(layout.directory, 'single', `${registry.host}/team/single:1.0`);
    await push(layout.directory, 'multi', `${registry.host}/multi:1`);
    await push(layout.directory, 'list', `${registry.host}/list:1`, { dockerFormat: true });
    listDigest = await rawManifestDigest(`${registry.host}/list:1`);
  });
  after(async () => {
    await registry?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  const client = (options: RegistryClientOptions = {}) => new RegistryClient({ sleep: noSleep, ...options });

  test('a single-platform image resolves to its manifest digest', async () => {
    const resolved = await client().resolveDigest(ref(`${registry.host}/team/single:1.0`));
    assert.deepEqual(resolved, { digest: images.single.digest, mediaType: MEDIA_TYPES.ociManifest });
  });

  test('a multi-platform index pins the index digest; sizes come from the platform manifest, attestations skipped', async () => {
    const c = client();
    const reference = ref(`${registry.host}/multi:1`);
    const resolved = await c.resolveDigest(reference);
    assert.deepEqual(resolved, { digest: images.multi.digest, mediaType: MEDIA_TYPES.ociIndex });
    const amd64 = await c.platformSize(reference, resolved.digest);
    assert.equal(amd64.digest, images.amd64.digest);
    assert.ok(amd64.compressedBytes > 0);
    assert.equal((await c.platformSize(reference, resolved.digest, 'linux/arm64')).digest, images.arm64.digest);
    const missing = await failure(c.platformSize(reference, resolved.digest, 'windows/amd64'));
    assert.equal(missing.failure, 'not-found');
    assert.match(missing.message, /has no windows\/amd64 image \(it has linux\/amd64, linux\/arm64\)/);
  });

  test('a Docker manifest list resolves to the list digest', async () => {
    const c = client();
    const reference = ref(`${registry.host}/list:1`);
    const resolved = await c.resolveDigest(reference);
    assert.deepEqual(resolved, { digest: listDigest, mediaType: MEDIA_TYPES.dockerManifestList });
    assert.equal((await c.platformSize(reference, resolved.digest, 'linux/arm64/v8')).platform, 'linux/arm64/v8');
    // Asked without a variant, as people write it, linux/arm64 is the index's linux/arm64/v8 entry.
    const variantless = await c.platformSize(reference, resolved.digest, 'linux/arm64');
    assert.equal(variantless.digest, (await c.platformSize(reference, resolved.digest, 'linux/arm64/v8')).digest);
    assert.notEqual(variantless.digest, (await c.platformSize(reference, resolved.digest)).digest);
  });

  test('without Docker-Content-Digest the exact body is fetched and hashed', async () => {
    const stripped: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const headers = new Headers(response.headers);
      headers.delete('docker-content-digest');
      return new Response(init?.method === 'HEAD' ? null : await response.arrayBuffer(), { status: response.status, headers });
    };
    assert.equal((await client({ fetch: stripped }).resolveDigest(ref(`${registry.host}/multi:1`))).digest, images.multi.digest);
  });

  test('a moved tag resolves to its new digest once the tag cache expires', async () => {
    let now = 0;
    const c = client({ cache: new RegistryCache({ tagTtlMs: 1000, now: () => now }), now: () => now });
    const reference = ref(`${registry.host}/moved:latest`);
    await push(layout.directory, 'v1', `${registry.host}/moved:latest`);
    assert.equal((await c.resolveDigest(reference)).digest, images.v1.digest);
    await push(layout.directory, 'v2', `${registry.host}/moved:latest`);
    assert.equal((await c.resolveDigest(reference)).digest, images.v1.digest, 'cached within the TTL');
    now = 1000;
    assert.equal((await c.resolveDigest(reference)).digest, images.v2.digest);
  });

  test('a missing tag and a missing repository are not-found', async () => {
    const tag = await failure(client().resolveDigest(ref(`${registry.host}/team/single:nope`)));
    assert.deepEqual(tag, { failure: 'not-found', message: `${registry.host}/team/single:nope does not exist (the registry answered 404)` });
    assert.equal((await failure(client().resolveDigest(ref(`${registry.host}/nobody:1`)))).failure, 'not-found');
  });

  test('offline mode answers from the cache and otherwise fails without a request', async () => {
    const cache = new RegistryCache({ directory: join(temp, 'cache') });
    await client({ cache }).resolveDigest(ref(`${registry.host}/team/single:1.0`));
    let requests = 0;
    const counting: typeof fetch = (input, init) => (requests++, fetch(input, init));
    // A fresh cache read from the same folder: what was persisted survives a restart.
    const offline = client({ offline: true, fetch: counting, cache: new RegistryCache({ directory: join(temp, 'cache') }) });
    assert.equal((await offline.resolveDigest(ref(`${registry.host}/team/single:1.0`))).digest, images.single.digest);
    const missed = await failure(offline.resolveDigest(ref(`${registry.host}/multi:1`)));
    assert.equal(missed.failure, 'offline');
    assert.equal(requests, 0);
  });

  test('429 and 5xx are retried with backoff, a bounded number of times', async () => {
    const delays: number[] = [];
    let calls = 0;
    const flaky: typeof fetch = async (input, init) => (++calls <= 2 ? new Response(null, { status: calls === 1 ? 503 : 429, headers: { 'retry-after': '1' } }) : fetch(input, init));
    const resolved = await client({ fetch: flaky, sleep: async (ms) => void delays.push(ms) }).resolveDigest(ref(`${registry.host}/multi:1`));
    assert.equal(resolved.digest, images.multi.digest);
    assert.deepEqual(delays, [1000, 1000]);
    const limited = await failure(client({ fetch: async () => new Response(null, { status: 429 }), retries: 3, sleep: async (ms) => void delays.push(ms) }).resolveDigest(ref(`${registry.host}/multi:1`)));
    assert.equal(limited.failure, 'rate-limited');
    assert.deepEqual(delays.slice(2), [250, 500, 1000]);
  });

  test('an unreachable registry, a silent one and a cancelled request each fail clearly', async () => {
    const closed = await freePort();
    const unreachable = await failure(client().resolveDigest(ref(`127.0.0.1:${closed}/app:1`)));
    assert.deepEqual(unreachable, { failure: 'unreachable', message: `cannot reach 127.0.0.1:${closed} (ECONNREFUSED)` });

    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const started = Date.now();
      assert.equal((await failure(client({ timeoutMs: 200 }).resolveDigest(ref(`127.0.0.1:${port}/app:1`)))).failure, 'timeout');
      assert.ok(Date.now() - started < 5000);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      assert.equal((await failure(client().resolveDigest(ref(`127.0.0.1:${port}/app:1`), controller.signal))).failure, 'cancelled');
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  test('plain http only for loopback and listed insecure registries', async () => {
    const urls: string[] = [];
    const recording: typeof fetch = async (input) => (urls.push(String(input)), new Response(null, { status: 404 }));
    await failure(client({ fetch: recording }).resolveDigest(ref('registry.example:5000/app:1')));
    await failure(client({ fetch: recording, insecureRegistries: ['registry.example:5000'] }).resolveDigest(ref('registry.example:5000/app:1')));
    await failure(client({ fetch: recording }).resolveDigest(ref('node:22')));
    assert.deepEqual(urls, [
      'https://registry.example:5000/v2/app/manifests/1',
      'http://registry.example:5000/v2/app/manifests/1',
      'https://registry-1.docker.io/v2/library/node/manifests/22',
    ]);
  });
});

describe('registry client against a registry with basic auth (htpasswd)', { skip }, () => {
  let registry: RunningRegistry;
  let temp: string;
  let digest: string;

  before(async () => {
    temp = mkdtempSync(join(tmpdir(), 'shipshape-registry-auth-'));
    registry = await startRegistry({ kind: 'htpasswd', users: { ci: 's3cret' } });
    const layout = new OciLayout(join(temp, 'layout'));
    const descriptor = layout.image('private');
    layout.tag('p', descriptor);
    digest = descriptor.digest;
    await push(layout.directory, 'p', `${registry.host}/private/app:1`, { credentials: 'ci:s3cret' });
  });
  after(async () => {
    await registry?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  const configWith = (auths: unknown) => {
    const directory = mkdtempSync(join(temp, 'docker-'));
    writeFileSync(join(directory, 'config.json'), JSON.stringify({ auths }));
    return dockerConfigCredentials(join(directory, 'config.json'));
  };

  test('credentials from config.json auths are sent as Basic', async () => {
    const credentials = configWith({ [registry.host]: { auth: Buffer.from('ci:s3cret').toString('base64') } });
    assert.equal((await new RegistryClient({ credentials }).resolveDigest(ref(`${registry.host}/private/app:1`))).digest, digest);
    const split = configWith({ [`http://${registry.host}/v2/`]: { username: 'ci', password: 's3cret' } });
    assert.equal((await new RegistryClient({ credentials: split }).resolveDigest(ref(`${registry.host}/private/app:1`))).digest, digest);
  });

  test('a credential helper from credHelpers runs only when lent, with the server URL on stdin', async () => {
    const bin = mkdtempSync(join(temp, 'bin-'));
    const log = join(bin, 'asked');
    writeFileSync(join(bin, 'docker-credential-shipshape-test'), `#!/bin/sh\ncat > '${log}'\necho '{"ServerURL":"x","Username":"ci","Secret":"s3cret"}'\n`, { mode: 0o755 });
    const directory = mkdtempSync(join(temp, 'docker-'));
    writeFileSync(join(directory, 'config.json'), JSON.stringify({ credHelpers: { [registry.host]: 'shipshape-test' } }));
    const path = join(directory, 'config.json');
    const withoutRunner = await failure(new RegistryClient({ credentials: dockerConfigCredentials(path) }).resolveDigest(ref(`${registry.host}/private/app:1`)));
    assert.equal(withoutRunner.failure, 'unauthorized');
    const runner = credentialHelperRunner({ PATH: `${bin}:${process.env.PATH ?? ''}` });
    assert.equal((await new RegistryClient({ credentials: dockerConfigCredentials(path, runner) }).resolveDigest(ref(`${registry.host}/private/app:1`))).digest, digest);
    assert.equal(readFileSync(log, 'utf8'), registry.host);
  });

  test('no credentials and wrong credentials are unauthorized, each with its own message', async () => {
    const anonymous = await failure(new RegistryClient().resolveDigest(ref(`${registry.host}/private/app:1`)));
    assert.deepEqual(anonymous, { failure: 'unauthorized', message: `${registry.host} requires a login to read private/app (or it does not exist); run \`docker login ${registry.host}\`` });
    const wrong = await failure(new RegistryClient({ credentials: configWith({ [registry.host]: { username: 'ci', password: 'nope' } }) }).resolveDigest(ref(`${registry.host}/private/app:1`)));
    assert.equal(wrong.failure, 'unauthorized');
    assert.match(wrong.message, /refused the stored credentials/);
  });
});

describe('registry client against a registry in token mode (bearer tokens from a test token server)', { skip }, () => {
  let registry: RunningRegistry;
  let tokens: TokenServer;
  let temp: string;
  let digest: string;

  before(async () => {
    temp = mkdtempSync(join(tmpdir(), 'shipshape-registry-token-'));
    tokens = await startTokenServer(temp, await freePort());
    registry = await startRegistry({ kind: 'token', realm: tokens.realm, service: tokens.service, issuer: tokens.issuer, certificate: tokens.certificate });
    const layout = new OciLayout(join(temp, 'layout'));
    const image = layout.image('token');
    layout.tag('t', image);
    digest = image.digest;
    await push(layout.directory, 't', `${registry.host}/team/app:1`);
    await push(layout.directory, 't', `${registry.host}/team/other:1`);
  });
  after(async () => {
    await registry?.stop();
    await tokens?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  test('the anonymous bearer flow follows the challenge; tokens are cached per scope until they expire', async () => {
    tokens.requests.length = 0;
    let now = Date.now();
    const client = new RegistryClient({ now: () => now, cache: new RegistryCache({ tagTtlMs: 0 }) });
    assert.equal((await client.resolveDigest(ref(`${registry.host}/team/app:1`))).digest, digest);
    assert.equal((await client.resolveDigest(ref(`${registry.host}/team/app:1`))).digest, digest);
    assert.deepEqual(tokens.requests, [{ scope: 'repository:team/app:pull', service: tokens.service, basic: false }], 'one token for two lookups');
    assert.equal((await client.resolveDigest(ref(`${registry.host}/team/other:1`))).digest, digest);
    assert.equal(tokens.requests.length, 2, 'another repository is another scope');
    now += 300_000;
    await client.resolveDigest(ref(`${registry.host}/team/app:1`));
    assert.equal(tokens.requests.length, 3, 'an expired token is fetched again');
  });

  test('stored credentials go to the loopback realm as Basic', async () => {
    tokens.requests.length = 0;
    const directory = mkdtempSync(join(temp, 'docker-'));
    writeFileSync(join(directory, 'config.json'), JSON.stringify({ auths: { [registry.host]: { username: 'ci', password: 'x' } } }));
    await new RegistryClient({ credentials: dockerConfigCredentials(join(directory, 'config.json')) }).resolveDigest(ref(`${registry.host}/team/app:1`));
    assert.equal(tokens.requests[0]?.basic, true);
  });

  test('a realm that is plain http off this machine is never asked', async () => {
    const urls: string[] = [];
    const challenging: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(null, { status: 401, headers: { 'www-authenticate': 'Bearer realm="http://auth.example.test/token",service="x"' } });
    };
    const refused = await failure(new RegistryClient({ fetch: challenging }).resolveDigest(ref('registry.example.test/app:1')));
    assert.equal(refused.failure, 'insecure');
    assert.deepEqual(urls, ['https://registry.example.test/v2/app/manifests/1']);
  });
});
