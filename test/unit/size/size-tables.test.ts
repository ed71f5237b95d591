/**
 * The estimator over the generated tables, with their exact figures: a change in the data
 * (npm run data:sizes) shows here as a change of numbers to review, not as a silent drift.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportText } from '../../../server/src/engine/size/describe';
import { estimateImageSize } from '../../../server/src/engine/size/estimate';
import { parseImageReference } from '../../../server/src/engine/images/reference';
import { sizeTables } from '../../../server/src/engine/size/tables';

function estimate(text: string) {
  return estimateImageSize({ text, data: sizeTables });
}

test('curl on debian:bookworm-slim: the package, its new dependencies, dpkg records and the lists a later RUN deletes', () => {
  const [stage] = estimate('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n').stages;
  assert.deepEqual([stage.base.compressedBytes, stage.base.uncompressedBytes, stage.base.compressedSource], [28_232_590, 78_464_942, 'catalog']);
  assert.deepEqual(
    stage.layers[0].parts.map((part) => [part.label, part.bytes, part.deletedLater?.line]),
    [
      ['curl', 318_851, undefined],
      ['15 dependencies', 10_728_232, undefined],
      ["dpkg's package records", 180_134, undefined],
      ["apt's package lists (/var/lib/apt/lists)", 19_856_468, 2],
    ],
  );
  assert.deepEqual([stage.layers[0].bytes, stage.layers[0].wastedBytes, stage.totalBytes, stage.partial], [31_083_685, 19_856_468, 109_548_627, false]);
});

test('the text report of the same file', () => {
  const report = estimate('FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN rm -rf /var/lib/apt/lists/*\n');
  assert.equal(
    reportText(report, { today: '2026-11-23' }),
    [
      'Stage 0 (final image): ≈ 110 MB',
      '  base debian:bookworm-slim: 78 MB unpacked, 28 MB download',
      '  line 2 RUN: ≈ 31 MB, 20 MB deleted later but shipped',
      '    curl: 319 kB',
      '    15 dependencies: 11 MB',
      "    dpkg's package records: 180 kB",
      "    apt's package lists (/var/lib/apt/lists): 20 MB",
      '  line 3 RUN: ≈ 0 B',
      '  End of life: Debian 12 (bookworm), 2028-06-30',
      'Estimates from tables as of 2026-11-23; "at least" marks parts whose size is unknown.',
    ].join('\n'),
  );
});

test('npm install express on node:22-slim: the measured closure; the unpacked base unknown, so its download is the floor', () => {
  const [stage] = estimate('FROM node:22-slim\nWORKDIR /app\nRUN npm install express\n').stages;
  assert.deepEqual([stage.base.compressedBytes, stage.base.uncompressedBytes], [79_893_445, undefined]);
  assert.deepEqual(stage.layers[0].parts.map((part) => [part.label, part.bytes]), [['npm: express', 2_319_902], ["npm's cache (~/.npm)", undefined]]);
  assert.deepEqual([stage.totalBytes, stage.partial], [79_893_445 + 2_319_902, true]);
  assert.deepEqual(stage.base.smaller.map((image) => [image.image, image.compressedBytes]), [['node:22-alpine', 60_697_390]]);
});

test('a purge in the same RUN leaves nothing; an image the catalog lacks is unknown, not guessed', () => {
  const report = estimate('FROM debian:bookworm\nRUN apt-get update && apt-get install -y git && apt-get purge -y git\nFROM registry.example.com/team/base:7\n');
  assert.deepEqual(report.stages[0].layers[0].parts.map((part) => [part.label, part.bytes]), [["apt's package lists (/var/lib/apt/lists)", 19_856_468]]);
  assert.deepEqual([report.stages[1].base.card, report.stages[1].base.compressedBytes, report.stages[1].totalBytes, report.stages[1].partial], [undefined, undefined, 0, true]);
});

test('the tables are as of their oldest date: the catalog, each Debian release and the npm measurements as the figures say them', () => {
  const aptOptions = { installed: new Set<string>(), noInstallRecommends: true };
  const dates = [
    sizeTables.imageCard(parseImageReference('debian:bookworm-slim'))?.asOf,
    sizeTables.aptInstall(['curl'], { ...aptOptions, base: sizeTables.imageCard(parseImageReference('debian:bookworm-slim')) })?.source.split(', generated ')[1],
    sizeTables.aptInstall(['curl'], { ...aptOptions, base: sizeTables.imageCard(parseImageReference('debian:trixie-slim')) })?.source.split(', generated ')[1],
    sizeTables.languageInstall?.('npm', ['express'])?.source.split(', ').pop(),
  ];
  assert.ok(dates.every((date) => /^\d{4}-\d{2}-\d{2}$/.test(date ?? '')), String(dates));
  assert.equal(sizeTables.asOf, [...dates].sort()[0]);
});
