import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseChallenges, type Challenge } from '../../../server/src/engine/registry/challenge';

const c = (scheme: string, params: Record<string, string> = {}, token68?: string): Challenge =>
  token68 === undefined ? { scheme, params } : { scheme, params, token68 };

const CASES: [string, string, Challenge[]][] = [
  ['Docker Hub bearer', 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull"', [
    c('bearer', { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/node:pull' }),
  ]],
  ['basic with a realm', 'Basic realm="Registry Realm"', [c('basic', { realm: 'Registry Realm' })]],
  ['scheme alone', 'Basic', [c('basic')]],
  ['case-insensitive scheme and names', 'BEARER Realm="r", SERVICE=svc', [c('bearer', { realm: 'r', service: 'svc' })]],
  ['commas inside quotes', 'Bearer realm="https://a/token",scope="repository:a:pull,push repository:b:pull"', [
    c('bearer', { realm: 'https://a/token', scope: 'repository:a:pull,push repository:b:pull' }),
  ]],
  ['escaped quote and backslash', 'Basic realm="say \\"hi\\" \\\\ bye"', [c('basic', { realm: 'say "hi" \\ bye' })]],
  ['spaces around = and commas', 'Bearer realm = "r" ,  service = s', [c('bearer', { realm: 'r', service: 's' })]],
  ['two challenges', 'Bearer realm="https://a/token", error="invalid_token", Basic realm="b"', [
    c('bearer', { realm: 'https://a/token', error: 'invalid_token' }),
    c('basic', { realm: 'b' }),
  ]],
  ['three challenges, one bare', 'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple", Negotiate', [
    c('newauth', { realm: 'apps', type: '1', title: 'Login to "apps"' }),
    c('basic', { realm: 'simple' }),
    c('negotiate'),
  ]],
  ['token68', 'Negotiate a87421000492aa874209af8bc028, Basic realm="x"', [c('negotiate', {}, 'a87421000492aa874209af8bc028'), c('basic', { realm: 'x' })]],
  ['token68 with padding', 'Negotiate YWJjZA==', [c('negotiate', {}, 'YWJjZA==')]],
  ['empty list elements', ' , Basic realm="x" ,, ', [c('basic', { realm: 'x' })]],
  ['unterminated quote drops the tail', 'Bearer realm="https://a, Basic', [c('bearer')]],
  ['empty header', '', []],
  ['garbage', '"quoted"', []],
];

describe('parseChallenges', () => {
  for (const [name, header, expected] of CASES) {
    test(name, () => {
      assert.deepEqual(parseChallenges(header).map((challenge) => ({ ...challenge, params: { ...challenge.params } })), expected);
    });
  }
});
