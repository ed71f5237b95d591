import { createHash } from 'node:crypto';
import { formatReference, registryApiHost, type NormalizedReference } from '../../engine/registry/reference';
import { Authenticator, isLoopback, unauthorized } from './auth';
import { RegistryCache, type CachedManifest } from './cache';
import type { CredentialStore } from './credentials';
import { RegistryError } from './errors';
import { abortableSleep, send, type TransportOptions } from './transport';

export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

// Without all four, a registry may convert a multi-arch index to one platform's manifest
// (or to schema 1), and the digest we pinned would not be the one `docker pull` resolves.
const ACCEPT = Object.values(MEDIA_TYPES).join(', ');

export interface RegistryClientOptions {
  /** Never touch the network: answers come from the cache or fail with `offline`. */
  offline?: boolean;
  timeoutMs?: number;
  /** Hosts (with port) reached over plain http; loopback registries always are. */
  insecureRegistries?: readonly string[];
  credentials?: CredentialStore;
  cache?: RegistryCache;
  retries?: number;
  fetch?: typeof fetch;
  sleep?: TransportOptions['sleep'];
  now?: () => number;
}

export interface ResolvedDigest {
  /** What gets pinned: the index digest for multi-platform images. */
  digest: string;
  mediaType: string;
}

export interface PlatformSize {
  platform: string;
  /** The platform manifest's own digest (not to be pinned: it would lose the other platforms). */
  digest: string;
  /** Sum of the compressed layer sizes, as the manifest states them. */
  compressedBytes: number;
}

interface ManifestJson {
  mediaType?: string;
  manifests?: { digest: string; platform?: { os?: string; architecture?: string; variant?: string } }[];
  layers?: { size?: number }[];
}

/** A read-only OCI distribution client: tag → digest and manifests, for pinning and sizes. */
export class RegistryClient {
  private readonly transport: TransportOptions;
  private readonly auth: Authenticator;
  private readonly cache: RegistryCache;

  constructor(private readonly options: RegistryClientOptions = {}) {
    this.transport = {
      fetch: options.fetch ?? fetch,
      timeoutMs: options.timeoutMs ?? 10_000,
      retries: options.retries ?? 2,
      sleep: options.sleep ?? abortableSleep,
    };
    const now = options.now ?? Date.now;
    this.auth = new Authenticator(this.transport, options.credentials, now);
    this.cache = options.cache ?? new RegistryCache({ now });
  }

  /** The digest the reference's tag points at now (HEAD; GET and hash the body when the header is missing). */
  async resolveDigest(reference: NormalizedReference, signal?: AbortSignal): Promise<ResolvedDigest> {
    const tag = reference.tag ?? 'latest';
    const key = formatReference({ ...reference, tag, digest: undefined });
    const cached = this.cache.tagDigest(key);
    if (cached) return { digest: cached, mediaType: this.cache.manifest(cached)?.mediaType ?? '' };
    if (this.options.offline) throw new RegistryError('offline', `offline mode is on: ${key} is not in the cache`);

    const head = await this.request(reference, 'HEAD', tag, signal);
    let digest = head.headers.get('docker-content-digest') ?? undefined;
    let mediaType = contentType(head);
    if (!digest || !/^sha256:[0-9a-f]{64}$/.test(digest)) {
      const manifest = await this.fetchManifest(reference, tag, signal);
      digest = manifest.digest;
      mediaType = manifest.manifest.mediaType;
    }
    this.cache.setTagDigest(key, digest);
    return { digest, mediaType };
  }

  /** A manifest by digest: from the cache for good once fetched, its bytes checked against the digest. */
  async manifest(reference: NormalizedReference, digest: string, signal?: AbortSignal): Promise<CachedManifest> {
    const cached = this.cache.manifest(digest);
    if (cached) return cached;
    if (this.options.offline) throw new RegistryError('offline', `offline mode is on: manifest ${digest} is not in the cache`);
    const fetched = await this.fetchManifest(reference, digest, signal);
    if (fetched.digest !== digest) throw new RegistryError('invalid', `${reference.registry} sent a manifest whose content does not match ${digest}`);
    return fetched.manifest;
  }

