import { parseChallenges } from '../../engine/registry/challenge';
import type { CredentialStore, Credentials } from './credentials';
import { RegistryError } from './errors';
import { send, type TransportOptions } from './transport';

interface CachedToken {
  header: string;
  expiresAt: number;
}

// Registries that omit expires_in mean the spec's default of 60 seconds.
const DEFAULT_TOKEN_SECONDS = 60;
// Renew a little early so a token does not expire between cache check and request.
const EXPIRY_MARGIN_MS = 5_000;

/**
 * Answers a registry's 401 the way its WWW-Authenticate challenge asks: a bearer token from
 * the realm it names (never a realm we assume), anonymous unless credentials exist for the
 * registry, and those only sent to an https realm (or loopback, for local registries);
 * or Basic with the stored credentials. Tokens are cached by realm, service and scope until
 * they expire.
 */
export class Authenticator {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly byScope = new Map<string, string>();

  constructor(
    private readonly transport: TransportOptions,
    private readonly credentials: CredentialStore | undefined,
    private readonly now: () => number,
  ) {}

  /** The Authorization header last earned for this registry and repository, while still valid. */
  cached(registry: string, repository: string): string | undefined {
    const key = this.byScope.get(`${registry}/${repository}`);
    const token = key === undefined ? undefined : this.tokens.get(key);
    return token && token.expiresAt > this.now() ? token.header : undefined;
  }

  async answer(challengeHeader: string | null, registry: string, repository: string, signal?: AbortSignal): Promise<string> {
    const challenges = parseChallenges(challengeHeader ?? '');
    const bearer = challenges.find((challenge) => challenge.scheme === 'bearer' && challenge.params.realm);
    const scope = `repository:${repository}:pull`;
    let header: CachedToken;
    let key: string;
    if (bearer) {
      key = `${bearer.params.realm} ${bearer.params.service ?? ''} ${scope}`;
      header = this.tokens.get(key) ?? (await this.fetchToken(bearer.params.realm, bearer.params.service, scope, registry, signal));
      if (header.expiresAt <= this.now()) header = await this.fetchToken(bearer.params.realm, bearer.params.service, scope, registry, signal);
    } else if (challenges.some((challenge) => challenge.scheme === 'basic')) {
      const credentials = await this.credentials?.get(registry);
      if (!credentials) throw unauthorized(registry, repository, false);
      key = `basic ${registry}`;
      header = { header: basicHeader(credentials), expiresAt: Number.POSITIVE_INFINITY };
    } else {
      throw new RegistryError('unauthorized', `${registry} asks for an authentication scheme Shipshape does not support (${challengeHeader ?? 'no WWW-Authenticate header'})`);
    }
    this.tokens.set(key, header);
    this.byScope.set(`${registry}/${repository}`, key);
    return header.header;
  }

  /** Forgets what was earned for a repository, after the registry refused it anyway. */
  forget(registry: string, repository: string): void {
    const key = this.byScope.get(`${registry}/${repository}`);
    if (key !== undefined) this.tokens.delete(key);
    this.byScope.delete(`${registry}/${repository}`);
  }

  private async fetchToken(realm: string, service: string | undefined, scope: string, registry: string, signal?: AbortSignal): Promise<CachedToken> {
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new RegistryError('unauthorized', `${registry} names an invalid token realm "${realm}"`);
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
    if (!secure) throw new RegistryError('insecure', `${registry} sends tokens from ${url.origin}, which is neither https nor on this machine; refusing to ask it`);
    if (service) url.searchParams.set('service', service);
    url.searchParams.set('scope', scope);
    const credentials = await this.credentials?.get(registry);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (credentials) headers.Authorization = basicHeader(credentials);
    const response = await send(url.href, { headers }, this.transport, signal);
    if (response.status === 401 || response.status === 403) throw unauthorized(registry, scope.split(':')[1], credentials !== undefined);
    if (!response.ok) throw new RegistryError(response.status === 429 ? 'rate-limited' : 'server', `the token server of ${registry} answered ${response.status}`);
    const body = (await response.json().catch(() => ({}))) as { token?: unknown; access_token?: unknown; expires_in?: unknown };
    const token = typeof body.token === 'string' ? body.token : typeof body.access_token === 'string' ? body.access_token : undefined;
    if (!token) throw new RegistryError('unauthorized', `the token server of ${registry} sent no token`);
    const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_SECONDS;
    return { header: `Bearer ${token}`, expiresAt: this.now() + seconds * 1000 - EXPIRY_MARGIN_MS };
  }
}

export function unauthorized(registry: string, repository: string, hadCredentials: boolean): RegistryError {
  return new RegistryError(
    'unauthorized',
    hadCredentials
      ? `${registry} refused the stored credentials for ${repository}; check them with \`docker login ${registry}\``
      : `${registry} requires a login to read ${repository} (or it does not exist); run \`docker login ${registry}\``,
  );
}

function basicHeader(credentials: Credentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

/** localhost, 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
