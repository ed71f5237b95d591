import { baseImageCard } from '../size/base-images';
import { findCodename } from './end-of-life';
import { JAVA_VERSION, NUMERIC_VERSION, nameAndTag, officialImageName } from './image-versions';
import { perImage } from './per-image';
import type { ImageReference } from './reference';

/** A smaller image that does the same job as a full distribution or SDK image. */
export interface MinimalAlternative {
  /** What the current image is, for messages: "the Go SDK". */
  kind: string;
  /** Compressed sizes in MB from the size catalog (size/base-images.ts); undefined where it has no figure. */
  size?: number;
  alternative: string;
  alternativeSize?: number;
  /** `swap`: the alternative runs the same program; `ship`: build in the current image, ship on the alternative. */
  how: 'swap' | 'ship';
}

// The catalog image whose size stands for a family when the written tag is not catalogued itself.
const REPRESENTATIVES: Record<string, string> = {
  node: 'node:22',
  'node:slim': 'node:22-slim',
  python: 'python:3.13',
  'python:slim': 'python:3.13-slim',
  golang: 'golang:1.25',
  'eclipse-temurin:jre': 'eclipse-temurin:21-jre',
  debian: 'debian:trixie',
  'debian:slim': 'debian:trixie-slim',
  ubuntu: 'ubuntu:24.04',
  'distroless/static': 'gcr.io/distroless/static-debian12',
  'distroless/base': 'gcr.io/distroless/base-debian12',
};

/** Compressed MB of the image as written, else of its family's representative; undefined when the catalog has neither. */
function megabytes(image: string, sizeKey: string): number | undefined {
  const card = baseImageCard(image) ?? (Object.hasOwn(REPRESENTATIVES, sizeKey) ? baseImageCard(REPRESENTATIVES[sizeKey]) : undefined);
  return card && Math.max(1, Math.round(card.compressed.bytes / 1e6));
}

/** An alternative before sizing: which catalog families stand for the two images when their tags are not catalogued. */
interface Found extends Omit<MinimalAlternative, 'size' | 'alternativeSize'> {
  sizeKey: string;
  alternativeSizeKey: string;
}

function alternative(kind: string, sizeKey: string, image: string, alternativeSizeKey: string, how: MinimalAlternative['how']): Found {
  return { kind, sizeKey, alternative: image, alternativeSizeKey, how };
}

const LANGUAGE_KIND = 'a full Debian image with compilers and headers';

/** node:22 → node:22-slim; without a version only `latest` maps (to `slim`), other words are not guessed at. */
function slimVariant(name: string, { repository, tag }: Written): Found | undefined {
  const version = tag && NUMERIC_VERSION.exec(tag);
  if (!version && tag && tag !== 'latest') return undefined;
  return alternative(LANGUAGE_KIND, name, `${repository}:${version ? `${version[0]}-slim` : 'slim'}`, `${name}:slim`, 'swap');
}

/** php:8.4-fpm → php:8.4-fpm-alpine; the Apache variant has no Alpine build. */
function phpAlpine({ repository, tag }: Written): Found | undefined {
  const words = (tag ?? '').split('-').filter((word) => word !== '' && word !== 'latest' && !findCodename('debian', word));
  const version = words[0] && NUMERIC_VERSION.test(words[0]) ? words.shift() : undefined;
  const variant = words.join('-');
  if (!['', 'cli', 'fpm', 'zts'].includes(variant)) return undefined;
  const alpineTag = [version, variant === 'cli' ? '' : variant, 'alpine'].filter(Boolean).join('-');
  return alternative(LANGUAGE_KIND, 'php', `${repository}:${alpineTag}`, 'php:alpine', 'swap');
}

/** debian:bookworm → debian:bookworm-slim; debian:12.8 → debian:12.8-slim. */
function debianSlim({ repository, tag }: Written): Found | undefined {
  const first = tag?.split('-')[0];
  const release = !first || first === 'latest' ? 'stable' : first;
  const known = NUMERIC_VERSION.test(release) || findCodename('debian', release) || ['stable', 'oldstable', 'testing', 'unstable', 'sid'].includes(release);
  return known ? alternative('the full Debian image', 'debian', `${repository}:${release}-slim`, 'debian:slim', 'swap') : undefined;
}

