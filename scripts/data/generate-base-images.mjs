// Writes server/src/engine/size/data/base-images.json: the catalog of base images with their
// compressed (download) and uncompressed sizes for linux/amd64, what each image is (OS, shell,
// default user, installed package set) and where every figure comes from. The engine reads only
// that file; run this (`npm run data:images`) to refresh it, then commit.
//
//   node scripts/data/generate-base-images.mjs [--registry] [--as-of YYYY-MM-DD]
//
// Sources:
// - scripts/data/base-image-sources.json: published figures, each with the page it was read from
//   (docker-library/repo-info: remote/<tag>.md "Total Size" is the compressed size,
//   local/<tag>.md "Virtual Size" the uncompressed one) and the date of the image it describes.
//   To refresh by hand: read the tag's page there at its newest commit and update the entry.
// - scripts/data/debian-roots.json: uncompressed sizes of Debian roots measured here
//   (scripts/size-accuracy/measure.mjs --lists debootstraps and slims them as the images are).
// - --registry: where a registry is reachable, the compressed size of every entry is read from
//   its manifest for linux/amd64 with the project's own OCI client (server/src/host/registry,
//   bundled on the fly), replacing the published figure and recording the digest and date.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';

const root = new URL('../..', import.meta.url).pathname;
const { values: options } = parseArgs({ options: { registry: { type: 'boolean', default: false }, 'as-of': { type: 'string' } } });
const asOf = options['as-of'] ?? new Date().toISOString().slice(0, 10);
const sources = JSON.parse(readFileSync(join(root, 'scripts/data/base-image-sources.json'), 'utf8'));
const rootsPath = join(root, 'scripts/data/debian-roots.json');
const measuredRoots = existsSync(rootsPath) ? JSON.parse(readFileSync(rootsPath, 'utf8')) : {};

const FIELDS = ['reference', 'aliases', 'os', 'release', 'runtime', 'variant', 'shell', 'user', 'installedSet', 'excludesDocs', 'compressed', 'uncompressed'];

/** The project's OCI client and reference normaliser, bundled from source with esbuild. */
function loadRegistryClient() {
  const outdir = mkdtempSync(join(tmpdir(), 'shipshape-registry-'));
  buildSync({
    entryPoints: { client: join(root, 'server/src/host/registry/client.ts'), reference: join(root, 'server/src/engine/registry/reference.ts') },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outdir,
    logLevel: 'warning',
  });
  const require = createRequire(import.meta.url);
  return { ...require(join(outdir, 'client.js')), ...require(join(outdir, 'reference.js')) };
}

async function refreshFromRegistry(images) {
  const { RegistryClient, normalizeReference } = loadRegistryClient();
  const client = new RegistryClient({ timeoutMs: 15_000 });
  for (const image of images) {
    const normalized = normalizeReference(image.reference);
    if ('error' in normalized) throw new Error(normalized.error);
    try {
      const { digest } = await client.resolveDigest(normalized.reference);
      const size = await client.platformSize(normalized.reference, digest, 'linux/amd64');
      image.compressed = { bytes: size.compressedBytes, imageDate: asOf, source: `registry manifest ${size.digest} (linux/amd64 of ${image.reference}@${digest})` };
      console.log(`${image.reference}: ${size.compressedBytes} bytes from the registry`);
    } catch (error) {
      console.warn(`${image.reference}: kept the published figure (${error.message})`);
    }
  }
}

const images = sources.images.map((image) => structuredClone(image));
if (options.registry) await refreshFromRegistry(images);
for (const image of images) {
  const measured = image.runtime === 'debian' ? measuredRoots[image.release] : undefined;
  if (measured && !image.uncompressed) {
    const bytes = image.variant === 'slim' ? measured.slimRootBytes : measured.fullRootBytes;
    image.uncompressed = { bytes, imageDate: measured.measured, source: `measured: ${measured.how}` };
  }
  for (const key of Object.keys(image)) if (!FIELDS.includes(key)) throw new Error(`${image.reference}: unknown field ${key}`);
  if (!image.compressed?.bytes || !image.compressed.source) throw new Error(`${image.reference}: a compressed size with its source is required`);
}

const output = join(root, 'server/src/engine/size/data/base-images.json');
writeFileSync(output, `${JSON.stringify({ asOf, note: sources.note, images }, null, 1)}\n`);
console.log(`${output}: ${images.length} images`);
