import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit } from 'vscode-languageserver';
import { toWorkspaceEdit, type FileState } from '../../server/src/lsp/workspace-edit';

const at = (line: number, character: number) => ({ line, character });
const manifest = TextDocument.create('file:///work/shop/k8s/base/cart.yaml', 'yaml', 3, 'apiVersion: v1\n');
const files = (open: Record<string, number> = {}): FileState => ({
  openVersion: (uri) => open[uri],
  openMatchesDisk: () => true,
  exists: () => true,
});
const fix = { title: 'Use `USER 10001` in ../../services/cart/Dockerfile', safety: 'unsafe' as const, edits: [{ file: '../../services/cart/Dockerfile', range: { start: at(4, 5), end: at(4, 8) }, newText: '10001' }] };
const capabilities = { documentChanges: true, createFiles: true, annotations: true };
const DOCKERFILE = 'file:///work/shop/services/cart/Dockerfile';

test("a manifest's fix of its image's Dockerfile lands in that file, versioned when it is open, shown for review", () => {
  const edit = toWorkspaceEdit(manifest, fix, capabilities, files({ [DOCKERFILE]: 7 }));
  const change = edit?.documentChanges?.[0] as TextDocumentEdit;
  assert.deepEqual(change.textDocument, { uri: DOCKERFILE, version: 7 });
  assert.deepEqual(change.edits, [{ range: fix.edits[0].range, newText: '10001', annotationId: 'shipshape.conversion' }]);
  assert.deepEqual(edit?.changeAnnotations?.['shipshape.conversion'], { label: fix.title, needsConfirmation: true, description: 'also changes another file' });
});

test('without documentChanges, the edit is keyed by the resolved URI', () => {
  const edit = toWorkspaceEdit(manifest, fix, { documentChanges: false, createFiles: false, annotations: false }, files());
  assert.deepEqual(Object.keys(edit?.changes ?? {}), [DOCKERFILE]);
});