/** The JRE for the Java version a build image's tag names (maven:3.9-eclipse-temurin-21, gradle:8-jdk21). */
function jreFor(tag: string | undefined): string {
  const java = tag && /(?:temurin|openjdk|jdk|corretto)-?(\d+)/.exec(tag);
  return `eclipse-temurin:${java ? java[1] : '<java version>'}-jre`;
}

/** A JDK tag's JRE twin in `jreRepository` (`version`: the whole version or only its major); JRE tags are left alone. */
function jdkToJre(tag: string | undefined, jreRepository: string, sizeKey: string, version: 'whole' | 'major'): Found | undefined {
  const match = tag && JAVA_VERSION.exec(tag);
  if (!match || tag.split('-').includes('jre')) return undefined;
  return alternative('a JDK image', sizeKey, `${jreRepository}:${match[version === 'whole' ? 0 : 1]}-jre`, 'eclipse-temurin:jre', 'swap');
}

/** The image as written, so a variant of the same image keeps its registry prefix. */
interface Written {
  repository: string;
  tag?: string;
}

const ALTERNATIVES: Record<string, (written: Written) => Found | undefined> = {
  node: (written) => slimVariant('node', written),
  python: (written) => slimVariant('python', written),
  ruby: (written) => slimVariant('ruby', written),
  php: phpAlpine,
  debian: debianSlim,
  'eclipse-temurin': ({ repository, tag }) => jdkToJre(tag, repository, 'eclipse-temurin:jdk', 'whole'),
  // The deprecated openjdk image's successor is Temurin, whose tags spell versions differently.
  openjdk: ({ tag }) => jdkToJre(tag, 'eclipse-temurin', 'openjdk', 'major'),
  golang: () => alternative('the Go SDK', 'golang', 'gcr.io/distroless/static-debian13', 'distroless/static', 'ship'),
  rust: () => alternative('the Rust toolchain', 'rust', 'gcr.io/distroless/cc-debian13', 'distroless/cc', 'ship'),
  maven: ({ tag }) => alternative('a Maven build image', 'maven', jreFor(tag), 'eclipse-temurin:jre', 'ship'),
  gradle: ({ tag }) => alternative('a Gradle build image', 'gradle', jreFor(tag), 'eclipse-temurin:jre', 'ship'),
  ubuntu: () => alternative('a full Ubuntu image with a shell and package manager', 'ubuntu', 'gcr.io/distroless/base-debian13', 'distroless/base', 'ship'),
  fedora: ({ tag }) =>
    alternative('the full Fedora image', 'fedora', `registry.fedoraproject.org/fedora-minimal${tag ? `:${tag}` : ''}`, 'fedora-minimal', 'swap'),
  centos: () => alternative('the full CentOS image', 'centos', 'registry.access.redhat.com/ubi9/ubi-minimal', 'ubi-minimal', 'swap'),
};

/** Minimal already (`-slim`, `-alpine*`, UBI `minimal`/`micro`), or a Windows variant, which these alternatives do not replace. */
function isOutOfScope(tag: string): boolean {
  return tag
    .split('-')
    .some((word) => ['slim', 'minimal', 'micro', 'windowsservercore', 'nanoserver'].includes(word) || word.startsWith('alpine'));
}

/**
 * The smaller image to use instead of a full distribution or SDK image, for the official images
 * that have one; undefined for minimal images and for images this table does not know.
 */
export const minimalAlternative: (reference: ImageReference) => Readonly<MinimalAlternative> | undefined = perImage((reference) => {
  const found = readMinimalAlternative(reference);
  return found && Object.freeze(found);
});

function readMinimalAlternative(reference: ImageReference): MinimalAlternative | undefined {
  const name = officialImageName(reference);
  const build = name !== undefined && Object.hasOwn(ALTERNATIVES, name) ? ALTERNATIVES[name] : undefined;
  if (!build || (reference.tag && isOutOfScope(reference.tag))) return undefined;
  const found = build({ repository: nameAndTag({ ...reference, tag: undefined }), tag: reference.tag });
  if (!found) return undefined;
  const { sizeKey, alternativeSizeKey, ...rest } = found;
  return { ...rest, size: megabytes(nameAndTag(reference), sizeKey), alternativeSize: megabytes(found.alternative, alternativeSizeKey) };
}
