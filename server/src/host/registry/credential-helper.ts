import { execFile } from 'node:child_process';
import type { CredentialHelperRunner } from './credentials';

/**
 * Runs `docker-credential-<helper> get` as the docker CLI does: the server URL on stdin, JSON
 * `{ Username, Secret }` on stdout; "not found" is a failing exit, so any failure means no
 * credentials. Lent only when the person allowed helpers and trusts the workspace: it runs a
 * program named by the user's docker config.
 */
export function credentialHelperRunner(env: NodeJS.ProcessEnv, timeoutMs = 10_000): CredentialHelperRunner {
  return (helper, serverUrl) =>
    new Promise((resolve) => {
      // A helper is a name on the PATH, never a path.
      if (!/^[A-Za-z0-9._-]+$/.test(helper)) return resolve(undefined);
      const child = execFile(`docker-credential-${helper}`, ['get'], { env, timeout: timeoutMs, maxBuffer: 64 * 1024 }, (error, stdout) => {
        if (error) return resolve(undefined);
        try {
          const { Username, Secret } = JSON.parse(stdout) as { Username?: unknown; Secret?: unknown };
          // "<token>" marks an identity token for an OAuth exchange, which is not Basic credentials.
          resolve(typeof Username === 'string' && typeof Secret === 'string' && Username !== '<token>' ? { username: Username, password: Secret } : undefined);
        } catch {
          resolve(undefined);
        }
      });
      child.stdin?.on('error', () => undefined);
      child.stdin?.end(serverUrl);
    });
}
