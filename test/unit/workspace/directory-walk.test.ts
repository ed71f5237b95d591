import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { listContextFiles } from '../../../server/src/host/build-context';
import { contextSizes } from '../../../server/src/host/context-sizes';
import { walkDirectorySync } from '../../../server/src/host/directory-walk';
import { workspace } from '../../cli/harness';

const TREE = { 'a/b/deep.txt': 'd', 'a/mid.txt': 'm', 'top.txt': 't', 'z/last.txt': 'l' };
const keepAll = { enter: () => true, keep: () => true, sorted: true };

describe('walkDirectorySync', () => {
  test('depth first goes down a folder before its siblings; breadth first reads folder by folder', () => {
    const root = workspace(TREE);
    assert.deepEqual([...walkDirectorySync(root, { ...keepAll, limits: {} }).kept.keys()], ['a/b/deep.txt', 'a/mid.txt', 'top.txt', 'z/last.txt']);
    assert.deepEqual([...walkDirectorySync(root, { ...keepAll, limits: {}, breadthFirst: true }).kept.keys()], ['top.txt', 'a/mid.txt', 'z/last.txt', 'a/b/deep.txt']);
  });

  test('a folder too deep is passed by and the rest walked; the kept limit stops the walk; both say so', () => {
    const root = workspace(TREE);
    const shallow = walkDirectorySync(root, { ...keepAll, limits: { maxDepth: 1 } });
    assert.deepEqual([...shallow.kept.keys()], ['a/mid.txt', 'top.txt', 'z/last.txt']);
    assert.equal(shallow.cutShort, 'depth');
    const few = walkDirectorySync(root, { ...keepAll, limits: { maxKept: 2 } });
    assert.deepEqual([...few.kept.keys()], ['a/b/deep.txt', 'a/mid.txt']);
    assert.equal(few.cutShort, 'kept');
  });

  test('a folder not entered can still be kept; a missing root is an empty walk', () => {
    const root = workspace(TREE);
    const walk = walkDirectorySync(root, { sorted: true, limits: {}, enter: (entry) => entry.name !== 'a', keep: (entry) => (entry.isDirectory ? true : undefined) });
    assert.deepEqual([...walk.kept.keys()], ['a']);
    assert.equal(walkDirectorySync(join(root, 'missing'), { ...keepAll, limits: {} }).kept.size, 0);
  });
});

describe('the build context walks', () => {
  test('the listing names node_modules without its content and stops at its file limit', () => {
    const root = workspace({ 'node_modules/x/index.js': '', 'src/app.js': '' });
    assert.deepEqual(listContextFiles(root).sort(), ['node_modules', 'src/app.js']);
    assert.equal(listContextFiles(root, { maxFiles: 1, maxDepth: 8, maxReadBytes: 1024 }).length, 1);
  });

  test('sizes honour .dockerignore and say when the walk was bounded', () => {
    const root = workspace({ 'node_modules/x/index.js': '12345', 'logs/a.log': '123', 'src/app.js': '12', '.dockerignore': 'logs\n' });
    const sizes = contextSizes(root, 'logs\n');
    assert.deepEqual([...sizes.files].sort(), [['.dockerignore', 5], ['node_modules/x/index.js', 5], ['src/app.js', 2]]);
    assert.equal(sizes.complete, true);
    assert.equal(contextSizes(root, 'logs\n', { maxFiles: 20, maxDepth: 1 }).complete, false);
    assert.equal(contextSizes(root, 'logs\n', { maxFiles: 2, maxDepth: 32 }).complete, false);
  });
});
