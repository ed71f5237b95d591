import type { Finding, Range, SyntaxProblem } from '../../engine';

export interface CheckedFile {
  /** As the user typed it, joined with the path inside a folder they named. */
  path: string;
  absolutePath: string;
  findings: Finding[];
  /** Where the file stopped parsing (YAML that looks like a manifest): its findings are incomplete. */
  syntaxErrors: SyntaxProblem[];
}

/** What a run found: every analysed file in path order, findings in position order. */
export interface Report {
  files: CheckedFile[];
  /** Files that --fix rewrote. */
  fixedPaths: string[];
}

interface FormatContext {
  cwd: string;
  color: boolean;
}

export type Formatter = (report: Report, context: FormatContext) => string;

/** Engine ranges are 0-based; every output format counts from 1, end column exclusive. */
export function oneBased(range: Range): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}
