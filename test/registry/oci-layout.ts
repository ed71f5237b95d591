import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** A descriptor as OCI and Docker manifests write them. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations?: Record<string, string>;
}

const TYPES = {
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
};

/**
 * An OCI image layout on disk (oci-layout, index.json, blobs/sha256/…), written by the test
 * itself so no image is ever downloaded. Each image gets its own layer contents (`seed`), so
 * two images never share a digest unless meant to.
 */
export class OciLayout {
  private readonly refs: Descriptor[] = [];

  constructor(readonly directory: string) {
    mkdirSync(join(directory, 'blobs', 'sha256'), { recursive: true });
    writeFileSync(join(directory, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  }

  blob(mediaType: string, bytes: Buffer): Descriptor {
    const hex = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(join(this.directory, 'blobs', 'sha256', hex), bytes);
    return { mediaType, digest: `sha256:${hex}`, size: bytes.length };
  }

  /** One platform's image: a gzipped one-file tar layer and its config. */
  image(seed: string, platform: Platform = { os: 'linux', architecture: 'amd64' }): Descriptor {
    const tar = tarWithOneFile('seed.txt', `${seed} ${platform.os}/${platform.architecture}\n`);
    const layer = this.blob(TYPES.layer, gzipSync(tar));
    const diffId = `sha256:${createHash('sha256').update(tar).digest('hex')}`;
    const config = this.blob(TYPES.config, json({ ...platform, rootfs: { type: 'layers', diff_ids: [diffId] }, config: {} }));
    const manifest = this.blob(TYPES.manifest, json({ schemaVersion: 2, mediaType: TYPES.manifest, config, layers: [layer] }));
    return { ...manifest, platform };
  }

  /** A BuildKit-style attestation manifest: listed with platform unknown/unknown. */
  attestation(subject: Descriptor): Descriptor {
    const statement = this.blob('application/vnd.in-toto+json', json({ _type: 'https://in-toto.io/Statement/v0.1', subject: [{ digest: subject.digest }] }));
    const config = this.blob(TYPES.config, json({ architecture: 'unknown', os: 'unknown', rootfs: { type: 'layers', diff_ids: [] } }));
    const manifest = this.blob(TYPES.manifest, json({ schemaVersion: 2, mediaType: TYPES.manifest, config, layers: [statement] }));
    return {
      ...manifest,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: { 'vnd.docker.reference.digest': subject.digest, 'vnd.docker.reference.type': 'attestation-manifest' },
    };
  }

  index(manifests: Descriptor[]): Descriptor {
    return this.blob(TYPES.index, json({ schemaVersion: 2, mediaType: TYPES.index, manifests }));
  }

  /** Names a manifest or index in index.json, as `oci:<dir>:<tag>` reads it. */
  tag(tag: string, descriptor: Descriptor): void {
    const { platform: _platform, annotations: _annotations, ...plain } = descriptor;
    this.refs.push({ ...plain, annotations: { 'org.opencontainers.image.ref.name': tag } });
    writeFileSync(join(this.directory, 'index.json'), JSON.stringify({ schemaVersion: 2, manifests: this.refs }));
  }
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

/** A POSIX ustar archive holding one regular file, padded to the 1024 zero bytes that end it. */
function tarWithOneFile(name: string, contents: string): Buffer {
  const data = Buffer.from(contents);
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100);
  header.write('0000000\0', 108);
  header.write('0000000\0', 116);
  header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
  header.write('00000000000\0', 136);
  header.write('        ', 148);
  header.write('0', 156);
  header.write('ustar\0', 257);
  header.write('00', 263);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  const padded = Buffer.alloc(Math.ceil(data.length / 512) * 512);
  data.copy(padded);
  return Buffer.concat([header, padded, Buffer.alloc(1024)]);
}
