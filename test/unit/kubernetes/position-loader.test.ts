/**
 * Differential test of the position loader (js-yaml with a listener, building `yaml`'s nodes)
 * against `yaml`'s own parseAllDocuments: on every YAML of the repository, the benchmark's
 * 50,000-line bundle and fast-check mutants of them, wherever the loader takes a piece of a
 * file its tree is `yaml`'s (ranges, values, styles, flow, anchors, aliases, key order), and
 * the Kubernetes analysis (findings, fixes, syntax errors, hardening edits) is the same with
 * the loader and without it.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import { analyze, hardenManifestEdits } from '../../../server/src/engine';
import { forgetParsedDocuments, PARSE_OPTIONS, parseChunks, usePositionLoader } from '../../../server/src/engine/kubernetes/documents';
import { forgetReports } from '../../../server/src/engine/kubernetes-reports';
import { loadWithPositions } from '../../../server/src/engine/kubernetes/position-loader';
import { generatedManifest } from '../../../scripts/bench/generated-manifest.mjs';
import { mutantOf, mutantSubjects } from '../../../scripts/fuzz/mutants.mjs';
import { deployment, HARDENED, pod } from './manifests';

const ROOT = join(__dirname, '..', '..', '..', '..');

function filesUnder(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) filesUnder(path, found);
    else if (/\.ya?ml$/.test(name)) found.push(path);
  }
  return found;
}

/** Every YAML the repository has: examples, fixtures, the ```yaml blocks of the Kubernetes rule docs, the rule tests' manifests. */
function repositoryYaml(): { path: string; text: string }[] {
  const files = [...filesUnder(join(ROOT, 'examples')), ...filesUnder(join(ROOT, 'test', 'fixtures'))].map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
  const docs = join(ROOT, 'docs', 'rules');
  for (const name of readdirSync(docs).filter((entry) => entry.startsWith('k8s-')).sort()) {
    const blocks = [...readFileSync(join(docs, name), 'utf8').matchAll(/^```yaml\n([\s\S]*?)^```$/gm)];
    for (const [index, [, text]] of blocks.entries()) files.push({ path: `docs/rules/${name}#${index}`, text });
  }
  files.push({ path: 'manifests.ts pod', text: pod(HARDENED) }, { path: 'manifests.ts deployment', text: deployment(HARDENED) });
  return files;
}

const corpus = repositoryYaml();
const mutantCorpus = corpus.map((file) => ({ ...file, kind: 'kubernetes' }));

/** Everything the engine can read of a node tree, as lines, so that a difference shows where it is. */
function describe(node: unknown, into: string[] = [], depth = 0): string[] {
  const indent = ' '.repeat(depth);
  if (isPair(node)) {
    into.push(`${indent}pair`);
    describe(node.key, into, depth + 1);
    describe(node.value, into, depth + 1);
  } else if (isScalar(node)) {
    const value = typeof node.value === 'symbol' ? `symbol ${node.value.description}` : `${typeof node.value} ${String(node.value)}`;
    into.push(`${indent}scalar ${JSON.stringify(node.range)} ${node.type} ${value} source=${JSON.stringify(node.source)} anchor=${node.anchor} tag=${node.tag} format=${node.format}`);
  } else if (isAlias(node)) {
    into.push(`${indent}alias ${JSON.stringify(node.range)} ${node.source}`);
  } else if (isMap(node) || isSeq(node)) {
    into.push(`${indent}${isMap(node) ? 'map' : 'seq'} ${JSON.stringify(node.range)} flow=${node.flow} anchor=${node.anchor} tag=${node.tag}`);
    for (const item of node.items) describe(item, into, depth + 1);
  } else {
    into.push(`${indent}${String(node)}`);
  }
  return into;
}

function describeDocuments(documents: Document.Parsed[]): string[] {
  return documents.flatMap((document) => [
    `document ${JSON.stringify(document.range)} docStart=${document.directives.docStart} errors=${document.errors.length} warnings=${document.warnings.length}`,
    ...describe(document.contents, [], 1),
  ]);
}

/** Why the loader's tree for a piece differs from `yaml`'s, or undefined when it is the same or the loader declined. */
function treeDifference(text: string): string | undefined {
  const loaded = loadWithPositions(text, PARSE_OPTIONS);
  if (!loaded) return undefined;
  const expected = describeDocuments(parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[]);
  const actual = describeDocuments(loaded);
  const at = expected.findIndex((line, index) => line !== actual[index]);
  if (at === -1 && expected.length === actual.length) return undefined;
  const line = at === -1 ? expected.length : at;
  return `${JSON.stringify(text)}\nyaml:   ${expected[line]}\nloader: ${actual[line]}`;
}

/** The pieces the file is parsed in (as documents.ts cuts it). */
function pieces(text: string): string[] {
  return parseChunks(text).map((chunk) => chunk.text);
}

/** What a user sees of the Kubernetes analysis of the text: findings with their fixes, syntax errors, the hardening edits. */
function analysisSeen(text: string, withLoader: boolean): string {
  usePositionLoader(withLoader);
  forgetParsedDocuments();
  forgetReports();
  try {
    const result = analyze({ text, kind: 'kubernetes' });
    return JSON.stringify({ ...result, harden: hardenManifestEdits(text) });
  } finally {
    usePositionLoader(true);
    forgetParsedDocuments();
    forgetReports();
  }
}

