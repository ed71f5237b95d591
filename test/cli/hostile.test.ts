/**
 * Hostile input through `shipshape check`: a clear message or findings, never a crash or a
 * stack trace. The CLI has no time limit of its own (CI waits for it), so the inputs here are
 * those the engine reads quickly; the ones that may take seconds go through the server's limit
 * (test/lsp/hostile.test.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { nodeFileSystem } from '../../server/src/cli/io';
import { HOSTILE_INPUTS } from '../hostile-inputs';
import { workspace, type Run } from './harness';

/** `shipshape check <file> --format json` with every rule at its default level. */
function check(files: Record<string, string | Uint8Array>, file: string): Run & { json: { findings: { rule: string }[]; syntaxErrors: { message: string; line: number }[] } } {
  const cwd = workspace(files);
  let stdout = '';
  let stderr = '';
  const code = main(['check', file, '--format', 'json', '--fail-on', 'none'], { cwd, env: {}, stdout: { write: (text) => void (stdout += text) }, stderr: { write: (text) => void (stderr += text) }, fs: nodeFileSystem });
  assert.equal(typeof code, 'number');
  assert.doesNotMatch(stderr, /internal error|\n\s+at /, 'no crash, no stack trace');
  return { code: code as number, stdout, stderr, json: JSON.parse(stdout) };
}

test('a 50 MB file is skipped with one line saying so', () => {
  const result = check({ Dockerfile: `FROM alpine:3.20\n${'RUN echo 0123456789012345678901234567890123456789\n'.repeat(1_000_000)}` }, 'Dockerfile');
  assert.equal(result.stderr, 'shipshape: skipped Dockerfile: larger than 5 MB\n');
  assert.deepEqual(result.json.findings, []);
});

test('files with NUL bytes are skipped as binary, as Dockerfile and as YAML', () => {
  const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
  for (const file of ['Dockerfile', 'deploy.yaml']) {
    const result = check({ [file]: bytes }, file);
    assert.equal(result.stderr, `shipshape: skipped ${file}: binary file (contains NUL bytes)\n`);
  }
});

test('invalid UTF-8 without NULs is read with replacement characters, as Dockerfile and as YAML', () => {
  const invalid = Uint8Array.of(0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe);
  const dockerfile = check({ Dockerfile: Buffer.concat([Buffer.from('FROM alpine:latest\nRUN echo '), invalid, Buffer.from('\n')]) }, 'Dockerfile');
  assert.ok(dockerfile.json.findings.some((finding) => finding.rule === 'image-latest-tag'));
  const manifest = check({ 'pod.yaml': Buffer.concat([Buffer.from('apiVersion: v1\nkind: Pod\nmetadata:\n  name: "'), invalid, Buffer.from('"\nspec:\n  containers:\n  - name: a\n    image: x:1\n    securityContext: {privileged: true}\n')]) }, 'pod.yaml');
  assert.ok(manifest.json.findings.some((finding) => finding.rule === 'k8s-privileged'));
});

// Binary content is covered above; elsewhere a NUL only stands for "a character the pattern
// does not expect", and the CLI would skip the file for it, so U+0001 takes its place.
for (const input of HOSTILE_INPUTS.filter((candidate) => candidate.expect !== 'findings-or-stopped' && !candidate.name.startsWith('binary'))) {
  test(`hostile input: ${input.name} (${input.languageId})`, () => {
    const file = input.languageId === 'yaml' ? 'input.yaml' : 'Dockerfile';
    const result = check({ [file]: input.text.replaceAll('\u0000', '\u0001') }, file);
    if (input.expect === 'findings') assert.ok(result.json.findings.length > 0);
    if (input.expect === 'nothing') assert.deepEqual([result.json.findings, result.json.syntaxErrors, result.stderr], [[], [], '']);
    if (input.expect instanceof RegExp) {
      // Broken input: one syntax error, exit code 2, as for any file the CLI cannot analyse.
      assert.equal(result.code, 2);
      assert.ok(input.expect.test(result.json.syntaxErrors[0]?.message ?? ''), JSON.stringify(result.json.syntaxErrors));
      assert.equal(result.json.syntaxErrors[0].line, input.line! + 1);
    }
  });
}
