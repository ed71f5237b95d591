import type { DockerfileModel } from '../dockerfile/model';

/** Rule ids switched off for a line range or for the whole file by inline comments. */
export interface Suppressions {
  file: Set<string>;
  /** Per suppressed instruction: its first and last line, and the ids. */
  instructions: { startLine: number; endLine: number; rules: Set<string> }[];
}

const NEXT = /^#\s*shipshape-ignore\s+([A-Za-z0-9_,\s-]+?)(?:\s+--\s.*)?\s*$/;
const FILE = /^#\s*shipshape-ignore-file\s+([A-Za-z0-9_,\s-]+?)(?:\s+--\s.*)?\s*$/;

function ids(list: string): Set<string> {
  return new Set(list.split(',').map((id) => id.trim()).filter(Boolean));
}

/**
 * `# shipshape-ignore a,b [-- reason]` silences the next instruction;
 * `# shipshape-ignore-file a,b` silences the file.
 */
export function readDockerfileSuppressions(model: DockerfileModel): Suppressions {
  const suppressions: Suppressions = { file: new Set(), instructions: [] };
  const instructions = model.ast.getInstructions();
  for (const comment of model.ast.getComments()) {
    const text = model.lines.textOf(comment.getRange()).trim();
    const fileMatch = FILE.exec(text);
    if (fileMatch) {
      for (const id of ids(fileMatch[1])) suppressions.file.add(id);
      continue;
    }
    const nextMatch = NEXT.exec(text);
    if (!nextMatch) continue;
    const line = comment.getRange().start.line;
    const next = instructions.find((instruction) => instruction.getRange().start.line > line);
    if (next) {
      suppressions.instructions.push({ startLine: next.getRange().start.line, endLine: next.getRange().end.line, rules: ids(nextMatch[1]) });
    }
  }
  return suppressions;
}

export function isSuppressed(suppressions: Suppressions, rule: string, line: number): boolean {
  if (suppressions.file.has(rule)) return true;
  return suppressions.instructions.some((entry) => entry.rules.has(rule) && line >= entry.startLine && line <= entry.endLine);
}
