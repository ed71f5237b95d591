import { canonicalRepository, parseImageReference } from '../images/reference';

/** An image reference completed the way Docker completes it before talking to a registry. */
export interface NormalizedReference {
  /** "docker.io" for Docker Hub, else the host (with port) as written, e.g. "localhost:5000". */
  registry: string;
  /** Full repository path inside the registry, e.g. "library/node". */
  repository: string;
  /** "latest" when neither a tag nor a digest was written. */
  tag?: string;
  digest?: string;
}

export type NormalizeResult = { reference: NormalizedReference } | { error: string };

// The grammar of docker/distribution's reference package, written out from its spec.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const SHA256 = /^sha256:[0-9a-f]{64}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:.]+\])(?::\d+)?$/;
const MAX_NAME_LENGTH = 255;

/**
 * `node` → docker.io/library/node:latest, `localhost:5000/app@sha256:…` keeps its host and
 * digest, `node:22@sha256:…` keeps both (the digest is what a builder pulls). Invalid names
 * (upper case in the path, bad tags or digests) are errors, as `docker pull` would say.
 */
export function normalizeReference(text: string): NormalizeResult {
  const written = text.trim();
  if (written === '') return { error: 'empty image reference' };
  const parsed = parseImageReference(written);
  const registry = parsed.registry ?? 'docker.io';
  if (parsed.registry !== undefined && !HOST.test(parsed.registry)) return { error: `invalid registry host "${parsed.registry}" in "${written}"` };
  if (parsed.repository === '' || !parsed.repository.split('/').every((part) => PATH_COMPONENT.test(part))) {
    return { error: `invalid repository name "${parsed.repository}" in "${written}" (lower-case letters, digits and separators only)` };
  }
  if (parsed.tag !== undefined && !TAG.test(parsed.tag)) return { error: `invalid tag "${parsed.tag}" in "${written}"` };
  if (parsed.digest !== undefined) {
    if (!DIGEST.test(parsed.digest)) return { error: `invalid digest "${parsed.digest}" in "${written}"` };
    if (parsed.digest.startsWith('sha256:') && !SHA256.test(parsed.digest)) return { error: `invalid sha256 digest "${parsed.digest}" in "${written}"` };
  }
  const canonical = canonicalRepository({ ...parsed, registry });
  const repository = canonical.slice(canonical.indexOf('/') + 1);
  const host = canonical.slice(0, canonical.indexOf('/'));
  if (host.length + 1 + repository.length > MAX_NAME_LENGTH) return { error: `image name longer than ${MAX_NAME_LENGTH} characters in "${written}"` };
  const tag = parsed.tag ?? (parsed.digest === undefined ? 'latest' : undefined);
  return { reference: { registry: host, repository, tag, digest: parsed.digest } };
}

/** docker.io/library/node:22@sha256:… — the fully spelled-out form, for messages and cache keys. */
export function formatReference(reference: NormalizedReference): string {
  return `${reference.registry}/${reference.repository}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}

/** Docker Hub's API is not served at docker.io itself. */
export function registryApiHost(registry: string): string {
  return registry === 'docker.io' ? 'registry-1.docker.io' : registry;
}
