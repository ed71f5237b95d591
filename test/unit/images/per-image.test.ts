import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { imageFacts } from '../../../server/src/engine/images/known-images';
import { versionedParts } from '../../../server/src/engine/images/image-versions';
import { minimalAlternative } from '../../../server/src/engine/images/minimal-images';
import { perImage } from '../../../server/src/engine/images/per-image';
import { parseImageReference, type ImageReference } from '../../../server/src/engine/images/reference';

describe('answers kept per image', () => {
  test('one computation per name and tag; the digest does not count, the registry and tag do', () => {
    const asked: string[] = [];
    const answer = perImage((reference: ImageReference) => {
      asked.push(`${reference.registry ?? ''}|${reference.repository}|${reference.tag ?? ''}`);
      return { repository: reference.repository };
    });
    const first = answer(parseImageReference('node:20'));
    assert.equal(answer(parseImageReference('node:20@sha256:0123')), first);
    assert.notEqual(answer(parseImageReference('node:22')), first);
    assert.notEqual(answer(parseImageReference('ghcr.io/node:20')), first);
    assert.notEqual(answer(parseImageReference('node')), first);
    assert.deepEqual(asked, ['|node|20', '|node|22', 'ghcr.io|node|20', '|node|']);
  });

  test('an undefined answer is kept too', () => {
    let calls = 0;
    const answer = perImage(() => {
      calls++;
      return undefined;
    });
    answer(parseImageReference('alpine:3.20'));
    answer(parseImageReference('alpine:3.20'));
    assert.equal(calls, 1);
  });

  test('past the limit everything is forgotten and computed afresh', () => {
    let calls = 0;
    const answer = perImage(() => ++calls, 2);
    assert.equal(answer(parseImageReference('a:1')), 1);
    assert.equal(answer(parseImageReference('b:1')), 2);
    assert.equal(answer(parseImageReference('a:1')), 1);
    assert.equal(answer(parseImageReference('c:1')), 3);
    assert.equal(answer(parseImageReference('a:1')), 4);
  });

  test('the shared answers of the image tables are frozen, and equal to a fresh reading', () => {
    const parts = versionedParts(parseImageReference('node:16-bullseye'));
    assert.equal(versionedParts(parseImageReference('node:16-bullseye')), parts);
    assert.deepEqual(parts.map((part) => [part.role, part.productId, part.line.line]), [['image', 'node', '16'], ['base', 'debian', '11']]);
    assert.ok(Object.isFrozen(parts) && parts.every((part) => Object.isFrozen(part)));
    assert.throws(() => (parts as unknown as unknown[]).push(parts[0]));

    const facts = imageFacts(parseImageReference('gcr.io/distroless/static-debian12:nonroot'));
    assert.equal(imageFacts(parseImageReference('gcr.io/distroless/static-debian12:nonroot')), facts);
    assert.ok(Object.isFrozen(facts));
    assert.equal(facts.runsAsNonRoot, true);
    assert.equal(imageFacts(parseImageReference('gcr.io/distroless/static-debian12:latest')).runsAsNonRoot, false);

    const alternative = minimalAlternative(parseImageReference('golang:1.22'));
    assert.ok(alternative && Object.isFrozen(alternative));
    assert.equal(minimalAlternative(parseImageReference('golang:1.22')), alternative);
  });
});
