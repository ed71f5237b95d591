import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import data from '../../../server/src/engine/images/data/end-of-life.json';
import { END_OF_LIFE_AS_OF, findLine, suggestLine, type LifecycleProduct } from '../../../server/src/engine/images/end-of-life';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const products = data.products as Record<string, LifecycleProduct>;

describe('end-of-life table', () => {
  test('is dated, and every line has dates in order and a source', () => {
    assert.match(END_OF_LIFE_AS_OF, ISO_DATE);
    for (const [id, product] of Object.entries(products)) {
      assert.ok(product.lines.length > 0, id);
      for (const line of product.lines) {
        const where = `${id} ${line.line}`;
        assert.match(line.released, ISO_DATE, where);
        assert.ok(line.released <= END_OF_LIFE_AS_OF, `${where} is released by the table date`);
        if (line.eol !== null) assert.ok(ISO_DATE.test(line.eol) && line.eol > line.released, where);
        assert.ok(line.source.length > 0, where);
      }
      if (product.successor) assert.ok(products[product.successor], `${id}'s successor is in the table`);
    }
  });

  test('covers the lines the catalog names', () => {
    for (const [product, version] of [['debian', '9'], ['ubuntu', '16.04'], ['centos', '7'], ['node', '16'], ['python', '2.7'], ['alpine', '3.12']]) {
      assert.ok(findLine(product, version)?.eol, `${product} ${version}`);
    }
  });

  test('matches versions by whole components and codenames', () => {
    assert.equal(findLine('python', '3.8.18')?.line, '3.8');
    assert.equal(findLine('python', '3.1'), undefined);
    assert.equal(findLine('python', '3'), undefined);
    assert.equal(findLine('postgres', '9.6.24')?.line, '9.6');
    assert.equal(findLine('postgres', '10.5')?.line, '10');
    assert.equal(findLine('debian', 'bullseye')?.line, '11');
    assert.equal(findLine('golang', '1.2'), undefined);
  });

  test('suggests supported lines only, LTS ones where the product has them', () => {
    assert.equal(suggestLine('node', findLine('node', '16')!, '2026-11-23')?.line.line, '26');
    assert.equal(suggestLine('node', findLine('node', '16')!, '2026-10-27')?.line.line, '24');
    assert.equal(suggestLine('ubuntu', findLine('ubuntu', '23.10')!, '2026-11-23')?.line.line, '26.04');
    assert.equal(suggestLine('centos', findLine('centos', '7')!, '2026-11-23'), undefined);
    const openjdk = suggestLine('openjdk', findLine('openjdk', '19')!, '2026-11-23');
    assert.deepEqual([openjdk?.productId, openjdk?.line.line], ['eclipse-temurin', '25']);
  });
});
