import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isNode, parseAllDocuments, visit, type Document } from 'yaml';
import { PARSE_OPTIONS, parseChunks } from '../../../server/src/engine/kubernetes/documents';

function parseDocuments(text: string): Document.Parsed[] {
  return parseChunks(text).flatMap((chunk) => chunk.documents);
}

/** What a caller can read of parsed documents: values, every node's range, the documents' ranges and errors. */
function shape(documents: Document.Parsed[]) {
  return documents.map((document) => {
    const ranges: number[][] = [];
    visit(document, (_key, node) => {
      if (isNode(node) && node.range) ranges.push([...node.range]);
    });
    return { value: document.toJS(), range: document.range, ranges, errors: document.errors.map((error) => [error.code, ...error.pos]) };
  });
}

const bundle = `# a bundle
apiVersion: v1
kind: ConfigMap
metadata: {name: a}
data:
  script: |
    echo one
---
apiVersion: apps/v1 # the second
kind: Deployment
metadata: &meta
  name: b
spec:
  template:
    metadata: *meta
    spec:
      containers: [{name: b, image: "b:1"}]
...
---
apiVersion: v1
kind: ConfigMap
metadata: {name: a}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: a}
--- # a comment on the marker
apiVersion: v1
kind: Service
spec: {ports: [{port: 80}]}
`;

test('documents parsed one by one are what parseAllDocuments gives for the whole text', () => {
  assert.deepEqual(shape(parseDocuments(bundle)), shape(parseAllDocuments(bundle, PARSE_OPTIONS) as Document.Parsed[]));
});

test('after an edit in one document, the others come from the cache with their positions moved', () => {
  parseDocuments(bundle);
  for (const edited of [
    bundle.replace('name: b\n', 'name: bee\n'), // longer: every later position moves
    bundle.replace('# a bundle\n', ''), // shorter, in the first document
    bundle.replace('kind: Service', 'kind: Service\nmetadata: {name: s}'), // the last one
    bundle.replace('    echo one\n', '    echo one\n---\n'), // a new document
    bundle.replace('spec: {ports: [{port: 80}]}', 'spec: {ports: [{port: 80}]'), // a syntax error
    bundle,
  ]) {
    assert.deepEqual(shape(parseDocuments(edited)), shape(parseAllDocuments(edited, PARSE_OPTIONS) as Document.Parsed[]), edited);
  }
});

test('documents moved again and again by edits before them keep the positions a whole parse gives, errors included', () => {
  const broken = bundle.replace('spec: {ports: [{port: 80}]}', 'spec: {ports: [{port: 80}]');
  for (const edited of [
    broken,
    broken.replace('name: b\n', 'name: bee\n'),
    broken.replace('# a bundle\n', ''),
    broken.replace('# a bundle\n', '# a longer comment on the bundle\n'),
    broken,
    broken.replace('    echo one\n', '    echo one\n    echo two\n'),
    broken.replace('name: b\n', 'name: b2\n'),
  ]) {
    assert.deepEqual(shape(parseDocuments(edited)), shape(parseAllDocuments(edited, PARSE_OPTIONS) as Document.Parsed[]), edited);
  }
});

test('directives make the file parse whole; CRLF and a file without markers parse as one', () => {
  for (const text of ['%YAML 1.1\n---\na: 1\n---\nb: 2\n', 'a: 1\r\n---\r\nb: 2\r\n', 'a: 1\n', '']) {
    assert.deepEqual(shape(parseDocuments(text)), shape(parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[]));
  }
});

test('a document written several times in a file keeps a parsed copy per place: an edit elsewhere parses none of them again', () => {
  const repeated = `${bundle}---\n${bundle}`;
  const before = parseChunks(repeated).map((chunk) => chunk.documents);
  const edited = repeated.replace('# a bundle', '# a bundle, edited');
  const after = parseChunks(edited).map((chunk) => chunk.documents);
  assert.equal(after.length, before.length);
  // Every chunk but the first (the one edited) is the same parsed object, moved.
  after.slice(1).forEach((documents, index) => assert.equal(documents, before[index + 1]));
  assert.notEqual(after[0], before[0]);
  assert.deepEqual(shape(after.flat()), shape(parseAllDocuments(edited, PARSE_OPTIONS) as Document.Parsed[]));
});
