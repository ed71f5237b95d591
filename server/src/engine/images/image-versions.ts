import { findCodename, findLine, type LifecycleLine } from './end-of-life';
import { perImage } from './per-image';
import { canonicalRepository, type ImageReference } from './reference';

/** Where a version sits in the reference text, so it can be named or replaced. */
export interface VersionToken {
  in: 'tag' | 'repository';
  /** Offsets within the tag or the repository path. */
  start: number;
  end: number;
  /** Whether the image names the line by codename ("bullseye") rather than number. */
  style: 'version' | 'codename';
  /** Text to put after the new version, when the token runs to the end of the tag to drop a pinned release ("-alpine3.20" → "-alpine"). */
  suffix: string;
}

/** A release line an image is made of. */
export interface VersionedPart {
  /** `image`: what the image is for (Node.js 16 in node:16-bullseye); `base`: the distribution under it (Debian 11). */
  role: 'image' | 'base';
  productId: string;
  line: LifecycleLine;
  /** Which part of the reference names the line: the finding points there. */
  namedIn: 'tag' | 'repository';
  token?: VersionToken;
  /** Whether putting another line's version in place of the token still names a published image. */
  replaceable: boolean;
}

interface OfficialImage {
  product: string;
  /** Matches the version at the start of the tag; group 1 is what findLine looks up. */
  version: RegExp;
  /** Variants every line of the image is published with, so a version swap keeps the tag valid. */
  floatingVariants: string[];
  /** Whether a suffix such as "-bullseye" or "-alpine3.19" names a distribution underneath. */
  hasBase: boolean;
  /** Whether tags may name the line by codename ("debian:bookworm"). */
  codenames?: boolean;
}

export const NUMERIC_VERSION = /^(\d+(?:\.\d+)*)(?=-|$)/;
// "8", "8u402-b06", "11.0.22_7", "21.0.5"; never the early-access tags ("22-ea-22-jdk").
export const JAVA_VERSION = /^(\d+)(?:u\d+(?:-b\d+)?|(?:\.\d+)+(?:_\d+)?)?(?=-|$)(?!-ea\b)/;
const LANGUAGE_VARIANTS = ['', '-slim', '-alpine'];

const OFFICIAL_IMAGES = new Map<string, OfficialImage>(Object.entries({
  node: { product: 'node', version: NUMERIC_VERSION, floatingVariants: LANGUAGE_VARIANTS, hasBase: true, codenames: true },
  python: { product: 'python', version: NUMERIC_VERSION, floatingVariants: LANGUAGE_VARIANTS, hasBase: true },
  ruby: { product: 'ruby', version: NUMERIC_VERSION, floatingVariants: LANGUAGE_VARIANTS, hasBase: true },
  golang: { product: 'golang', version: NUMERIC_VERSION, floatingVariants: ['', '-alpine'], hasBase: true },
  php: {
    product: 'php',
    version: NUMERIC_VERSION,
    floatingVariants: ['', '-cli', '-fpm', '-apache', '-zts', '-alpine', '-cli-alpine', '-fpm-alpine', '-zts-alpine'],
    hasBase: true,
  },
  postgres: { product: 'postgres', version: NUMERIC_VERSION, floatingVariants: ['', '-alpine'], hasBase: true },
  'eclipse-temurin': { product: 'eclipse-temurin', version: JAVA_VERSION, floatingVariants: ['', '-jdk', '-jre', '-jdk-alpine', '-jre-alpine'], hasBase: true },
  // Retired: its successor is another repository, so no version swap keeps users on a maintained image.
  openjdk: { product: 'openjdk', version: JAVA_VERSION, floatingVariants: [], hasBase: true },
  debian: { product: 'debian', version: NUMERIC_VERSION, floatingVariants: ['', '-slim'], hasBase: false, codenames: true },
  ubuntu: { product: 'ubuntu', version: NUMERIC_VERSION, floatingVariants: [''], hasBase: false, codenames: true },
  alpine: { product: 'alpine', version: NUMERIC_VERSION, floatingVariants: [''], hasBase: false },
  // "7", "centos7", "7.9.2009": CentOS Linux has no variants and no line left to move to.
  centos: { product: 'centos', version: /^(?:centos)?(\d+)(?:\.\d+)*$/, floatingVariants: [], hasBase: false },
}));

/** Hosts that serve Docker Hub's official images under the same names. */
const OFFICIAL_PREFIXES = ['docker.io/library/', 'public.ecr.aws/docker/library/', 'mirror.gcr.io/library/'];

const DISTROLESS = /^gcr\.io\/distroless\/([a-z0-9-]+?)-debian(\d+)$/;
// The language-neutral distroless images exist for every Debian release distroless supports.
const DISTROLESS_ON_EVERY_DEBIAN = new Set(['static', 'base', 'base-nossl', 'cc']);

/**
 * The release lines an image reference names, the image's own first, then its base
 * distribution. Empty when the image or its tag is not one the table can read: never a guess.
 */
export const versionedParts: (reference: ImageReference) => readonly VersionedPart[] = perImage((reference) => frozen(readVersionedParts(reference)));

