import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import { pinEdit, planPins } from '../../../server/src/engine/registry/pin';

const OLD = `sha256:${'1'.repeat(64)}`;
const NEW = `sha256:${'2'.repeat(64)}`;

/** Pins every target to NEW and returns the text, with the skip notes as "line: message". */
function pin(text: string, update = false, kind: 'dockerfile' | 'kubernetes' = 'dockerfile'): { text: string; skipped: string[] } {
  const plan = planPins(text, { update, kind });
  const edits = plan.targets.map((target) => pinEdit(target, NEW)).filter((edit) => edit !== undefined);
  return { text: applyEdits(text, edits), skipped: plan.skipped.map((skip) => `${skip.range.start.line + 1}: ${skip.message}`) };
}

const CASES: [string, string, string, string[]?, boolean?][] = [
  ['a tag is kept for readers', 'FROM node:22-slim\n', `FROM node:22-slim@${NEW}\n`],
  ['untagged gets :latest written out', 'FROM node\n', `FROM node:latest@${NEW}\n`],
  ['a registry port is not a tag', 'FROM localhost:5000/app\n', `FROM localhost:5000/app:latest@${NEW}\n`],
  ['already pinned is left alone', `FROM node:22@${OLD}\n`, `FROM node:22@${OLD}\n`],
  ['--update replaces the digest', `FROM node:22@${OLD}\n`, `FROM node:22@${NEW}\n`, [], true],
  ['--update cannot update a digest without a tag', `FROM node@${OLD}\n`, `FROM node@${OLD}\n`, [`1: node@${OLD} is pinned without a tag, so there is nothing to update it from`], true],
  ['stages by name and index, scratch', 'FROM node:22 AS b\nFROM b\nCOPY --from=0 /a /a\nCOPY --from=b /a /a\nFROM scratch\n', `FROM node:22@${NEW} AS b\nFROM b\nCOPY --from=0 /a /a\nCOPY --from=b /a /a\nFROM scratch\n`],
  ['COPY --from an image, among other flags', 'FROM scratch\nCOPY --chmod=644 --from=busybox:1.36 /bin/sh /sh\n', `FROM scratch\nCOPY --chmod=644 --from=busybox:1.36@${NEW} /bin/sh /sh\n`],
  ['an ARG default is pinned where it is written', 'ARG BASE=node:22\nFROM $BASE\n', `ARG BASE=node:22@${NEW}\nFROM $BASE\n`],
  ['the last ARG default counts', 'ARG BASE=a:1\nARG BASE=b:2\nFROM ${BASE}\n', `ARG BASE=a:1\nARG BASE=b:2@${NEW}\nFROM \${BASE}\n`],
  ['a quoted ARG default is left to people', 'ARG BASE="node:22"\nFROM ${BASE}\n', 'ARG BASE="node:22"\nFROM ${BASE}\n', ['1: the default of ARG BASE is quoted or uses other variables; pin it by hand']],
  ['variables mixed into the name', 'ARG V=22\nFROM node:${V}\n', 'ARG V=22\nFROM node:${V}\n', ['2: node:${V} mixes build arguments into the image name; a digest here would override what --build-arg passes']],
  ['COPY --from a variable', 'ARG I=x\nFROM scratch\nCOPY --from=${I} /a /a\n', 'ARG I=x\nFROM scratch\nCOPY --from=${I} /a /a\n', ['3: COPY --from=${I} is built from build arguments; pin the image where the argument is set']],
  ['an invalid name', 'FROM Node:22\n', 'FROM Node:22\n', ['1: invalid repository name "Node" in "Node:22" (lower-case letters, digits and separators only)']],
];

describe('planPins and pinEdit', () => {
  for (const [name, input, expected, skipped = [], update = false] of CASES) {
    test(name, () => {
      const result = pin(input, update);
      assert.equal(result.text, expected);
      assert.deepEqual(result.skipped, skipped);
    });
  }
});

const POD = (image: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: ${image}\n`;

describe('planPins on Kubernetes manifests', () => {
  const cases: [string, string, string, boolean?][] = [
    ['a plain image', POD('ghcr.io/o/app:1.2'), POD(`ghcr.io/o/app:1.2@${NEW}`)],
    ['a quoted image keeps its quotes', POD('"node:22"'), POD(`"node:22@${NEW}"`)],
    ['single quotes too', POD("'node'"), POD(`'node:latest@${NEW}'`)],
    ['pinned: left alone', POD(`node:22@${OLD}`), POD(`node:22@${OLD}`)],
    ['pinned, --update', POD(`node:22@${OLD}`), POD(`node:22@${NEW}`), true],
    ['not a manifest', 'image: node:22\n', 'image: node:22\n'],
  ];
  for (const [name, input, expected, update = false] of cases) {
    test(name, () => assert.equal(pin(input, update, 'kubernetes').text, expected));
  }
});
