/**
 * Typing in a large bundle: what is kept between analyses (parsed documents, reports) must not
 * keep each old version of the text alive, as a cut of a string does in V8.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze } from '../../../server/src/engine';

const DOCUMENTS = 1000;
const KEYSTROKES = 30;

function configMap(name: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  note: ${'x'.repeat(400)}\n`;
}

/** The bundle with `edited` documents renamed, as if typed into one after another. */
function bundle(edited: number): string {
  return Array.from({ length: DOCUMENTS }, (_, index) => configMap(index < edited ? `map-${index}-edited` : `map-${index}`)).join('---\n');
}

test('typing in a large bundle keeps no old version of its text alive', () => {
  setFlagsFromString('--expose-gc');
  const collectGarbage = runInNewContext('gc') as () => void;
  const heapAfterCollection = () => {
    collectGarbage();
    collectGarbage();
    return process.memoryUsage().heapUsed;
  };
  const size = bundle(0).length;
  analyze({ text: bundle(0), kind: 'kubernetes' });
  const before = heapAfterCollection();
  for (let keystroke = 1; keystroke <= KEYSTROKES; keystroke++) analyze({ text: bundle(keystroke), kind: 'kubernetes' });
  const growth = heapAfterCollection() - before;
  // Each old text kept would add `size` (one byte a character); what is kept for each edited document is a small part of it.
  assert.ok(growth < 5 * size, `the heap grew by ${(growth / size).toFixed(1)} texts over ${KEYSTROKES} keystrokes`);
});
