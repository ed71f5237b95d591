import catalog from './data/base-images.json';
import { imageFacts } from '../images/known-images';
import { parseImageReference, type ImageReference } from '../images/reference';
import { normalizeReference, type NormalizedReference } from '../registry/reference';

/** Where one figure comes from: the page or measurement, and the date of the image it describes. */
export interface SizeSource {
  bytes: number;
  /** Build date of the image the figure was read from (or the day it was measured). */
  imageDate: string;
  source: string;
  /** The source gives a rounded figure ("around 2 MiB"): show it as approximate. */
  approximate?: boolean;
}

/** What the catalog says of one image (scripts/data/base-image-sources.json), for linux/amd64. */
interface ImageFacts {
  /** The catalog entry the figures are for, spelled as Docker Hub users write it ("node:22-slim"). */
  reference: string;
  /** Download size: the manifest's layer sizes summed. */
  compressed: SizeSource;
  /** Size on disk once pulled; undefined when no source gives it. */
  uncompressed?: SizeSource;
  /** "Debian 12 (bookworm)". */
  os: string;
  /** Distribution release: a Debian codename ("bookworm") for the apt estimator, else a version ("3.24", "noble"). */
  release: string;
  /** What the image is for: "node", "python", "debian", "static", ... */
  runtime: string;
  /** "full", "slim", "alpine", "distroless", "jre", ... */
  variant: string;
  shell: boolean;
  /** The user the image runs as when a Dockerfile sets none: "root", "nonroot". */
  user: string;
  /** The Debian package set the image has, for estimateAptInstall ("debian-minbase", "buildpack-deps", ...). */
  installedSet?: string;
}

interface CatalogEntry extends ImageFacts {
  aliases?: string[];
  excludesDocs?: boolean;
}

/** What a base image weighs and is, as the catalog knows it. */
export interface BaseImageCard extends ImageFacts {
  /** True when the tag written names a newer point release of the entry's line ("node:22.23.2-slim" → "node:22-slim"). */
  sameLine: boolean;
  /** The image keeps docs, man pages and locales out of installs (dpkg path-exclude rules). */
  excludesDocs: boolean;
  /** When the catalog was generated. */
  asOf: string;
}

/** A smaller image of the same runtime and what moving to it saves, compressed. */
export interface SmallerAlternative {
  card: BaseImageCard;
  /** Compressed bytes saved against the current image. */
  savesBytes: number;
}

/** When the catalog was generated. */
export const CATALOG_AS_OF: string = catalog.asOf;

const ENTRIES = (catalog.images as CatalogEntry[]).map((entry) => ({ entry, keys: [entry.reference, ...(entry.aliases ?? [])].map(catalogKey) }));
const BY_KEY = new Map<string, CatalogEntry>();
for (const { entry, keys } of ENTRIES) for (const key of keys) if (key) BY_KEY.set(key, entry);

/** "registry/repository:tag" after Docker's normalisation; undefined for text that is no reference. */
function catalogKey(text: string): string | undefined {
  const normalized = normalizeReference(text);
  return 'error' in normalized ? undefined : keyOf(normalized.reference);
}

function keyOf(reference: NormalizedReference): string {
  return `${reference.registry}/${reference.repository}:${reference.tag ?? 'latest'}`;
}

function cardOf({ aliases: _aliases, excludesDocs, ...facts }: CatalogEntry, sameLine: boolean): BaseImageCard {
  return { ...facts, sameLine, excludesDocs: excludesDocs ?? false, asOf: CATALOG_AS_OF };
}