after(() => usePositionLoader(true));

test("the loader builds yaml's tree for every piece of every YAML of the repository, with LF or CRLF line ends, and declines none", () => {
  for (const file of corpus) {
    for (const [variant, text] of [
      ['LF', file.text],
      ['CRLF', file.text.replace(/\r?\n/g, '\r\n')],
    ]) {
      for (const piece of pieces(text)) {
        assert.ok(loadWithPositions(piece, PARSE_OPTIONS), `${file.path} (${variant}): declined ${JSON.stringify(piece.slice(0, 80))}`);
        assert.equal(treeDifference(piece), undefined, `${file.path} (${variant})`);
      }
    }
  }
});

test("the loader builds yaml's tree for every document of the benchmark's 50,000-line bundle", () => {
  const bundle = pieces(generatedManifest());
  assert.ok(bundle.length > 2000);
  // The first piece is the bundle's comment line, which holds no document.
  assert.deepEqual(loadWithPositions(bundle[0], PARSE_OPTIONS), []);
  for (const piece of bundle) assert.equal(treeDifference(piece), undefined);
});

test('the loader declines what it does not model', () => {
  const declined = [
    '%YAML 1.1\n---\na: 1\n',
    'a: !!str 1\n',
    '? complex\n: key\n',
    '{a: 1}: map as a key\n',
    '[a: 1]\n',
    'a:\tb\n',
    'a: 1\rb: 2\r',
    '\uFEFFa: 1\n',
    'a: 1\n...\n',
    'a: "unclosed\n',
    'a: b: c\n',
    'a: [1, 2\n',
    'a: *missing\n',
    '- one\n-\n- three\n',
    'key: "quoted"# a comment without space\n',
    'a:\n# a comment after an empty value\nb: 1\n',
    '&a: anchor ending in a colon\n',
    '---\n# an empty document\n',
  ];
  for (const text of declined) assert.equal(loadWithPositions(text, PARSE_OPTIONS), undefined, JSON.stringify(text));
});

test("the loader's tree matches yaml's on the YAML corners manifests use", () => {
  const corners = [
    'a: b  # c\nd:\n  - x\n  - "y" # z\n\n  - {p: q, r: [1, 0x1F]}\ne: |\n  lit\n\n# end\nf:\ng: &an 1_000\nh: *an\n',
    'yes: on\nno: off\nmode: 0755\nhex: 0xFF\nneg: -1_000\nfloat: 6.8e+5\ninf: .inf\nnan: .NaN\nnull: ~\nempty:\ndate: 2001-12-14\ntime: 1:20:30\n',
    'e: |+\n  x\n\n\nf: >-\n  y\n   z\n\n# q\n',
    'a:\n  b: 1\n  # c\n\n  # d\n# e\nf: 2\n',
    'a:\n  b:\n    c: 1\n    # x\n\n  d: 2\n',
    'k: {a : b, c}\nl: [a # c\n , b]\nm: {}\nn: []\n',
    'base: &base {cpu: 1}\nmerged:\n  <<: *base\n  memory: 2\n',
    'a: &a {x: 1}\nb: &b {y: 2}\nflow: {<<: *a, z: 3}\nlist:\n  <<: [*a, *b]\nquoted: {"<<": *a}\n',
    'plain: multi\n  line\n  scalar\nsingle: \'it\'\'s\'\ndouble: "tab\\tnew\\nline \\u00e9"\n',
    'a : b\nc:   # k\nd:\n',
    'x:\n- a\n- b\n',
    '# header\n\n  a: 1\n# trailing\n',
  ];
  for (const text of [...corners, ...corners.map((corner) => corner.replace(/\n/g, '\r\n'))]) {
    assert.ok(loadWithPositions(text, PARSE_OPTIONS), `declined ${JSON.stringify(text)}`);
    assert.equal(treeDifference(text), undefined);
  }
});

test("on mutants of the repository's YAML, every piece the loader takes has yaml's tree", () => {
  fc.assert(
    fc.property(mutantSubjects({ hugeTimes: 200 }), (subject) => {
      const { text } = mutantOf(mutantCorpus, subject);
      for (const piece of pieces(text)) {
        const difference = treeDifference(piece);
        if (difference) throw new Error(difference);
      }
    }),
    { numRuns: 1500 },
  );
});

test('the Kubernetes analysis is the same with the loader and with yaml alone, on the repository and on mutants', () => {
  for (const file of corpus) {
    assert.equal(analysisSeen(file.text, true), analysisSeen(file.text, false), file.path);
    const crlf = file.text.replace(/\r?\n/g, '\r\n');
    assert.equal(analysisSeen(crlf, true), analysisSeen(crlf, false), `${file.path} (CRLF)`);
  }
  const bundle = generatedManifest(5_000);
  assert.equal(analysisSeen(bundle, true), analysisSeen(bundle, false));
  fc.assert(
    fc.property(mutantSubjects({ hugeTimes: 200 }), (subject) => {
      const { text } = mutantOf(mutantCorpus, subject);
      assert.equal(analysisSeen(text, true), analysisSeen(text, false), JSON.stringify(text));
    }),
    { numRuns: 300 },
  );
});
