import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allRules } from '../../server/src/engine';
import { renderRuleDoc, renderRuleIndex } from '../../server/src/engine/docs/rule-docs';

// Compiled to out/test/unit/, so the repository root is three levels up.
const docs = join(__dirname, '..', '..', '..', 'docs', 'rules');
const stale = 'docs/rules is stale: run `npm run docs`';

test('every rule has its generated docs page, and no page is left over', () => {
  for (const rule of allRules) {
    const path = join(docs, `${rule.id}.md`);
    assert.ok(existsSync(path), `${stale} (missing ${rule.id}.md)`);
    assert.equal(readFileSync(path, 'utf8'), renderRuleDoc(rule), stale);
  }
  assert.equal(readFileSync(join(docs, 'README.md'), 'utf8'), renderRuleIndex(allRules), stale);
  const expected = new Set([...allRules.map((rule) => `${rule.id}.md`), 'README.md']);
  assert.deepEqual(readdirSync(docs).filter((name) => !expected.has(name)), [], stale);
});

test('rule metadata is complete', () => {
  const ids = new Set<string>();
  for (const rule of allRules) {
    assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(!ids.has(rule.id), `duplicate id ${rule.id}`);
    ids.add(rule.id);
    for (const field of ['summary', 'why', 'example', 'useInstead'] as const) assert.ok(rule[field].trim().length > 0, `${rule.id}: ${field} is empty`);
  }
});
