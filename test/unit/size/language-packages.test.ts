import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimateNpmInstall } from '../../../server/src/engine/size/language-packages';

const MB = 1_000_000;

describe('estimateNpmInstall', () => {
  test('express: the measured closure, largest first, each package once', () => {
    const result = estimateNpmInstall(['express']);
    assert.ok(result.packages.some((row) => /^express@\d/.test(row.id)));
    assert.ok(result.packages.length > 30, `${result.packages.length}`);
    assert.ok(result.bytes > 1 * MB && result.bytes < 10 * MB, `${result.bytes}`);
    assert.deepEqual(result.unknown, []);
    for (let index = 1; index < result.packages.length; index++) assert.ok(result.packages[index - 1].bytes >= result.packages[index].bytes);
    assert.match(result.source, /npm install --ignore-scripts/);
  });

  test('shared dependencies count once', () => {
    const both = estimateNpmInstall(['express', 'axios']);
    const apart = estimateNpmInstall(['express']).bytes + estimateNpmInstall(['axios']).bytes;
    assert.ok(both.bytes < apart, `${both.bytes} < ${apart}`);
    assert.equal(new Set(both.packages.map((row) => row.id)).size, both.packages.length);
  });

  test('versions and scopes are read by name; unknown packages are listed', () => {
    assert.equal(estimateNpmInstall(['@nestjs/core@^10']).unknown.length, 0);
    assert.equal(estimateNpmInstall(['typescript@5']).packages[0].requiredBy, 'typescript');
    assert.deepEqual(estimateNpmInstall(['left-pad-that-does-not-exist']), { ...estimateNpmInstall([]), unknown: ['left-pad-that-does-not-exist'] });
    assert.deepEqual(estimateNpmInstall(['next']).unknown, []);
  });

  test('typescript alone is tens of megabytes', () => {
    const result = estimateNpmInstall(['typescript']);
    assert.ok(result.bytes > 15 * MB, `${result.bytes}`);
  });
});
