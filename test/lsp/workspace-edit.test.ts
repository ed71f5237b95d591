import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits } from '../../server/src/engine';
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
const capabilities = { documentChanges: true, createFiles: true };
const DOCKERFILE = 'file:///work/shop/services/cart/Dockerfile';

test("a manifest's fix of its image's Dockerfile lands in that file, versioned when it is open, applied at once", () => {
  const edit = toWorkspaceEdit(manifest, fix, capabilities, files({ [DOCKERFILE]: 7 }));
  const change = edit?.documentChanges?.[0] as TextDocumentEdit;
  assert.deepEqual(change.textDocument, { uri: DOCKERFILE, version: 7 });
  // Nothing needing confirmation: VS Code would open its preview with the change unticked and apply nothing.
  assert.equal(edit?.changeAnnotations, undefined);
  assert.equal(applyEdits('FROM node:24\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER app\n', change.edits.flatMap((one) => ('newText' in one ? [one] : []))), 'FROM node:24\nWORKDIR /app\nCOPY . .\nRUN npm ci\nUSER 10001\n');
});

test('without documentChanges, the edit is keyed by the resolved URI', () => {
  const edit = toWorkspaceEdit(manifest, fix, { documentChanges: false, createFiles: false }, files());
  assert.deepEqual(Object.keys(edit?.changes ?? {}), [DOCKERFILE]);
});
