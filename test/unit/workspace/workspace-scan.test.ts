import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { WorkspaceIndex } from '../../../server/src/engine';
import { excludeMatcher, isExcludedPath } from '../../../server/src/host/file-excludes';
import { workspace } from '../../cli/harness';
import { absolutePathOf, describeCutShort, scanWorkspace, scanWorkspaceSync, WORKSPACE_SCAN_LIMITS, workspacePathOf } from '../../../server/src/host/workspace-scan';

const FILES = {
  'services/cart/Dockerfile': 'FROM scratch\n',
  'services/cart/main.go': 'package main\n',
  'services/cart/entrypoint.sh': '#!/bin/sh\nexec "$@"\n',
  'k8s/cart.yaml': 'kind: Pod\n',
  'skaffold.yaml': 'build: {}\n',
  Makefile: 'all:\n',
  'node_modules/x/Dockerfile': 'FROM node\n',
  '.git/config': '[core]\n',
  'out/Dockerfile': 'FROM built\n',
  'docs/readme.md': '# hi\n',
};

describe('scanWorkspace', () => {
  test('reads the relevant files only, skipping node_modules, .git and what files.exclude names', async () => {
    const root = workspace(FILES);
    const scan = await scanWorkspace(root, { isRelevant: WorkspaceIndex.isRelevant, excluded: excludeMatcher({ out: true, '**/*.md': true, '**/main.go': false }) });
    assert.deepEqual([...scan.files.keys()].sort(), ['Makefile', 'k8s/cart.yaml', 'services/cart/Dockerfile', 'services/cart/entrypoint.sh', 'skaffold.yaml']);
    assert.equal(scan.files.get('services/cart/Dockerfile'), 'FROM scratch\n');
    assert.equal(scan.cutShort, undefined);
    assert.equal(describeCutShort(scan), undefined);
  });

  test('the synchronous walk (the CLI) finds the same', async () => {
    const root = workspace(FILES);
    const options = { isRelevant: WorkspaceIndex.isRelevant };
    assert.deepEqual([...scanWorkspaceSync(root, options).files].sort(), [...(await scanWorkspace(root, options)).files].sort());
  });

  test('stops after the entry limit, breadth first, and says so', () => {
    const root = workspace({ 'a/b/c/Dockerfile': 'FROM deep\n', Dockerfile: 'FROM top\n', 'x.yaml': 'a: 1\n' });
    const limits = { ...WORKSPACE_SCAN_LIMITS, maxEntries: 3 };
    const scan = scanWorkspaceSync(root, { isRelevant: WorkspaceIndex.isRelevant, limits });
    assert.equal(scan.cutShort, 'entries');
    assert.deepEqual([...scan.files.keys()].sort(), ['Dockerfile', 'x.yaml']);
    assert.equal(describeCutShort(scan, limits), 'the workspace scan stopped after 3 files and folders; cross-file checks see only the 2 files read by then');
  });

  test('stops when its time is up', () => {
    const root = workspace(FILES);
    let clock = 0;
    const scan = scanWorkspaceSync(root, { isRelevant: WorkspaceIndex.isRelevant, now: () => (clock += 400) });
    assert.equal(scan.cutShort, 'time');
    assert.match(describeCutShort(scan) ?? '', /^the workspace scan stopped after 2000 ms/);
  });

  test('files too large are left out; a missing root gives an empty scan', () => {
    const root = workspace({ 'big.yaml': 'x'.repeat(2048), 'small.yaml': 'a: 1\n' });
    const scan = scanWorkspaceSync(root, { isRelevant: () => true, limits: { ...WORKSPACE_SCAN_LIMITS, maxFileBytes: 1024 } });
    assert.deepEqual([...scan.files.keys()], ['small.yaml']);
    assert.equal(scanWorkspaceSync(join(root, 'missing'), { isRelevant: () => true }).files.size, 0);
  });
});

describe('workspace paths', () => {
  test('a scanned path names the file under the root and maps back to itself; the root and files outside it have none', () => {
    const root = workspace(FILES);
    const scan = scanWorkspaceSync(root, { isRelevant: WorkspaceIndex.isRelevant });
    for (const [path, text] of scan.files) {
      assert.equal(readFileSync(absolutePathOf(root, path), 'utf8'), text);
      assert.equal(workspacePathOf(root, absolutePathOf(root, path)), path);
    }
    assert.equal(workspacePathOf(root, root), undefined);
    assert.equal(workspacePathOf(root, join(root, '..', 'elsewhere', 'Dockerfile')), undefined);
  });
});

describe('files.exclude', () => {
  test('globs, switched-off defaults and sibling conditions, as VS Code reads them', () => {
    const excluded = excludeMatcher({ '**/.DS_Store': true, 'build/': true, build: true, '**/*.js': { when: '$(basename).ts' }, '**/tmp': false, bad: 'yes' });
    assert.equal(excluded('a/b/.DS_Store', new Set()), true);
    assert.equal(excluded('build', new Set()), true);
    assert.equal(excluded('src/build', new Set()), false);
    assert.equal(excluded('src/app.js', new Set(['app.js', 'app.ts'])), true);
    assert.equal(excluded('src/app.js', new Set(['app.js'])), false);
    assert.equal(excluded('tmp', new Set()), false);
    assert.equal(excluded('bad', new Set()), false);
  });

  test('a file is excluded through any folder above it, as the walk would have skipped it', () => {
    const excluded = excludeMatcher({ out: true, '**/generated': true });
    assert.equal(isExcludedPath(excluded, 'out/Dockerfile'), true);
    assert.equal(isExcludedPath(excluded, 'services/api/generated/deploy.yaml'), true);
    assert.equal(isExcludedPath(excluded, 'services/out.yaml'), false);
    assert.equal(isExcludedPath(excluded, 'Dockerfile'), false);
  });

  test('anything but an object excludes nothing', () => {
    for (const setting of [undefined, null, [], 'x', 3]) assert.equal(excludeMatcher(setting)('a', new Set()), false);
  });
});
