import { execFile } from 'node:child_process';
import { createPrivateKey, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TOOLS } from './registry-server';

const run = promisify(execFile);

export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  /** PEM the registry trusts (its rootcertbundle). */
  certificate: string;
  /** Every token request's query and whether it carried Basic credentials. */
  requests: { scope: string | null; service: string | null; basic: boolean }[];
  stop(): Promise<void>;
}

/**
 * The registry's token mode needs someone to sign tokens: this is that someone, on loopback.
 * A self-signed P-256 certificate (openssl) goes into the registry's root bundle, and every
 * token is an ES256 JWT carrying it in `x5c`, granting the actions the scope asks for.
 */
export async function startTokenServer(directory: string, port: number): Promise<TokenServer> {
  const keyFile = join(directory, 'token.key');
  const certFile = join(directory, 'token.pem');
  await run(TOOLS.openssl, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', '/CN=shipshape-test-token']);
  const certificate = readFileSync(certFile, 'utf8');
  const key = createPrivateKey(readFileSync(keyFile));
  const der = certificate.replace(/-----[A-Z ]+-----|\s/g, '');
  const service = 'shipshape-test-registry';
  const issuer = 'shipshape-test-issuer';
  const requests: TokenServer['requests'] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const scope = url.searchParams.get('scope');
    requests.push({ scope, service: url.searchParams.get('service'), basic: /^Basic /.test(request.headers.authorization ?? '') });
    const access = (scope ?? '').split(' ').filter(Boolean).map((item) => {
      const [type, ...rest] = item.split(':');
      const actions = rest.pop() ?? '';
      return { type, name: rest.join(':'), actions: actions.split(',') };
    });
    const token = jwt(key, der, { iss: issuer, sub: 'anonymous', aud: service, access });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ token, expires_in: 300 }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certificate,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function jwt(key: KeyObject, certificateDer: string, claims: Record<string, unknown>): string {
  const now = Math.floor(Date.now() / 1000);
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${encode({ typ: 'JWT', alg: 'ES256', x5c: [certificateDer] })}.${encode({ ...claims, iat: now, nbf: now - 10, exp: now + 300, jti: randomUUID() })}`;
  const signature = sign('sha256', Buffer.from(body), { key, dsaEncoding: 'ieee-p1363' });
  return `${body}.${signature.toString('base64url')}`;
}
