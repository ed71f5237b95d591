import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllEdits, type Finding } from '../engine';
import type { PublishedFixes } from './published-fixes';
import { toWorkspaceEdit, type EditCapabilities, type FileState } from './workspace-edit';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shipshape`;
export const PROVIDED_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Whether `kind` was asked for: `only` lists kinds whose sub-kinds count too (`source` covers `source.fixAll.shipshape`). */
export function isRequested(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/**
 * One quick fix per fix of each Shipshape diagnostic in the request, from the findings published
 * for the document's current version (none while a change awaits its analysis).
 */
export function quickFixes(document: TextDocument, params: CodeActionParams, published: PublishedFixes, capabilities: EditCapabilities, files: FileState): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    for (const fix of published.fixesFor(document.uri, document.version, diagnostic)) {
      const edit = toWorkspaceEdit(document, fix, capabilities, files);
      if (edit) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred === true, edit });
    }
  }
  return actions;
}

/**
 * The safe fixes of the whole document in one action, for `editor.codeActionsOnSave`. One pass:
 * a fix that overlaps another is left for the next save rather than guessed at.
 */
export function fixAllAction(document: TextDocument, findings: readonly Finding[], capabilities: EditCapabilities, files: FileState): CodeAction | undefined {
  const edits = fixAllEdits(findings, ['safe']);
  if (edits.length === 0) return undefined;
  const title = 'Fix all safely fixable Shipshape problems';
  const edit = toWorkspaceEdit(document, { title, edits, safety: 'safe' }, capabilities, files);
  return edit && { title, kind: FIX_ALL_KIND, edit };
}
