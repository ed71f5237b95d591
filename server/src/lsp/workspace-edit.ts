/**
 * Turns an engine fix into a WorkspaceEdit: the document's edits, edits of other files (of a
 * Dockerfile's build context, or a manifest's Dockerfile elsewhere in the workspace: resolved
 * against the document's folder, created when missing), versioned where the
 * client allows it. Nothing is marked as needing confirmation: VS Code opens its refactor preview
 * for such a change with it unticked, so accepting a quick fix or a conversion would change
 * nothing; the edit applies at once, one undo step (Ctrl+Enter in the Quick Fix and Refactor
 * menus still previews a code action, ticked).
 */
import type { ClientCapabilities, CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { editsByFile, type Fix } from '../engine';

export interface EditCapabilities {
  documentChanges: boolean;
  createFiles: boolean;
}

export function editCapabilities(capabilities: ClientCapabilities): EditCapabilities {
  const edit = capabilities.workspace?.workspaceEdit;
  return {
    documentChanges: edit?.documentChanges === true,
    createFiles: edit?.resourceOperations?.includes('create') === true,
  };
}

/** What the server knows about the other files an edit touches. */
export interface FileState {
  /** The version of an open document, else undefined. */
  openVersion(uri: string): number | undefined;
  /** Whether an open document's text still matches what the analysis read from disk. */
  openMatchesDisk(uri: string): boolean;
  exists(uri: string): boolean;
}

/** Undefined when the client cannot apply the fix as the engine meant it (a file it cannot create, a script edited since). */
export function toWorkspaceEdit(document: TextDocument, fix: Fix, capabilities: EditCapabilities, files: FileState): WorkspaceEdit | undefined {
  const groups = [...editsByFile(fix.edits)].map(([file, edits]) => ({ uri: file === undefined ? document.uri : new URL(file, document.uri).href, document: file === undefined, edits }));
  const others = groups.filter((group) => !group.document);
  if (others.length > 0 && !document.uri.startsWith('file:')) return undefined;
  if (others.some((group) => files.openVersion(group.uri) !== undefined && !files.openMatchesDisk(group.uri))) return undefined;
  const missing = others.filter((group) => !files.exists(group.uri));
  if (!capabilities.documentChanges) {
    if (missing.length > 0) return undefined;
    return { changes: Object.fromEntries(groups.map((group) => [group.uri, group.edits])) };
  }
  if (missing.length > 0 && !capabilities.createFiles) return undefined;
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const group of groups) {
    if (missing.includes(group)) documentChanges.push({ kind: 'create', uri: group.uri, options: { ignoreIfExists: true } });
    const version = group.document ? document.version : (files.openVersion(group.uri) ?? null);
    documentChanges.push({ textDocument: { uri: group.uri, version }, edits: group.edits });
  }
  return { documentChanges };
}
