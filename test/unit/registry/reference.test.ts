import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatReference, normalizeReference, registryApiHost } from '../../../server/src/engine/registry/reference';

const DIGEST = `sha256:${'a'.repeat(64)}`;

// written → fully spelled out, as `docker pull` would resolve it.
const VALID: [string, string][] = [
  ['node', 'docker.io/library/node:latest'],
  ['node:22-slim', 'docker.io/library/node:22-slim'],
  ['library/node', 'docker.io/library/node:latest'],
  ['docker.io/node', 'docker.io/library/node:latest'],
  ['index.docker.io/library/node:20', 'docker.io/library/node:20'],
  ['bitnami/redis:7.2', 'docker.io/bitnami/redis:7.2'],
  ['ghcr.io/owner/app:v1', 'ghcr.io/owner/app:v1'],
  ['gcr.io/distroless/static-debian12:nonroot', 'gcr.io/distroless/static-debian12:nonroot'],
  ['localhost/app', 'localhost/app:latest'],
  ['localhost:5000/app:1.0', 'localhost:5000/app:1.0'],
  ['127.0.0.1:5000/team/app', '127.0.0.1:5000/team/app:latest'],
  ['[::1]:5000/app:dev', '[::1]:5000/app:dev'],
  ['Registry/app', 'Registry/app:latest'],
  ['registry:5000/a/b/c:tag', 'registry:5000/a/b/c:tag'],
  [`node@${DIGEST}`, `docker.io/library/node@${DIGEST}`],
  [`node:22@${DIGEST}`, `docker.io/library/node:22@${DIGEST}`],
  [`localhost:5000/app:1@${DIGEST}`, `localhost:5000/app:1@${DIGEST}`],
  ['my_org/my-app__x', 'docker.io/my_org/my-app__x:latest'],
  ['  node:22  ', 'docker.io/library/node:22'],
];

const INVALID: [string, RegExp][] = [
  ['', /empty/],
  ['Node', /invalid repository name "Node"/],
  ['docker.io/Library/node', /invalid repository/],
  ['node:', /invalid tag ""/],
  ['node:-bad', /invalid tag/],
  [`node:${'x'.repeat(129)}`, /invalid tag/],
  ['node@sha256:abc', /invalid (sha256 )?digest/],
  ['node@md5', /invalid digest/],
  ['a/-b', /invalid repository/],
  ['a//b', /invalid repository/],
  ['ex_ample.com/app', /invalid registry host/],
  [`x.io/${'a'.repeat(260)}`, /longer than 255/],
];

describe('normalizeReference', () => {
  for (const [written, expected] of VALID) {
    test(`${JSON.stringify(written)} → ${expected}`, () => {
      const result = normalizeReference(written);
      assert.ok('reference' in result, JSON.stringify(result));
      assert.equal(formatReference(result.reference), expected);
    });
  }
  for (const [written, message] of INVALID) {
    test(`${JSON.stringify(written.slice(0, 40))} is rejected`, () => {
      const result = normalizeReference(written);
      assert.ok('error' in result, JSON.stringify(result));
      assert.match(result.error, message);
    });
  }

  test('Docker Hub is reached at registry-1.docker.io; other hosts as written', () => {
    assert.equal(registryApiHost('docker.io'), 'registry-1.docker.io');
    assert.equal(registryApiHost('localhost:5000'), 'localhost:5000');
  });
});
