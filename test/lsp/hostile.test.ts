/**
 * Hostile input through the real server: each document gets findings or one clear message
 * within the server's own time limit per analysis, the server stays up, and another file is
 * served meanwhile. The limit is the server's (initializationOptions.analysisTimeoutMs); the
 * slack on top only absorbs a busy machine starting threads and passing messages.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { CodeActionRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { HOSTILE_INPUTS, TOO_DEEP } from '../hostile-inputs';
import { NODE_DOCKERFILE, ServerUnderTest, vscodeLikeCapabilities } from './harness';

const LIMIT_MS = 3000;
const SLACK_MS = 15_000;
const STOPPED = new RegExp(`^Shipshape stopped analysing this file after ${LIMIT_MS / 1000} s, its time limit, so it shows no findings for it\\.$`);

let server: ServerUnderTest;
let opened = 0;

before(async () => {
  ({ server } = await ServerUnderTest.start(vscodeLikeCapabilities, undefined, undefined, { analysisTimeoutMs: LIMIT_MS }));
  // Every rule at its default level: the hostile inputs must survive all of them.
  server.configuration = {};
});

after(async () => {
  await server.stop();
});

/** Opens the hostile document and a plain one; both must publish, the hostile one within the limit. */
async function analyse(name: string, text: string, languageId: string): Promise<Diagnostic[]> {
  const index = opened++;
  const uri = `file:///hostile/${index}/${name}`;
  const other = `file:///hostile/${index}/other/Dockerfile`;
  const since = server.published.length;
  await server.open(uri, text, languageId);
  await server.open(other, NODE_DOCKERFILE);
  const [hostile, plain] = await Promise.all([server.waitForPublish(uri, () => true, since, LIMIT_MS + SLACK_MS), server.waitForPublish(other, () => true, since, LIMIT_MS + SLACK_MS)]);
  assert.ok(plain.diagnostics.some((diagnostic) => diagnostic.code === 'image-latest-tag'), 'the other file is analysed as usual');
  assert.ok(server.alive);
  await server.close(uri);
  await server.close(other);
  return hostile.diagnostics;
}

const messages = (diagnostics: Diagnostic[]) => diagnostics.map((diagnostic) => String(diagnostic.message));
/** Findings of rules, or the one message that the time limit was reached: never a failure. */
function findingsOrStopped(diagnostics: Diagnostic[]): void {
  if (diagnostics.some((diagnostic) => STOPPED.test(String(diagnostic.message)))) assert.equal(diagnostics.length, 1);
  else assert.ok(diagnostics.every((diagnostic) => typeof diagnostic.code === 'string' || /^YAML syntax error: /.test(String(diagnostic.message)) || TOO_DEEP.test(String(diagnostic.message))), messages(diagnostics).join('\n'));
}

test('a slow document is stopped at the time limit while another file is served and answered', async () => {
  const { text } = HOSTILE_INPUTS.find((input) => input.name === '100,000 instructions')!;
  const uri = 'file:///slow/Dockerfile';
  const other = 'file:///while-slow/Dockerfile';
  const since = server.published.length;
  await server.open(uri, text);
  await server.open(other, NODE_DOCKERFILE);
  const plain = await server.waitForPublish(other, () => true, since, SLACK_MS);
  const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: other }, range: plain.diagnostics[0].range, context: { diagnostics: plain.diagnostics, only: ['quickfix'] } });
  assert.ok(actions && actions.length > 0, 'a quick fix for the other file');
  assert.equal(server.published.slice(since).some((params) => params.uri === uri), false, 'answered while the slow one still runs');
  const { diagnostics } = await server.waitForPublish(uri, () => true, since, LIMIT_MS + SLACK_MS);
  assert.deepEqual(messages(diagnostics), [`Shipshape stopped analysing this file after ${LIMIT_MS / 1000} s, its time limit, so it shows no findings for it.`]);
  assert.equal(diagnostics[0].severity, 3);
  // Typing on goes on: the next version is analysed (and stopped) again, not left stale.
  const version = await server.change(uri, `${text}# one more line\n`);
  const again = await server.waitForPublish(uri, (params) => params.version === version, 0, LIMIT_MS + SLACK_MS);
  assert.match(String(again.diagnostics[0].message), STOPPED);
  await server.close(uri);
  await server.close(other);
});

test('a 50 MB Dockerfile gets the one "larger than 5 MB" message', async () => {
  const text = `FROM alpine:3.20\n${'RUN echo 0123456789012345678901234567890123456789\n'.repeat(1_000_000)}`;
  assert.ok(text.length > 50_000_000);
  assert.deepEqual(messages(await analyse('Dockerfile', text, 'dockerfile')), ['This file is larger than 5 MB, so Shipshape does not analyse it.']);
});

for (const input of HOSTILE_INPUTS) {
  test(`hostile input: ${input.name} (${input.languageId})`, async () => {
    const diagnostics = await analyse(input.fileName, input.text, input.languageId);
    findingsOrStopped(diagnostics);
    if (input.expect === 'findings') assert.ok(diagnostics.some((diagnostic) => diagnostic.code !== undefined), messages(diagnostics).join('\n'));
    if (input.expect === 'nothing') assert.deepEqual(messages(diagnostics), []);
    if (input.expect instanceof RegExp) {
      const expected = input.expect;
      const problem = diagnostics.find((diagnostic) => expected.test(String(diagnostic.message)));
      assert.ok(problem, messages(diagnostics).join('\n'));
      assert.equal(problem.range.start.line, input.line);
    }
  });
}
