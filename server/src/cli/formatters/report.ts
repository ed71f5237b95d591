import { dirname, join, resolve } from 'node:path';
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

/** A finding's related location, with the file's path as displayed and on disk. */
export interface RelatedPlace {
  path: string;
  absolutePath: string;
  range: Range;
  message: string;
}

/** The places a finding points at besides its own; the engine names other files relative to the finding's file. */
export function relatedPlaces(file: CheckedFile, finding: Finding): RelatedPlace[] {
  return (finding.related ?? []).map((related) => ({
    path: related.file ? join(dirname(file.path), related.file) : file.path,
    absolutePath: related.file ? resolve(dirname(file.absolutePath), related.file) : file.absolutePath,
    range: related.range,
    message: related.message,
  }));
}
