import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { baseImageCard, catalogCards, smallerAlternatives } from '../../../server/src/engine/size/base-images';
import { parseImageReference } from '../../../server/src/engine/images/reference';

describe('baseImageCard', () => {
  test('node:22-slim: published sizes with their source, OS, shell, user and package set', () => {
    const card = baseImageCard('node:22-slim');
    assert.ok(card);
    assert.equal(card.compressed.bytes, 79_893_445);
    assert.match(card.compressed.source, /^https:\/\/github\.com\/docker-library\/repo-info\/blob\/[0-9a-f]{40}\/repos\/node\/remote\/22-slim\.md$/);
    assert.equal(card.compressed.imageDate, '2026-09-19');
    assert.deepEqual(
      [card.os, card.release, card.shell, card.user, card.installedSet, card.excludesDocs, card.sameLine],
      ['Debian 12 (bookworm)', 'bookworm', true, 'root', 'node-slim', true, false],
    );
  });

  test('the same image however it is written', () => {
    for (const written of ['docker.io/library/node:22-slim', 'node:22-bookworm-slim', 'node:jod-slim', 'index.docker.io/library/node:22-slim']) {
      assert.equal(baseImageCard(written)?.reference, 'node:22-slim', written);
    }
    assert.equal(baseImageCard(parseImageReference('node:22-slim'))?.compressed.bytes, 79_893_445);
    // No tag is latest.
    assert.equal(baseImageCard('debian')?.reference, 'debian:trixie');
  });

  test('a point release of a catalogued line takes the line\'s figures, marked so', () => {
    const card = baseImageCard('node:22.23.2-slim');
    assert.deepEqual([card?.reference, card?.sameLine], ['node:22-slim', true]);
    assert.equal(baseImageCard('python:3.13.14')?.reference, 'python:3.13');
  });

  test('Debian roots: uncompressed sizes, published and measured', () => {
    const slim = baseImageCard('debian:bookworm-slim');
    assert.equal(slim?.compressed.bytes, 28_232_590);
    assert.ok(slim?.uncompressed && slim.uncompressed.bytes > 70e6 && slim.uncompressed.bytes < 85e6);
    const trixie = baseImageCard('debian:13-slim');
    assert.match(trixie?.uncompressed?.source ?? '', /^measured: debootstrap --variant=minbase trixie/);
  });

  test('distroless tags share the figures but not the shell or the user', () => {
    const nonroot = baseImageCard('gcr.io/distroless/static-debian12:nonroot');
    assert.deepEqual([nonroot?.shell, nonroot?.user, nonroot?.compressed.approximate], [false, 'nonroot', true]);
    assert.equal(baseImageCard('gcr.io/distroless/static-debian12:debug')?.shell, true);
  });

  test('unknown images, tags and digests without a tag are undefined, never guessed', () => {
    for (const written of ['registry.example.com/team/app:1.0', 'node:22-bullseye', 'node@sha256:' + 'a'.repeat(64), 'Node:22', 'cgr.dev/chainguard/node:latest', '']) {
      assert.equal(baseImageCard(written), undefined, written);
    }
  });

  test('every entry names its source and the date of the image it describes', () => {
    for (const card of catalogCards()) {
      assert.ok(card.compressed.bytes > 0 && card.compressed.source.length > 10, card.reference);
      assert.match(card.compressed.imageDate, /^\d{4}-\d{2}-\d{2}$/, card.reference);
    }
  });
});

describe('smallerAlternatives', () => {
  test('node:22 → its slim and alpine variants of the same major, with the bytes each saves', () => {
    const alternatives = smallerAlternatives('node:22');
    assert.deepEqual(
      alternatives.map((alternative) => [alternative.card.reference, alternative.savesBytes]),
      [
        ['node:22-slim', 408_499_334 - 79_893_445],
        ['node:22-alpine', 408_499_334 - 60_697_390],
      ],
    );
  });

  test('python:3.13 → slim, alpine and distroless python3 (same major)', () => {
    assert.deepEqual(smallerAlternatives('python:3.13').map((alternative) => alternative.card.reference), ['python:3.13-slim', 'python:3.13-alpine', 'gcr.io/distroless/python3-debian12']);
  });

  test('nothing for the smallest images or unknown ones', () => {
    assert.deepEqual(smallerAlternatives('gcr.io/distroless/static-debian12'), []);
    assert.deepEqual(smallerAlternatives('registry.example.com/app:1'), []);
  });
});
