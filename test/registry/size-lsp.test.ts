/**
 * The base image's download size from a real registry (docker-registry on loopback): the hover
 * on FROM gives the linux/amd64 manifest's layer sizes summed, out of a multi-platform index;
 * offline, nothing is asked and the catalog (which does not know this image) says unknown.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { HoverRequest, type Hover } from 'vscode-languageserver-protocol/node';
import { formatBytes } from '../../server/src/engine/size/format';
import { ServerUnderTest, tracerSettings } from '../lsp/harness';
import { OciLayout, type Descriptor } from './oci-layout';
import { missingTools, push, startRegistry, type RunningRegistry } from './registry-server';

const skip = missingTools();
if (skip) console.log(`# skipping the real-registry size tests: ${skip}`);

/** What a manifest's layers weigh compressed, read back from the layout on disk. */
function layerBytes(layout: OciLayout, manifest: Descriptor): number {
  const body = JSON.parse(readFileSync(join(layout.directory, 'blobs', 'sha256', manifest.digest.slice('sha256:'.length)), 'utf8')) as { layers: { size: number }[] };
  return body.layers.reduce((sum, layer) => sum + layer.size, 0);
}

describe('Image size from a registry over the protocol (docker-registry on loopback)', { skip }, () => {
  let registry: RunningRegistry;
  let temp: string;
  let server: ServerUnderTest;
  let amd64Bytes: number;
  let arm64Bytes: number;

  before(async () => {
    temp = mkdtempSync(join(tmpdir(), 'shipshape-size-lsp-'));
    registry = await startRegistry();
    const layout = new OciLayout(join(temp, 'layout'));
    // Different contents per platform, so the two layers differ in size.
    const amd64 = layout.image('amd64 '.repeat(400));
    const arm64 = layout.image('arm', { os: 'linux', architecture: 'arm64' });
    [amd64Bytes, arm64Bytes] = [layerBytes(layout, amd64), layerBytes(layout, arm64)];
    layout.tag('multi', layout.index([arm64, amd64]));
    await push(layout.directory, 'multi', `${registry.host}/team/base:1.0`);
    ({ server } = await ServerUnderTest.start(undefined, undefined, undefined, { storagePath: join(temp, 'storage') }));
  });
  after(async () => {
    await server?.stop();
    await registry?.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  async function hoverText(uri: string): Promise<string> {
    const answer = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 7 } })) as Hover | null;
    return answer && typeof answer.contents === 'object' && 'value' in answer.contents ? answer.contents.value : '';
  }

  test('the hover on FROM gives the linux/amd64 download size the registry states', async () => {
    assert.notEqual(amd64Bytes, arm64Bytes);
    server.configuration = tracerSettings();
    const uri = 'file:///size-registry/online/Dockerfile';
    await server.open(uri, `FROM ${registry.host}/team/base:1.0\nCMD ["app"]\n`);
    const text = await hoverText(uri);
    assert.ok(text.startsWith(`**${registry.host}/team/base:1.0**\n\nSize (linux/amd64): ${formatBytes(amd64Bytes)} download (from the registry), unpacked size unknown`), text);
    assert.match(text, new RegExp(`\\*\\*Final image: at least ${formatBytes(amd64Bytes).replace('.', '\\.')}\\*\\*`));
  });

  test('offline, the registry is not asked: an image the catalog lacks has an unknown size', async () => {
    server.configuration = tracerSettings({}, { registry: { offline: true } });
    const uri = 'file:///size-registry/offline/Dockerfile';
    await server.open(uri, `FROM ${registry.host}/team/other:1.0\n`);
    const text = await hoverText(uri);
    assert.ok(text.startsWith(`**${registry.host}/team/other:1.0**\n\nSize: unknown (not in the catalog of base images).`), text);
  });
});
