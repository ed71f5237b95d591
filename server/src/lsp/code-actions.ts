import { CodeActionKind, type CodeAction, type CodeActionParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllEdits, type Finding, type TextEdit } from '../engine';
import { fixData } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shipshape`;
export const PROVIDED_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Whether `kind` was asked for: `only` lists kinds whose sub-kinds count too (`source` covers `source.fixAll.shipshape`). */
export function isRequested(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

/**
 * One quick fix per fix of each Shipshape diagnostic in the request. Diagnostics published for
 * an older version are skipped: their ranges no longer match the text, and fresh ones are on
 * their way.
 */
export function quickFixes(document: TextDocument, params: CodeActionParams, versionedEdits: boolean): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const data = fixData(diagnostic);
    if (!data || data.version !== document.version) continue;
    for (const fix of data.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.isPreferred === true,
        edit: workspaceEdit(document, fix.edits, versionedEdits),
      });
    }
  }
  return actions;
}

/**
 * The safe fixes of the whole document in one action, for `editor.codeActionsOnSave`. One pass:
 * a fix that overlaps another is left for the next save rather than guessed at.
 */
export function fixAllAction(document: TextDocument, findings: readonly Finding[], versionedEdits: boolean): CodeAction | undefined {
  const edits = fixAllEdits(findings, ['safe']);
  if (edits.length === 0) return undefined;
  return { title: 'Fix all safely fixable Shipshape problems', kind: FIX_ALL_KIND, edit: workspaceEdit(document, edits, versionedEdits) };
}

/** Versioned when the client supports it, so an edit computed for older text is refused rather than misapplied. */
function workspaceEdit(document: TextDocument, edits: TextEdit[], versioned: boolean): WorkspaceEdit {
  if (!versioned) return { changes: { [document.uri]: edits } };
  return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
}
