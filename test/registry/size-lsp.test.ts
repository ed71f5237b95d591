/**
 * The base image's download size from a real registry (docker-registry on loopback): the hover
 * on FROM gives the linux/amd64 manifest's layer sizes summed, out of a multi-platform index,
 * and those of `shipshape.size.platform` or a literal `FROM --platform=` besides; offline,
 * nothing is asked and the catalog (which does not know this image) says unknown.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ExecuteCommandRequest, HoverRequest, type Hover } from 'vscode-languageserver-protocol/node';
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
    layout.tag('single', layout.image('single'));
    await push(layout.directory, 'multi', `${registry.host}/team/base:1.0`);
    await push(layout.directory, 'single', `${registry.host}/team/single:1.0`);
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
    await server.changeConfiguration(tracerSettings());
    const uri = 'file:///size-registry/online/Dockerfile';
    await server.open(uri, `FROM ${registry.host}/team/base:1.0\nCMD ["app"]\n`);
    const text = await hoverText(uri);
    assert.ok(text.startsWith(`**${registry.host}/team/base:1.0**\n\nSize (linux/amd64): ${formatBytes(amd64Bytes)} download (from the registry), unpacked size unknown`), text);
    assert.match(text, new RegExp(`\\*\\*Final image: at least ${formatBytes(amd64Bytes).replace('.', '\\.')}\\*\\*`));
  });

  test('with shipshape.size.platform set, the hover adds that platform\'s download size from the index, and the breakdown too', async () => {
    await server.changeConfiguration(tracerSettings({}, { size: { platform: 'linux/arm64' } }));
    const uri = 'file:///size-registry/arm64/Dockerfile';
    await server.open(uri, `FROM ${registry.host}/team/base:1.0\nCMD ["app"]\n`);
    const text = await hoverText(uri);
    assert.ok(
      text.startsWith(`**${registry.host}/team/base:1.0**\n\nSize (linux/amd64): ${formatBytes(amd64Bytes)} download (from the registry), unpacked size unknown\n\nSize (linux/arm64): ${formatBytes(arm64Bytes)} download (from the registry)\n\n`),
      text,
    );
    const breakdown = (await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'shipshape.server.imageSizeBreakdown', arguments: [{ uri }] })) as { stages: { base: { platformSize?: string } }[] };
    assert.equal(breakdown.stages[0]?.base.platformSize, `Size (linux/arm64): ${formatBytes(arm64Bytes)} download (from the registry)`);
  });

  test('a literal FROM --platform= is the platform shown, over the setting', async () => {
    await server.changeConfiguration(tracerSettings({}, { size: { platform: 'linux/s390x' } }));
    const uri = 'file:///size-registry/flag/Dockerfile';
    await server.open(uri, `FROM --platform=linux/arm64 ${registry.host}/team/base:1.0\n`);
    const answer = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 30 } })) as Hover | null;
    const text = answer && typeof answer.contents === 'object' && 'value' in answer.contents ? answer.contents.value : '';
    assert.match(text, new RegExp(`\\n\\nSize \\(linux/arm64\\): ${formatBytes(arm64Bytes).replace('.', '\\.')} download \\(from the registry\\)\\n`));
    assert.doesNotMatch(text, /s390x/);
  });

  test('a platform the index does not list, or a single-platform image, has an unknown size for it: no guess', async () => {
    await server.changeConfiguration(tracerSettings({}, { size: { platform: 'linux/s390x' } }));
    const uri = 'file:///size-registry/s390x/Dockerfile';
    await server.open(uri, `FROM ${registry.host}/team/base:1.0\n`);
    assert.match(await hoverText(uri), /\n\nSize \(linux\/s390x\): unknown, the image has no linux\/s390x variant\n/);
    await server.changeConfiguration(tracerSettings({}, { size: { platform: 'arm64' } }));
    const single = 'file:///size-registry/single/Dockerfile';
    await server.open(single, `FROM ${registry.host}/team/single:1.0\n`);
    const text = await hoverText(single);
    assert.match(text, /\n\nSize \(linux\/amd64\): [0-9.]+ [kM]?B download \(from the registry\)/);
    assert.match(text, /\n\nSize \(linux\/arm64\): unknown, the registry gave no figure \(offline, unreachable or a single-platform image\) and the catalog holds linux\/amd64 figures only\n/);
  });

  test('offline with a platform set: both sizes unknown, the catalog holding linux/amd64 only', async () => {
    await server.changeConfiguration(tracerSettings({}, { registry: { offline: true }, size: { platform: 'linux/arm64' } }));
    const uri = 'file:///size-registry/offline-arm64/Dockerfile';
    await server.open(uri, `FROM ${registry.host}/team/third:1.0\n`);
    const text = await hoverText(uri);
    assert.ok(
      text.startsWith(`**${registry.host}/team/third:1.0**\n\nSize: unknown (not in the catalog of base images).\n\nSize (linux/arm64): unknown, the registry gave no figure (offline, unreachable or a single-platform image) and the catalog holds linux/amd64 figures only`),
      text,
    );
  });

  test('offline, the registry is not asked: an image the catalog lacks has an unknown size', async () => {
    await server.changeConfiguration(tracerSettings({}, { registry: { offline: true } }));
    const uri = 'file:///size-registry/offline/Dockerfile';
    await server.open(uri, `FROM ${registry.host}/team/other:1.0\n`);
    const text = await hoverText(uri);
    assert.ok(text.startsWith(`**${registry.host}/team/other:1.0**\n\nSize: unknown (not in the catalog of base images).`), text);
  });
});
