/** An image reference split the way Docker splits it (docker/distribution reference grammar). */
export interface ImageReference {
  /** Registry host (with port) when the reference names one, e.g. "gcr.io", "localhost:5000". */
  registry?: string;
  /** Repository path without registry, tag or digest, e.g. "library/node" is written "node". */
  repository: string;
  tag?: string;
  digest?: string;
}

/**
 * Splits "host:port/path/name:tag@sha256:..." into parts. The first path component is a
 * registry when it contains "." or ":", is "localhost" or has upper-case letters (a repository
 * path never has), as Docker decides.
 */
export function parseImageReference(text: string): ImageReference {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon >= 0 && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { registry, repository: rest, tag, digest };
}

/** Docker Hub official images live under "library/"; other registries keep the path. */
export function canonicalRepository(reference: ImageReference): string {
  const registry = reference.registry ?? 'docker.io';
  const isHub = registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io';
  const path = isHub && !reference.repository.includes('/') ? `library/${reference.repository}` : reference.repository;
  return `${isHub ? 'docker.io' : registry}/${path}`;
}
