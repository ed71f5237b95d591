import { applyEdits, comparePositions, rangesOverlap } from '../text/document';
import type { Finding, Fix, FixSafety, TextEdit } from '../types';

/** The fix fix-all applies for a finding: its preferred fix of an allowed safety, else the first allowed one. */
export function chosenFix(finding: Finding, allow: readonly FixSafety[] = ['safe']): Fix | undefined {
  return finding.fixes.find((fix) => fix.isPreferred && allow.includes(fix.safety)) ?? finding.fixes.find((fix) => allow.includes(fix.safety));
}

/** Whether a fix edits files of the build context besides the analysed document. */
export function editsOtherFiles(fix: Fix): boolean {
  return fix.edits.some((edit) => edit.file !== undefined);
}

/**
 * The edits of a fix (or of several) grouped by the file they change: `undefined` for the
 * analysed document, else the context-relative path. The `file` field is dropped, so each
 * group applies to its file's text with applyEdits.
 */
export function editsByFile(edits: readonly TextEdit[]): Map<string | undefined, TextEdit[]> {
  const groups = new Map<string | undefined, TextEdit[]>();
  for (const { file, ...edit } of edits) groups.set(file, [...(groups.get(file) ?? []), edit]);
  return groups;
}

/**
 * The edits of every finding's preferred fix of the allowed safety, leaving out any fix that
 * overlaps or touches one already taken (a later pass picks it up once the text has settled). `scope`
 * says which fixes count: those that change only the document (fix-all on save must not touch
 * files behind the user's back), or those that change other files too.
 */
export function fixAllEdits(findings: readonly Finding[], allow: readonly FixSafety[] = ['safe'], scope: 'document' | 'context' = 'document'): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const finding of findings) {
    const fix = chosenFix(finding, allow);
    if (!fix || (scope === 'document' && editsOtherFiles(fix))) continue;
    if (fix.edits.some((edit) => taken.some((other) => edit.file === other.file && (rangesOverlap(edit.range, other.range) || touching(edit, other))))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

/**
 * Edits at the same point, or one starting where the other ends, each assume the text around
 * them as it was: removing `privileged: true` from `{privileged: true}` and appending
 * `, allowPrivilegeEscalation: false` after it would leave `{, allowPrivilegeEscalation: false}`.
 */
function touching(a: TextEdit, b: TextEdit): boolean {
  return comparePositions(a.range.start, b.range.start) === 0 || comparePositions(a.range.end, b.range.start) === 0 || comparePositions(b.range.end, a.range.start) === 0;
}

/** Applies the document's fixes repeatedly until nothing changes, for `check --fix` and fix-on-save. */
export function fixAll(text: string, analyzeText: (text: string) => readonly Finding[], allow: readonly FixSafety[] = ['safe'], maxPasses = 10): string {
  let current = text;
  for (let pass = 0; pass < maxPasses; pass++) {
    const edits = fixAllEdits(analyzeText(current), allow);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
  }
  return current;
}