function readVersionedParts(reference: ImageReference): VersionedPart[] {
  const distroless = DISTROLESS.exec(canonicalRepository(reference));
  if (distroless) return distrolessParts(reference, distroless[1], distroless[2]);
  const name = officialImageName(reference);
  const image = name === undefined ? undefined : OFFICIAL_IMAGES.get(name);
  if (!image || !reference.tag) return [];
  return officialParts(image, reference.tag);
}

/** Callers share the kept answer: nobody may change it (the lines are the table's own). */
function frozen(parts: VersionedPart[]): readonly VersionedPart[] {
  for (const part of parts) {
    if (part.token) Object.freeze(part.token);
    Object.freeze(part);
  }
  return Object.freeze(parts);
}

/** "node" for node, docker.io/library/node and the official-image mirrors; undefined for other images. */
export function officialImageName(reference: ImageReference): string | undefined {
  const repository = canonicalRepository(reference);
  const prefix = OFFICIAL_PREFIXES.find((candidate) => repository.startsWith(candidate));
  return prefix && repository.slice(prefix.length);
}

function officialParts(image: OfficialImage, tag: string): VersionedPart[] {
  const numeric = image.version.exec(tag);
  const codename = numeric || !image.codenames ? undefined : /^([a-z]+)(?=-|$)/.exec(tag);
  const match = numeric ?? codename;
  const line = match && (numeric ? findLine(image.product, match[1]) : findCodename(image.product, match[1]));
  if (!match || !line) return [];
  const suffix = tag.slice(match[0].length);
  const floating = image.floatingVariants.includes(suffix);
  const unpinned = floating ? undefined : unpinnedVariant(image, suffix);
  const style = numeric ? 'version' : 'codename';
  const parts: VersionedPart[] = [
    {
      role: 'image',
      productId: image.product,
      line,
      namedIn: 'tag',
      token: unpinned === undefined ? { in: 'tag', start: 0, end: match[0].length, style, suffix: '' } : { in: 'tag', start: 0, end: tag.length, style, suffix: unpinned },
      replaceable: floating || unpinned !== undefined,
    },
  ];
  const base = image.hasBase ? baseOfSuffix(suffix) : undefined;
  if (base) {
    // Dropping the pinned release keeps the runtime line on the release the image currently builds on.
    const token: VersionToken | undefined = unpinned === undefined ? undefined : { in: 'tag', start: match[0].length, end: tag.length, style: 'version', suffix: unpinned };
    parts.push({ role: 'base', ...base, namedIn: 'tag', token, replaceable: token !== undefined });
  }
  return parts;
}

/**
 * The published variant a suffix stands for once its pinned distribution release is dropped
 * ("-slim-bullseye" → "-slim", "-alpine3.20" → "-alpine"): a pinned release is rarely built for
 * newer lines, the floating variant always is. Undefined when that is not a floating variant.
 */
function unpinnedVariant(image: OfficialImage, suffix: string): string | undefined {
  const words = suffix
    .split('-')
    .slice(1)
    .filter((word) => !findCodename('debian', word) && !findCodename('ubuntu', word))
    .map((word) => (/^alpine\d+\.\d+$/.test(word) ? 'alpine' : word));
  const variant = words.map((word) => `-${word}`).join('');
  return variant !== suffix && image.floatingVariants.includes(variant) ? variant : undefined;
}

/** "-slim-bullseye" → Debian 11, "-alpine3.19" → Alpine 3.19, "-jdk-focal" → Ubuntu 20.04. */
function baseOfSuffix(suffix: string): { productId: string; line: LifecycleLine } | undefined {
  for (const word of suffix.split('-')) {
    const alpine = /^alpine(\d+\.\d+)$/.exec(word);
    const line = alpine ? findLine('alpine', alpine[1]) : undefined;
    if (line) return { productId: 'alpine', line };
    for (const productId of ['debian', 'ubuntu']) {
      const named = findCodename(productId, word);
      if (named) return { productId, line: named };
    }
  }
  return undefined;
}

function distrolessParts(reference: ImageReference, flavor: string, debianVersion: string): VersionedPart[] {
  const parts: VersionedPart[] = [];
  const node = /^nodejs(\d+)$/.exec(flavor);
  const nodeLine = node && findLine('node', node[1]);
  if (nodeLine) parts.push({ role: 'image', productId: 'node', line: nodeLine, namedIn: 'repository', replaceable: false });
  const debian = findLine('debian', debianVersion);
  if (debian) {
    const end = reference.repository.length;
    parts.push({
      role: 'base',
      productId: 'debian',
      line: debian,
      namedIn: 'repository',
      token: { in: 'repository', start: end - debianVersion.length, end, style: 'version', suffix: '' },
      replaceable: DISTROLESS_ON_EVERY_DEBIAN.has(flavor),
    });
  }
  return parts;
}

/** "registry/repository:tag" without the digest: how messages name an image, and the text token offsets count in. */
export function nameAndTag(reference: ImageReference): string {
  return `${reference.registry ? `${reference.registry}/` : ''}${reference.repository}${reference.tag ? `:${reference.tag}` : ''}`;
}

/** Offsets of a token within nameAndTag(reference). */
export function tokenOffsets(reference: ImageReference, token: VersionToken): { start: number; end: number } {
  const repositoryStart = reference.registry ? reference.registry.length + 1 : 0;
  const base = token.in === 'repository' ? repositoryStart : repositoryStart + reference.repository.length + 1;
  return { start: base + token.start, end: base + token.end };
}
