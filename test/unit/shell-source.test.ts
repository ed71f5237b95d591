import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildDockerfileModel } from '../../server/src/engine/dockerfile/model';
import { shellSource } from '../../server/src/engine/dockerfile/shell-source';

function sourceOf(text: string, index = 1) {
  const model = buildDockerfileModel(text);
  const instruction = model.ast.getInstructions()[index];
  const source = shellSource(model, instruction);
  assert.ok(source);
  return source;
}

test('continuations are joined and comment lines inside them dropped, positions stay exact', () => {
  const source = sourceOf('FROM debian:13\nRUN apt-get update \\\n# a comment\n    && apt-get install -y curl\n');
  assert.equal(source.text, 'apt-get update     && apt-get install -y curl');
  const install = source.text.indexOf('install');
  assert.deepEqual(source.rangeOf(install, install + 'install'.length), { start: { line: 3, character: 15 }, end: { line: 3, character: 22 } });
  assert.deepEqual(source.positionAt(0), { line: 1, character: 4 });
});

test('flags are not part of the script; CRLF and backtick escapes are handled', () => {
  const source = sourceOf('# escape=`\r\nFROM debian:13\r\nRUN --mount=type=cache,target=/var/cache/apt a `\r\n  b\r\n', 1);
  assert.equal(source.text, 'a   b');
  assert.deepEqual(source.positionAt(4), { line: 3, character: 2 });
});

test('a RUN that is only a heredoc runs the heredoc body', () => {
  const source = sourceOf('FROM debian:13\nRUN <<EOF\nset -e\napt-get update\nEOF\n');
  assert.equal(source.text, 'set -e\napt-get update');
  assert.deepEqual(source.positionAt(source.text.indexOf('apt-get')), { line: 3, character: 0 });
});

test('a heredoc feeding a command keeps the whole text for the shell', () => {
  const source = sourceOf('FROM debian:13\nRUN cat <<EOF > /etc/app.conf\nkey=value\nEOF\n');
  assert.match(source.text, /^cat <<EOF > \/etc\/app.conf\nkey=value\nEOF/);
});

test('CRLF: the shell sees plain line feeds, positions stay exact', () => {
  const source = sourceOf('FROM debian:13\r\nRUN <<EOF\r\napt-get update\r\napt-get install -y curl\r\nEOF\r\n');
  assert.equal(source.text, 'apt-get update\napt-get install -y curl');
  const curl = source.text.indexOf('curl');
  assert.deepEqual(source.rangeOf(curl, curl + 4), { start: { line: 3, character: 19 }, end: { line: 3, character: 23 } });
});

// Found by scripts/fuzz: the trailing-blank pattern backtracked over a long run of inner spaces (2 s for 26,000).
test('a continued line with a long run of spaces inside is joined in linear time, positions exact', { timeout: 10_000 }, () => {
  const spaces = ' '.repeat(200_000);
  const source = sourceOf(`FROM node:24\nRUN echo x \\\n &&${spaces}npm ci \t\\\n  --quiet\n`);
  assert.equal(source.text, `echo x  &&${spaces}npm ci \t  --quiet`);
  const ci = source.text.indexOf('ci');
  assert.deepEqual(source.positionAt(ci), { line: 2, character: 3 + spaces.length + 4 });
});
