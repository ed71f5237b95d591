import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface Credentials {
  username: string;
  password: string;
}

/** Where a registry's credentials come from; async because helpers run programs. */
export interface CredentialStore {
  get(registry: string): Promise<Credentials | undefined>;
}

/** Runs `docker-credential-<name> get`: only lent when a setting allows it and the workspace is trusted. */
export type CredentialHelperRunner = (helper: string, serverUrl: string) => Promise<Credentials | undefined>;

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`, as the docker CLI reads it. */
export function dockerConfigPath(env: Readonly<Record<string, string | undefined>>): string {
  return join(env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker'), 'config.json');
}

/**
 * Credentials from the docker CLI's config file: `auths` (base64 user:password or the two
 * fields), then `credHelpers`/`credsStore` only through the runner a caller lends. An
 * unreadable or malformed file means no credentials, not a failure: anonymous pulls still work.
 */
export function dockerConfigCredentials(path: string, runHelper?: CredentialHelperRunner): CredentialStore {
  let config: DockerConfig | undefined;
  const load = (): DockerConfig => {
    if (config) return config;
    try {
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      config = typeof parsed === 'object' && parsed !== null ? (parsed as DockerConfig) : {};
    } catch {
      config = {};
    }
    return config;
  };
  return {
    async get(registry) {
      const { auths = {}, credHelpers = {}, credsStore } = load();
      const keys = configKeys(registry);
      for (const [key, entry] of Object.entries(auths)) {
        if (!keys.has(hostOf(key)) || typeof entry !== 'object' || entry === null) continue;
        const found = fromAuthEntry(entry);
        if (found) return found;
      }
      const helper = credHelpers[registry] ?? credsStore;
      if (!helper || !runHelper) return undefined;
      return runHelper(helper, registry === 'docker.io' ? 'https://index.docker.io/v1/' : registry);
    },
  };
}

/** Docker Hub is stored under its historical v1 URL; other registries under their host, with or without a scheme. */
function configKeys(registry: string): Set<string> {
  return registry === 'docker.io' ? new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']) : new Set([registry]);
}

function hostOf(key: string): string {
  return key.replace(/^[a-z]+:\/\//i, '').split('/')[0];
}

function fromAuthEntry(entry: { auth?: string; username?: string; password?: string }): Credentials | undefined {
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof entry.username === 'string' && typeof entry.password === 'string') return { username: entry.username, password: entry.password };
  return undefined;
}
