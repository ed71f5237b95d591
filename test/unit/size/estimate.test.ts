/**
 * The estimator's arithmetic over fixed tables: which parts each layer gets, what is unknown,
 * what a later deletion leaves, and the stage totals. The figures come from `TABLES` below so
 * that a change in the generated data does not move these cases; size-tables.test.ts checks
 * the real tables.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { BuildContext } from '../../../server/src/engine';
import { canonicalRepository } from '../../../server/src/engine/images/reference';
import { platformSizeLine } from '../../../server/src/engine/size/describe';
import { estimateImageSize, platformSizeKey, type PlatformFigure, type SizeReport } from '../../../server/src/engine/size/estimate';
import type { InstallOptions, SizeData } from '../../../server/src/engine/size/size-data';

const MB = 1_000_000;
const APT: Record<string, { bytes: number; depends: string[] }> = {
  curl: { bytes: 1 * MB, depends: ['libcurl4'] },
  libcurl4: { bytes: 2 * MB, depends: [] },
  gcc: { bytes: 40 * MB, depends: ['cpp'] },
  cpp: { bytes: 30 * MB, depends: [] },
};

function aptInstall(packages: readonly string[], options: InstallOptions) {
  const seen = new Set<string>();
  if (options.base?.release !== 'bookworm') return undefined;
  const result = { bytes: 0, packages: [] as { name: string; bytes: number; dependency?: boolean }[], unknown: [] as string[], alreadyInstalled: [] as string[], recordsBytes: 0, aptListsBytes: 20 * MB, source: 'test' };
  const inBase = (name: string) => options.base?.installedSet === 'slim' && name === 'libcurl4';
  const visit = (name: string, dependency: boolean) => {
    if (seen.has(name) || options.installed.has(name)) return;
    if (inBase(name)) return void (dependency || result.alreadyInstalled.push(name));
    seen.add(name);
    const entry = APT[name];
    if (!entry) return void result.unknown.push(name);
    result.packages.push({ name, bytes: entry.bytes, ...(dependency ? { dependency } : {}) });
    result.bytes += entry.bytes;
    entry.depends.forEach((dependencyName) => visit(dependencyName, true));
  };
  packages.forEach((name) => visit(name, false));
  return result;
}

const TABLES: SizeData = {
  asOf: '2026-11-01',
  imageCard: (reference) =>
    canonicalRepository(reference) === 'docker.io/library/debian' && reference.tag === 'bookworm-slim'
      ? { image: 'debian:bookworm-slim', compressedBytes: 28 * MB, uncompressedBytes: 75 * MB, release: 'bookworm', installedSet: 'slim', source: 'test', asOf: '2026-11-01' }
      : undefined,
  smallerImages: () => [],
  aptInstall,
  languageInstall(tool, packages) {
    const sizes: Record<string, number> = tool === 'pip' ? { flask: 5 * MB } : tool === 'npm' ? { express: 2 * MB } : {};
    const known = packages.filter((name) => Object.hasOwn(sizes, name));
    if (known.length === 0) return undefined;
    const bytes = known.reduce((sum, name) => sum + sizes[name], 0);
    return { bytes, packages: [], unknown: packages.filter((name) => !known.includes(name)), alreadyInstalled: [], recordsBytes: 0, source: 'test' };
  },
  languageCache: (_tool, bytes) => Math.round(bytes / 2),
};

function context(files: Record<string, number>, complete = true): BuildContext {
  return { dockerignore: null, sizes: { files: new Map(Object.entries(files)), complete } };
}

function summary(report: SizeReport) {
  return report.stages.map((stage) => ({
    total: stage.totalBytes,
    partial: stage.partial,
    layers: stage.layers.map((layer) => [layer.range.start.line + 1, layer.bytes, layer.partial, layer.parts.map((part) => `${part.label}=${part.bytes ?? '?'}${part.deletedLater ? `,deleted@${part.deletedLater.line + 1}` : ''}`), layer.files, layer.wastedBytes]),
  }));
}

interface Case {
  name: string;
  text: string;
  context?: BuildContext;
  registry?: Record<string, number>;
  expected: ReturnType<typeof summary>;
}

const cases: Case[] = [
  {
    name: 'apt install: named packages, dependencies not in the base, and the lists left behind',
    text: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl gcc\n',
    expected: [{ total: 75 * MB + 71 * MB + 20 * MB, partial: false, layers: [[2, 91 * MB, false, ['curl=1000000', 'gcc=40000000', '1 dependency=30000000', "apt's package lists (/var/lib/apt/lists)=20000000"], undefined, 0]] }],
  },
  {
    name: 'a package the tables do not know is unknown, and the layer a lower bound',
    text: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl libfoo && rm -rf /var/lib/apt/lists/*\n',
    expected: [{ total: 76 * MB, partial: true, layers: [[2, 1 * MB, true, ['curl=1000000', 'libfoo=?'], undefined, 0]] }],
  },
  {
    name: 'lists deleted in a later RUN stay in the earlier layer',
    text: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n',
    expected: [{ total: 96 * MB, partial: false, layers: [[2, 21 * MB, false, ['curl=1000000', "apt's package lists (/var/lib/apt/lists)=20000000,deleted@3"], undefined, 20 * MB], [3, 0, false, [], undefined, 0]] }],
  },
  {
    name: 'pip packages and their cache; an unknown base makes the stage a lower bound',
    text: 'FROM python:3.12\nRUN pip install flask\n',
    expected: [{ total: 7.5 * MB, partial: true, layers: [[2, 7.5 * MB, false, ['pip: flask=5000000', "pip's download cache (~/.cache/pip)=2500000"], undefined, 0]] }],
  },
  {
    name: 'npm ci installs what the copied package.json lists; names the tables lack make the layer a lower bound',
    text: 'FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\n',
    context: {
      dockerignore: null,
      sizes: { files: new Map([['package.json', 100]]), complete: true },
      readFile: (path) => (path === 'package.json' ? JSON.stringify({ dependencies: { express: '^5', 'left-pad': '1' }, devDependencies: { typescript: '5' } }) : undefined),
    },
    expected: [{ total: 2 * MB + 100 + 1 * MB, partial: true, layers: [[3, 100, false, ['package*.json=100'], 1, 0], [4, 3 * MB, true, ['npm: package.json: 2 dependencies; not in the tables: left-pad=2000000', "npm's cache (~/.npm)=1000000"], undefined, 0]] }],
  },
  {
    name: 'COPY from the context: a folder, a glob, the whole context; a bounded walk gives a lower bound',
    text: 'FROM scratch\nCOPY src /app/src\nCOPY *.json /app/\nCOPY . /all\n',
    context: context({ 'src/a.js': 100, 'src/lib/b.js': 50, 'package.json': 10, 'srcx/c.js': 7 }, false),
    expected: [{ total: 150 + 10 + 167, partial: true, layers: [[2, 150, true, ['src=150'], 2, 0], [3, 10, true, ['*.json=10'], 1, 0], [4, 167, true, ['.=167'], 4, 0]] }],
  },
  {
    name: 'chown -R of what a COPY added copies it again into the RUN layer',
    text: 'FROM scratch\nCOPY app /app\nRUN chown -R 1000 /app\n',
    context: context({ 'app/a': 700, 'app/b': 300 }),
    expected: [{ total: 2000, partial: false, layers: [[2, 1000, false, ['app=1000'], 2, 0], [3, 1000, false, ['/app copied again by chown (added on line 2)=1000'], undefined, 0]] }],
  },
  {
    name: 'chown -R of a COPY whose context walk stopped at its bound: the copy again is a lower bound too',
    text: 'FROM scratch\nCOPY app /app\nRUN chown -R 1000 /app\n',
    context: context({ 'app/a': 700 }, false),
    expected: [{ total: 1400, partial: true, layers: [[2, 700, true, ['app=700'], 1, 0], [3, 700, true, ['/app copied again by chown (added on line 2)=700'], undefined, 0]] }],
  },
  {
    name: 'COPY --from a stage: the whole stage for /, what its COPYs put under a path otherwise',
    text: 'FROM debian:bookworm-slim AS build\nWORKDIR /src\nCOPY src ./src\nFROM scratch\nCOPY --from=build /src /src\nCOPY --from=build / /\n',
    context: context({ 'src/a.c': 1000 }),
    expected: [
      { total: 75 * MB + 1000, partial: false, layers: [[3, 1000, false, ['src=1000'], 1, 0]] },
      { total: 75 * MB + 2000, partial: true, layers: [[5, 1000, true, ['/src from stage build (what its COPY/ADD put there; files its RUNs wrote are not counted)=1000'], undefined, 0], [6, 75 * MB + 1000, false, ['/ of stage build (the whole stage)=75001000'], undefined, 0]] },
    ],
  },
  {
    name: 'a stage built on another starts from its total and its installed packages',
    text: 'FROM debian:bookworm-slim AS base\nRUN apt-get install -y curl\nFROM base\nRUN apt-get install -y curl gcc\n',
    expected: [
      { total: 76 * MB, partial: false, layers: [[2, 1 * MB, false, ['curl=1000000'], undefined, 0]] },
      { total: 146 * MB, partial: false, layers: [[4, 70 * MB, false, ['gcc=40000000', '1 dependency=30000000'], undefined, 0]] },
    ],
  },
  {
    name: 'a later purge: the package stays in the earlier layer; its dependencies are still in use',
    text: 'FROM debian:bookworm-slim\nRUN apt-get install -y gcc\nRUN apt-get purge -y gcc\n',
    expected: [{ total: 145 * MB, partial: false, layers: [[2, 70 * MB, false, ['gcc=40000000,deleted@3', '1 dependency=30000000'], undefined, 40 * MB], [3, 0, false, [], undefined, 0]] }],
  },
  {
    name: 'a later purge --auto-remove takes the dependencies too; all their bytes stay',
    text: 'FROM debian:bookworm-slim\nRUN apt-get install -y gcc\nRUN apt-get purge -y --auto-remove gcc\n',
    expected: [{ total: 145 * MB, partial: false, layers: [[2, 70 * MB, false, ['gcc=40000000,deleted@3', '1 dependency=30000000,deleted@3'], undefined, 70 * MB], [3, 0, false, [], undefined, 0]] }],
  },
  {
    name: 'curl downloads are unknown; with only the registry download size, it is the floor of the unpacked base',
    text: 'FROM alpine:3.20\nRUN curl -o /tmp/x.tgz https://example.com/x.tgz\n',
    registry: { 'alpine:3.20': 3_600_000 },
    expected: [{ total: 3_600_000, partial: true, layers: [[2, 0, true, ['download /tmp/x.tgz=?'], undefined, 0]] }],
  },
];

describe('size estimate', () => {
  for (const { name, text, context: buildContext, registry, expected } of cases) {
    test(name, () => {
      const report = estimateImageSize({ text, context: buildContext, data: TABLES, registrySizes: registry && new Map(Object.entries(registry)) });
      assert.deepEqual(summary(report), expected);
    });
  }

  test('the base: catalog card, registry size preferred for the download, scratch and stages', () => {
    const report = estimateImageSize({ text: 'FROM debian:bookworm-slim AS a\nFROM a\nFROM scratch\nFROM ${UNSET}\n', data: TABLES, registrySizes: new Map([['debian:bookworm-slim', 29_123_456]]) });
    const bases = report.stages.map(({ base }) => [base.image, base.compressedBytes, base.compressedSource, base.uncompressedBytes, base.stage, base.scratch]);
    assert.deepEqual(bases, [
      ['debian:bookworm-slim', 29_123_456, 'registry', 75 * MB, undefined, false],
      [undefined, undefined, undefined, undefined, 0, false],
      [undefined, undefined, undefined, undefined, undefined, true],
      [undefined, undefined, undefined, undefined, undefined, false],
    ]);
    assert.deepEqual(report.stages.map((stage) => [stage.totalBytes, stage.partial]), [[75 * MB, false], [75 * MB, false], [0, false], [0, true]]);
  });

  test('the other platform: a literal --platform, else the configured one; never linux/amd64, a variable or a guess', () => {
    const text = [
      'FROM --platform=linux/arm64 debian:bookworm-slim',
      'FROM debian:bookworm-slim',
      'FROM --platform=$BUILDPLATFORM debian:bookworm-slim',
      'FROM --platform=LINUX/AMD64 debian:bookworm-slim',
      'FROM --platform=s390x debian:bookworm-slim',
      '',
    ].join('\n');
    const platformSizes = new Map<string, PlatformFigure>([
      [platformSizeKey('debian:bookworm-slim', 'linux/arm64'), 27 * MB],
      [platformSizeKey('debian:bookworm-slim', 'linux/s390x'), 'absent'],
    ]);
    const platforms = (sizePlatform?: string) => estimateImageSize({ text, config: { sizePlatform }, data: TABLES, platformSizes }).stages.map((stage) => stage.base.platform);
    const arm64 = { name: 'linux/arm64', compressedBytes: 27 * MB };
    const s390x = { name: 'linux/s390x', absent: true };
    assert.deepEqual(platforms(), [arm64, undefined, undefined, undefined, s390x]);
    assert.deepEqual(platforms('linux/riscv64'), [arm64, { name: 'linux/riscv64', compressedBytes: undefined }, { name: 'linux/riscv64', compressedBytes: undefined }, undefined, s390x]);
    // The stage totals stay linux/amd64's, the platform of every catalog figure.
    assert.deepEqual(estimateImageSize({ text, data: TABLES, platformSizes }).stages.map((stage) => stage.totalBytes), Array(5).fill(75 * MB));
    assert.deepEqual(platforms('linux/riscv64').map((platform) => platform && platformSizeLine(platform)), [
      'Size (linux/arm64): 27 MB download (from the registry)',
      'Size (linux/riscv64): unknown, the registry gave no figure (offline, unreachable or a single-platform image) and the catalog holds linux/amd64 figures only',
      'Size (linux/riscv64): unknown, the registry gave no figure (offline, unreachable or a single-platform image) and the catalog holds linux/amd64 figures only',
      undefined,
      'Size (linux/s390x): unknown, the image has no linux/s390x variant',
    ]);
  });
});
