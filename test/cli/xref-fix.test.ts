import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { nodeFileSystem } from '../../server/src/cli/io';
import { main } from '../../server/src/cli/main';
import { allRules } from '../../server/src/engine';
import { workspace } from './harness';

const DOCKERFILE = 'FROM debian:bookworm-slim\nRUN useradd --uid 10001 --no-create-home app\nCOPY server /server\nUSER app\nENTRYPOINT ["/server"]\n';
const COMPOSE = 'services:\n  api:\n    build: services/api\n    image: ghcr.io/acme/api:dev\n';
const manifest = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.0\n`;
const ONLY_THE_RULE = allRules.flatMap((rule) => ['--rule', `${rule.id}=${rule.id === 'xref-run-as-non-root-vs-image-user' ? 'error' : 'off'}`]);

function check(cwd: string, args: string[]): { code: number; stdout: string } {
  let stdout = '';
  const code = main(['check', ...args, '--fix-unsafe', ...ONLY_THE_RULE], { cwd, env: {}, stdout: { write: (text) => void (stdout += text) }, stderr: { write: () => undefined }, fs: nodeFileSystem });
  return { code: code as number, stdout };
}

test('--fix-unsafe on manifests writes the numeric USER into the Dockerfile of their image, in another folder of the workspace', () => {
  const cwd = workspace({ 'docker-compose.yml': COMPOSE, 'services/api/Dockerfile': DOCKERFILE, 'k8s/a.yaml': manifest('a'), 'k8s/b.yaml': manifest('b') });
  const { code, stdout } = check(cwd, ['.']);
  assert.equal(readFileSync(join(cwd, 'services/api/Dockerfile'), 'utf8'), DOCKERFILE.replace('USER app', 'USER 10001'));
  // The manifests stay as they are: the second one sees the Dockerfile the first one's fix wrote.
  assert.equal(readFileSync(join(cwd, 'k8s/a.yaml'), 'utf8'), manifest('a'));
  assert.equal(readFileSync(join(cwd, 'k8s/b.yaml'), 'utf8'), manifest('b'));
  assert.match(stdout, /^Fixed services\/api\/Dockerfile$/m);
  assert.doesNotMatch(stdout, /xref-run-as-non-root-vs-image-user/);
  assert.equal(code, 0);
});

test('--fix: a manifest checked after its Dockerfile was fixed sees the fixed text, not what the workspace index read before', () => {
  const rules = allRules.flatMap((rule) => ['--rule', `${rule.id}=${rule.id === 'xref-run-as-non-root-vs-image-user' || rule.id === 'user-non-numeric' ? 'error' : 'off'}`]);
  // In the order checked: k8s/a.yaml (the index is read), services/api/Dockerfile (USER app -> USER 10001, a safe fix), workloads/b.yaml.
  const cwd = workspace({ 'docker-compose.yml': COMPOSE, 'services/api/Dockerfile': DOCKERFILE, 'k8s/a.yaml': manifest('a'), 'workloads/b.yaml': manifest('b') });
  let stdout = '';
  main(['check', '.', '--fix', '--format', 'json', ...rules], { cwd, env: {}, stdout: { write: (text) => void (stdout += text) }, stderr: { write: () => undefined }, fs: nodeFileSystem });
  assert.equal(readFileSync(join(cwd, 'services/api/Dockerfile'), 'utf8'), DOCKERFILE.replace('USER app', 'USER 10001'));
  const findings = (JSON.parse(stdout) as { findings: { file: string; rule: string; line: number }[] }).findings.map(({ file, rule, line }) => `${file}:${line} ${rule}`);
  // k8s/a.yaml was checked while the Dockerfile still said USER app; b.yaml after the fix.
  assert.deepEqual(findings, ['k8s/a.yaml:9 xref-run-as-non-root-vs-image-user']);
});
