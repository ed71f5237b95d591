import { createHash } from 'node:crypto';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

// openssl makes the token server's certificate; Debian has it wherever ca-certificates is.
export const TOOLS = { registry: '/usr/bin/docker-registry', skopeo: '/usr/bin/skopeo', htpasswd: '/usr/bin/htpasswd', openssl: '/usr/bin/openssl' };

/**
 * Why the real-registry tests cannot run here, or undefined when they can. In CI the Debian
 * packages are installed by .ci/run, so a missing one there is a failure, not a skip.
 */
export function missingTools(): string | undefined {
  const missing = Object.values(TOOLS).filter((path) => !existsSync(path));
  if (missing.length === 0) return undefined;
  const reason = `${missing.join(', ')} missing: apt-get install -y docker-registry skopeo apache2-utils openssl`;
  if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
  return reason;
}

export type RegistryAuth = { kind: 'none' } | { kind: 'htpasswd'; users: Record<string, string> } | { kind: 'token'; realm: string; service: string; issuer: string; certificate: string };

export interface RunningRegistry {
  /** 127.0.0.1:<port> */
  host: string;
  stop(): Promise<void>;
}

/** Debian's docker-registry on a free loopback port, storing into a temp folder, until stop(). */
export async function startRegistry(auth: RegistryAuth = { kind: 'none' }): Promise<RunningRegistry> {
  const directory = mkdtempSync(join(tmpdir(), 'shipshape-registry-'));
  const port = await freePort();
  const authYaml = await authSection(auth, directory);
  writeFileSync(
    join(directory, 'config.yml'),
    `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${join(directory, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\n${authYaml}`,
  );
  const child: ChildProcess = spawn(TOOLS.registry, ['serve', join(directory, 'config.yml')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const host = `127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(directory, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const response = await fetch(`http://${host}/v2/`);
      if (response.status === 200 || response.status === 401) return { host, stop };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`docker-registry did not start on ${host}: ${stderr.trim().slice(-500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function authSection(auth: RegistryAuth, directory: string): Promise<string> {
  if (auth.kind === 'none') return '';
  if (auth.kind === 'htpasswd') {
    const file = join(directory, 'htpasswd');
    writeFileSync(file, '');
    for (const [user, password] of Object.entries(auth.users)) await run(TOOLS.htpasswd, ['-Bb', file, user, password]);
    return `auth:\n  htpasswd:\n    realm: shipshape-test\n    path: ${file}\n`;
  }
  const bundle = join(directory, 'token-ca.pem');
  writeFileSync(bundle, auth.certificate);
  return `auth:\n  token:\n    realm: ${auth.realm}\n    service: ${auth.service}\n    issuer: ${auth.issuer}\n    rootcertbundle: ${bundle}\n`;
}

/** The registry cannot listen on port 0, so the test asks the kernel for a free port first. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * `skopeo copy` of one tag of a layout to `<host>/<name>:<tag>`: --all keeps every platform of
 * an index, digests unchanged unless `dockerFormat` converts it to a Docker manifest (list).
 */
export async function push(layout: string, tag: string, destination: string, options: { credentials?: string; dockerFormat?: boolean } = {}): Promise<void> {
  const args = ['copy', '--quiet', '--all', '--dest-tls-verify=false'];
  args.push(...(options.dockerFormat ? ['--format', 'v2s2'] : ['--preserve-digests']));
  if (options.credentials) args.push('--dest-creds', options.credentials);
  args.push(`oci:${layout}:${tag}`, `docker://${destination}`);
  await run(TOOLS.skopeo, args, { timeout: 60_000 });
}

/** The digest skopeo (not our client) sees for an image: sha256 of its raw manifest. */
export async function rawManifestDigest(reference: string): Promise<string> {
  const { stdout } = await run(TOOLS.skopeo, ['inspect', '--raw', '--tls-verify=false', `docker://${reference}`], { timeout: 30_000, encoding: 'buffer' });
  return `sha256:${createHash('sha256').update(stdout).digest('hex')}`;
}