  /**
   * The compressed size of one platform's image: the index names the platforms, attestation
   * entries (`unknown/unknown`) are skipped, a single-platform manifest is its own answer.
   */
  async platformSize(reference: NormalizedReference, digest: string, platform = 'linux/amd64', signal?: AbortSignal): Promise<PlatformSize> {
    const top = parseManifest(await this.manifest(reference, digest, signal));
    let manifestDigest = digest;
    let manifest = top;
    if (top.manifests) {
      const entries = top.manifests.filter((entry) => entry.platform?.os !== 'unknown');
      // `linux/arm64` is also the `linux/arm64/v8` most indexes list: a variant asked for must match, none asked for takes any.
      const wanted = entries.find((entry) => platformName(entry.platform) === platform) ?? entries.find((entry) => platformName({ ...entry.platform, variant: undefined }) === platform);
      if (!wanted) throw new RegistryError('not-found', `${formatReference(reference)} has no ${platform} image (it has ${entries.map((entry) => platformName(entry.platform)).join(', ') || 'none'})`);
      manifestDigest = wanted.digest;
      manifest = parseManifest(await this.manifest(reference, wanted.digest, signal));
    }
    const compressedBytes = (manifest.layers ?? []).reduce((sum, layer) => sum + (typeof layer.size === 'number' ? layer.size : 0), 0);
    return { platform, digest: manifestDigest, compressedBytes };
  }

  private async fetchManifest(reference: NormalizedReference, tagOrDigest: string, signal?: AbortSignal): Promise<{ digest: string; manifest: CachedManifest }> {
    const response = await this.request(reference, 'GET', tagOrDigest, signal);
    // The digest is over the exact bytes sent, so they are hashed before any decoding.
    const bytes = Buffer.from(await response.arrayBuffer());
    const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
    const manifest = { mediaType: contentType(response), body: bytes.toString('utf8') };
    if (!manifest.mediaType) manifest.mediaType = parseManifest(manifest).mediaType ?? '';
    this.cache.setManifest(digest, manifest);
    return { digest, manifest };
  }

  private async request(reference: NormalizedReference, method: 'HEAD' | 'GET', tagOrDigest: string, signal?: AbortSignal): Promise<Response> {
    const url = `${this.baseUrl(reference.registry)}/v2/${reference.repository}/manifests/${tagOrDigest}`;
    const name = formatReference({ ...reference, tag: tagOrDigest.includes(':') ? undefined : tagOrDigest, digest: tagOrDigest.includes(':') ? tagOrDigest : undefined });
    let authorization = this.auth.cached(reference.registry, reference.repository);
    for (let round = 0; ; round++) {
      const headers: Record<string, string> = { Accept: ACCEPT };
      if (authorization) headers.Authorization = authorization;
      const response = await send(url, { method, headers }, this.transport, signal);
      if (response.ok) return response;
      await response.body?.cancel();
      if (response.status === 401 && round === 0) {
        this.auth.forget(reference.registry, reference.repository);
        authorization = await this.auth.answer(response.headers.get('www-authenticate'), reference.registry, reference.repository, signal);
        continue;
      }
      throw statusError(response.status, name, reference, authorization !== undefined);
    }
  }

  /** https, except loopback and listed insecure registries: never plain http to the wider network. */
  private baseUrl(registry: string): string {
    const host = registryApiHost(registry);
    const hostname = host.replace(/:\d+$/, '');
    const insecure = isLoopback(hostname) || (this.options.insecureRegistries ?? []).includes(registry);
    return `${insecure ? 'http' : 'https'}://${host}`;
  }
}

function statusError(status: number, name: string, reference: NormalizedReference, authenticated: boolean): RegistryError {
  if (status === 401 || status === 403) return unauthorized(reference.registry, reference.repository, authenticated);
  if (status === 404) return new RegistryError('not-found', `${name} does not exist (the registry answered 404)`);
  if (status === 429) return new RegistryError('rate-limited', `${reference.registry} is rate-limiting requests; try again later`);
  return new RegistryError('server', `${reference.registry} answered ${status} for ${name}`);
}

function contentType(response: Response): string {
  return (response.headers.get('content-type') ?? '').split(';')[0].trim();
}

function parseManifest(manifest: CachedManifest): ManifestJson {
  try {
    const parsed: unknown = JSON.parse(manifest.body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as ManifestJson) : {};
  } catch {
    throw new RegistryError('invalid', 'the registry sent a manifest that is not JSON');
  }
}

function platformName(platform: { os?: string; architecture?: string; variant?: string } | undefined): string {
  return [platform?.os ?? 'unknown', platform?.architecture ?? 'unknown', platform?.variant].filter(Boolean).join('/');
}
