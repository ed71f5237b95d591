/**
 * The properties every offered fix must have, checked one fix at a time: the result re-parses;
 * the finding it addressed is gone; no rule reports more at warning or above than before;
 * the fix is not offered again once applied; and what it did not mean to change stays
 * (comment lines, line endings, the escape character's continuations, a final newline).
 * Fixes that edit other files are applied to an in-memory copy of the build context.
 */
import { analyze, applyEdits, LineIndex, type AnalysisInput, type BuildContext, type Finding, type Fix } from '../../server/src/engine';
import { applyToContext } from './context-edits';

export interface Subject {
  text: string;
  config?: AnalysisInput['config'];
  context?: BuildContext;
}

const RANK = { info: 0, warning: 1, error: 2 } as const;

function serious(findings: readonly Finding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) if (RANK[finding.severity] >= RANK.warning) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return counts;
}

function commentLines(text: string): string[] {
  return text.split(/\r?\n|\r/).filter((line) => /^\s*#/.test(line)).map((line) => line.trim()).sort();
}

function isSubset(small: readonly string[], large: readonly string[]): boolean {
  const left = [...large];
  return small.every((item) => {
    const at = left.indexOf(item);
    if (at >= 0) left.splice(at, 1);
    return at >= 0;
  });
}

function lineEndings(text: string): Set<string> {
  return new Set(text.match(/\r\n|\r(?!\n)|(?<!\r)\n/g) ?? []);
}

/**
 * Where the finding's start lands in the fixed text: the same character when no edit covers
 * it, else the whole new text of the edit that does.
 */
function mappedRegion(original: string, fix: Fix, finding: Finding): { start: number; end: number } {
  const lines = new LineIndex(original);
  const at = lines.offsetAt(finding.range.start);
  let delta = 0;
  const spans = fix.edits.filter((edit) => edit.file === undefined).map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), length: edit.newText.length })).sort((a, b) => a.start - b.start);
  for (const span of spans) {
    if (at < span.start) break;
    if (at < span.end || (at === span.start && span.start === span.end)) return { start: span.start + delta, end: span.start + delta + span.length };
    delta += span.length - (span.end - span.start);
  }
  return { start: at + delta, end: at + delta };
}

/** Problems of one fix of one finding, in words; empty when it has every property. */
export function fixViolations(subject: Subject, before: readonly Finding[], finding: Finding, fix: Fix): string[] {
  const problems: string[] = [];
  const text = applyEdits(subject.text, fix.edits);
  const { context } = applyToContext(subject.context, fix.edits);
  const after = analyze({ text, kind: 'dockerfile', config: subject.config, context });
  if (after.internalErrors.length > 0) problems.push(`a rule throws afterwards: ${after.internalErrors.map((error) => `${error.rule}: ${error.message}`).join('; ')}`);
  const count = (findings: readonly Finding[]) => findings.filter((other) => other.rule === finding.rule).length;
  if (count(after.findings) >= count(before)) problems.push(`the ${finding.rule} finding is still there`);
  const beforeCounts = serious(before);
  for (const [rule, n] of serious(after.findings)) {
    if (n > (beforeCounts.get(rule) ?? 0)) problems.push(`adds ${rule} (${beforeCounts.get(rule) ?? 0} → ${n}): ${after.findings.find((other) => other.rule === rule)?.message}`);
  }
  // Applying it again changes nothing: the same fix is not offered again where it applied.
  const where = mappedRegion(subject.text, fix, finding);
  const lines = new LineIndex(text);
  const again = after.findings.some((other) => {
    const at = lines.offsetAt(other.range.start);
    return other.rule === finding.rule && at >= where.start && at <= where.end && other.fixes.some((offered) => offered.title === fix.title);
  });
  if (again) problems.push('offered again where it applied');
  if (!isSubset(commentLines(subject.text), commentLines(text))) problems.push('loses a comment line');
  const endings = lineEndings(subject.text);
  if (endings.size === 1 && [...lineEndings(text)].some((ending) => !endings.has(ending))) problems.push('writes other line endings than the file\'s');
  if (/(\r?\n|\r)$/.test(subject.text) !== /(\r?\n|\r)$/.test(text)) problems.push('adds or drops the final line break');
  if (/^#\s*escape\s*=\s*`/im.test(subject.text) && fix.edits.some((edit) => /\\(\r?\n)/.test(edit.newText))) problems.push('continues a line with \\ in a file whose escape character is `');
  return problems.map((problem) => `${finding.rule} "${fix.title}": ${problem}`);
}

/** Every fix of every finding of a subject, checked alone. */
export function allFixViolations(subject: Subject): string[] {
  const before = analyze({ text: subject.text, kind: 'dockerfile', config: subject.config, context: subject.context }).findings;
  return before.flatMap((finding) => finding.fixes.flatMap((fix) => fixViolations(subject, before, finding, fix)));
}
