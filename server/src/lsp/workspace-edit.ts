/**
 * Turns an engine fix into a WorkspaceEdit: the document's edits, edits of other files (of a
 * Dockerfile's build context, or a manifest's Dockerfile elsewhere in the workspace: resolved
 * against the document's folder, created when missing), versioned where the
 * client allows it, and marked as needing confirmation when large or multi-file, which VS Code
 * shows as a refactor preview.
 */
import type { AnnotatedTextEdit, ChangeAnnotation, ClientCapabilities, CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { editsByFile, type Fix } from '../engine';

/** More changed lines than this and the edit is shown for review before it applies. */
const LARGE_EDIT_LINES = 8;
const ANNOTATION_ID = 'shipshape.conversion';

export interface EditCapabilities {
  documentChanges: boolean;
  createFiles: boolean;
  annotations: boolean;
}

export function editCapabilities(capabilities: ClientCapabilities): EditCapabilities {
  const edit = capabilities.workspace?.workspaceEdit;
  return {
    documentChanges: edit?.documentChanges === true,
    createFiles: edit?.resourceOperations?.includes('create') === true,
    annotations: edit?.changeAnnotationSupport !== undefined,
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

function changedLines(fix: Fix): number {
  return fix.edits.reduce((sum, edit) => sum + edit.range.end.line - edit.range.start.line + edit.newText.split('\n').length - 1, 0);
}

/** Undefined when the client cannot apply the fix as the engine meant it (a file it cannot create, a script edited since). */
export function toWorkspaceEdit(document: TextDocument, fix: Fix, capabilities: EditCapabilities, files: FileState, preview = true): WorkspaceEdit | undefined {
  const groups = [...editsByFile(fix.edits)].map(([file, edits]) => ({ uri: file === undefined ? document.uri : new URL(file, document.uri).href, document: file === undefined, edits }));
  const others = groups.filter((group) => !group.document);
  if (others.length > 0 && !document.uri.startsWith('file:')) return undefined;
  if (others.some((group) => files.openVersion(group.uri) !== undefined && !files.openMatchesDisk(group.uri))) return undefined;
  const confirm = preview && capabilities.annotations && (others.length > 0 || changedLines(fix) > LARGE_EDIT_LINES);
  const annotate = (edits: TextEdit[]): (TextEdit | AnnotatedTextEdit)[] => (confirm ? edits.map((edit) => ({ ...edit, annotationId: ANNOTATION_ID })) : edits);
  const missing = others.filter((group) => !files.exists(group.uri));
  if (!capabilities.documentChanges) {
    if (missing.length > 0) return undefined;
    return { changes: Object.fromEntries(groups.map((group) => [group.uri, group.edits])) };
  }
  if (missing.length > 0 && !capabilities.createFiles) return undefined;
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const group of groups) {
    if (missing.includes(group)) documentChanges.push({ kind: 'create', uri: group.uri, options: { ignoreIfExists: true }, ...(confirm ? { annotationId: ANNOTATION_ID } : {}) });
    const version = group.document ? document.version : (files.openVersion(group.uri) ?? null);
    documentChanges.push({ textDocument: { uri: group.uri, version }, edits: annotate(group.edits) });
  }
  const annotation: ChangeAnnotation = { label: fix.title, needsConfirmation: true, description: others.length > 0 ? `also changes ${others.length === 1 ? 'another file' : `${others.length} other files`}` : undefined };
  return confirm ? { documentChanges, changeAnnotations: { [ANNOTATION_ID]: annotation } } : { documentChanges };
}
