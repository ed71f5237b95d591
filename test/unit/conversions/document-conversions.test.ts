/** Merge RUN Instructions, Convert CMD/ENTRYPOINT to Exec Form and Add exec, as the palette runs them. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, convert, editsByFile, type BuildContext, type Range } from '../../../server/src/engine';

function run(id: string, text: string, selection?: Range, context?: BuildContext): string {
  const result = convert(id, { text, selection, context });
  assert.ok('fix' in result, 'reason' in result ? result.reason : '');
  return applyEdits(text, result.fix.edits);
}

const lines = (start: number, end: number): Range => ({ start: { line: start, character: 0 }, end: { line: end, character: 3 } });

describe('Merge RUN Instructions', () => {
  const text = 'FROM debian:13\nRUN apt-get update\nRUN apt-get install -y curl\nENV A=1\nRUN a \\\n    && b\nRUN c\nRUN --mount=type=cache,target=/x d\n';

  test('the whole file: every mergeable run, in the file\'s continuation style', () => {
    assert.equal(run('mergeRuns', text), 'FROM debian:13\nRUN apt-get update \\\n    && apt-get install -y curl\nENV A=1\nRUN a \\\n    && b \\\n    && c\nRUN --mount=type=cache,target=/x d\n');
  });

  test('a selection merges only the RUNs it touches', () => {
    assert.equal(run('mergeRuns', text, lines(4, 6)), 'FROM debian:13\nRUN apt-get update\nRUN apt-get install -y curl\nENV A=1\nRUN a \\\n    && b \\\n    && c\nRUN --mount=type=cache,target=/x d\n');
  });

  test('nothing to merge', () => {
    assert.deepEqual(convert('mergeRuns', { text: 'FROM debian:13\nRUN a\nENV B=1\nRUN c\n' }), { reason: 'no consecutive RUNs can be merged' });
  });
});

describe('Convert CMD/ENTRYPOINT to Exec Form', () => {
  test('every shell-form command of the file, with exact JSON escaping', () => {
    const text = 'FROM node:22\nENTRYPOINT tini --\nCMD node "server.js" --name \'a "quoted" \\\\ word\'\n';
    assert.equal(run('convertToExecForm', text), 'FROM node:22\nENTRYPOINT ["tini", "--"]\nCMD ["node", "server.js", "--name", "a \\"quoted\\" \\\\\\\\ word"]\n');
  });

  test('the command under the cursor only', () => {
    const text = 'FROM node:22\nENTRYPOINT tini --\nCMD node server.js\n';
    assert.equal(run('convertToExecForm', text, { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } }), 'FROM node:22\nENTRYPOINT tini --\nCMD ["node", "server.js"]\n');
  });

  test('a command that needs the shell goes through it with exec, and the fix is unsafe', () => {
    const text = 'FROM node:22\nCMD ./migrate && node server.js --port $PORT\n';
    const result = convert('convertToExecForm', { text });
    assert.ok('fix' in result);
    assert.equal(result.fix.safety, 'unsafe');
    assert.equal(applyEdits(text, result.fix.edits), 'FROM node:22\nCMD ["/bin/sh", "-c", "./migrate && exec node server.js --port $PORT"]\n');
  });

  test('never through a shell the image does not have', () => {
    assert.match((convert('convertToExecForm', { text: 'FROM gcr.io/distroless/static-debian13\nCMD /app --port $PORT\n' }) as { reason: string }).reason, /shell/);
  });

  test('a distroless language image keeps only the script', () => {
    assert.equal(run('convertToExecForm', 'FROM gcr.io/distroless/nodejs22-debian13\nCMD node server.js\n'), 'FROM gcr.io/distroless/nodejs22-debian13\nCMD ["server.js"]\n');
  });
});

describe('Add exec', () => {
  test('in sh -c wrappers, as one safe edit of the Dockerfile', () => {
    const text = 'FROM node:22\nENTRYPOINT ["sh", "-c", "./migrate && node server.js"]\n';
    assert.equal(run('addExec', text), 'FROM node:22\nENTRYPOINT ["sh", "-c", "./migrate && exec node server.js"]\n');
  });

  test('in the entrypoint script the image runs: an unsafe edit of that file', () => {
    const scripts: Record<string, string> = { 'docker/entrypoint.sh': '#!/bin/sh\nset -e\n./migrate\nnode server.js "$@"\n' };
    const context: BuildContext = { dockerignore: '', readFile: (path) => scripts[path] };
    const text = 'FROM node:22\nCOPY docker/entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\n';
    const result = convert('addExec', { text, context });
    assert.ok('fix' in result);
    assert.equal(result.fix.safety, 'unsafe');
    const groups = editsByFile(result.fix.edits);
    assert.deepEqual([...groups.keys()], ['docker/entrypoint.sh']);
    assert.equal(applyEdits(scripts['docker/entrypoint.sh'], groups.get('docker/entrypoint.sh') ?? []), '#!/bin/sh\nset -e\n./migrate\nexec node server.js "$@"\n');
    assert.equal(applyEdits(text, result.fix.edits), text, 'an edit of another file never lands in the Dockerfile');
  });

  test('nothing to add', () => {
    assert.ok('reason' in convert('addExec', { text: 'FROM node:22\nCMD ["node", "server.js"]\n' }));
  });
});