/** The text of a split reference, so both split and written references go through one normalisation. */
function referenceText(reference: ImageReference | string): string {
  if (typeof reference === 'string') return reference;
  return `${reference.registry ? `${reference.registry}/` : ''}${reference.repository}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}

/**
 * The catalog entry for an image reference: the exact tag or one of its aliases, else the entry of
 * the same line when the tag names a point release of it ("node:22.23.2-slim" → "node:22-slim",
 * "python:3.13.14" → "python:3.13"). A digest without a tag, an unknown image or tag: undefined,
 * never a guess.
 */
export function baseImageCard(reference: ImageReference | string): BaseImageCard | undefined {
  const text = referenceText(reference);
  const normalized = normalizeReference(text);
  if ('error' in normalized || normalized.reference.tag === undefined) return undefined;
  const written = normalized.reference;
  const exact = BY_KEY.get(keyOf(written));
  if (exact) return cardOf(exact, false);
  const variant = distrolessVariant(text, written);
  if (variant) return variant;
  const tag = written.tag as string;
  const version = /^(\d+(?:\.\d+)*)(.*)$/.exec(tag);
  if (!version) return undefined;
  const parts = version[1].split('.');
  // Drop point components one by one: the longest line the catalog has wins.
  for (let length = parts.length - 1; length >= 1; length -= 1) {
    const entry = BY_KEY.get(keyOf({ ...written, tag: `${parts.slice(0, length).join('.')}${version[2]}` }));
    if (entry) return cardOf(entry, true);
  }
  return undefined;
}

// Distroless publishes one image per flavour under these tags: the same files, but `debug` adds
// busybox's shell (about 1 MB) and `nonroot` changes the default user.
const DISTROLESS_TAGS = new Set(['latest', 'nonroot', 'debug', 'debug-nonroot']);

/** gcr.io/distroless/base-debian12:nonroot → the base-debian12 card, with the shell and user of that tag. */
function distrolessVariant(text: string, written: NormalizedReference): BaseImageCard | undefined {
  if (written.registry !== 'gcr.io' || !written.repository.startsWith('distroless/') || !DISTROLESS_TAGS.has(written.tag ?? '')) return undefined;
  const entry = BY_KEY.get(keyOf({ ...written, tag: 'latest' }));
  if (!entry) return undefined;
  const facts = imageFacts(parseImageReference(text));
  return { ...cardOf(entry, false), shell: facts.hasShell === true, user: facts.runsAsNonRoot === true ? 'nonroot' : 'root' };
}

/** Variants smaller than "full", smallest last, so alternatives list the nearest swap first. */
const LIGHTER: Record<string, string[]> = {
  full: ['slim', 'alpine', 'distroless'],
  slim: ['alpine', 'distroless'],
  alpine: ['distroless'],
};

/**
 * Smaller images of the same runtime (slim, alpine, distroless) with their sizes and what each
 * saves in compressed bytes, nearest swap first; empty when the catalog knows none or the image.
 */
export function smallerAlternatives(reference: ImageReference | string): SmallerAlternative[] {
  const current = baseImageCard(reference);
  if (!current) return [];
  const lighter = LIGHTER[current.variant] ?? [];
  const candidates = ENTRIES.map(({ entry }) => entry).filter(
    (entry) => entry.runtime === current.runtime && lighter.includes(entry.variant) && entry.compressed.bytes < current.compressed.bytes && sameMajor(entry, current),
  );
  // One entry per variant: the one of the same line, else the newest listed.
  const byVariant = new Map<string, CatalogEntry>();
  for (const entry of candidates) if (!byVariant.has(entry.variant)) byVariant.set(entry.variant, entry);
  return lighter
    .filter((variant) => byVariant.has(variant))
    .map((variant) => {
      const card = cardOf(byVariant.get(variant) as CatalogEntry, false);
      return { card, savesBytes: current.compressed.bytes - card.compressed.bytes };
    });
}

/** Same major version of the runtime: node:22 → node:22-slim, not node:24-slim nor distroless/nodejs20. */
function sameMajor(entry: CatalogEntry, current: BaseImageCard): boolean {
  // The tag's version, or the one distroless writes into the repository name ("nodejs20-debian12").
  const major = (reference: string) => (/:(\d+)/.exec(reference) ?? /\/(?:nodejs|python|java)(\d+)-/.exec(reference))?.[1];
  const currentMajor = major(current.reference);
  const entryMajor = major(entry.reference);
  return currentMajor === undefined || entryMajor === undefined || currentMajor === entryMajor;
}

/** Every catalog entry as a card, for views that list what the catalog knows. */
export function catalogCards(): BaseImageCard[] {
  return ENTRIES.map(({ entry }) => cardOf(entry, false));
}
