import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dockerignoreMatcher } from '../../../server/src/engine/context/dockerignore';
import { unignoredSecrets } from '../../../server/src/engine/context/secret-files';

test('one matcher per .dockerignore text, answering as Docker does', () => {
  const matcher = dockerignoreMatcher('node_modules\n*.log\n!keep.log\n');
  assert.equal(dockerignoreMatcher('node_modules\n*.log\n!keep.log\n'), matcher);
  assert.notEqual(dockerignoreMatcher('node_modules\n'), matcher);
  assert.deepEqual(['node_modules/x.js', './debug.log', 'keep.log', 'src/app.js', '.', ''].map(matcher), [true, true, false, false, false, false]);
  // Another text gets its own answers, even for the same paths.
  assert.equal(dockerignoreMatcher('src\n')('src/app.js'), true);
  assert.equal(matcher('src/app.js'), false);
});

test('secret files: names first, and an .npmrc is read only when .dockerignore keeps it', () => {
  const read: string[] = [];
  const context = {
    dockerignore: null,
    files: ['.env', 'app/.npmrc', 'ignored/.npmrc', 'id_rsa.pub', 'src/main.go', 'node_modules/pkg/.env', 'certs/server.key'],
    readFile: (path: string) => {
      read.push(path);
      return '//registry.npmjs.org/:_authToken=abc\n';
    },
  };
  assert.deepEqual(unignoredSecrets(context, dockerignoreMatcher('ignored\ncerts/*.key\n')), ['.env', 'app/.npmrc']);
  assert.deepEqual(read, ['app/.npmrc']);
});
