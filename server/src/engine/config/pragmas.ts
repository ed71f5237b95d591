import type { DockerfileModel } from '../dockerfile/model';
import { rulesForForeignCheck, rulesWithEquivalentIn } from './equivalents';

/** Rule ids switched off for a line range or for the whole file by inline comments. */
export interface Suppressions {
  file: Set<string>;
  /** Per suppressed instruction (Dockerfile) or key or object (YAML): its first and last line, and the ids. */
  instructions: { startLine: number; endLine: number; rules: Set<string> }[];
}

export const SHIPSHAPE_NEXT = /^#\s*shipshape-ignore\s+([A-Za-z0-9_,\s-]+?)(?:\s+--\s.*)?\s*$/;
export const SHIPSHAPE_FILE = /^#\s*shipshape-ignore-file\s+([A-Za-z0-9_,\s-]+?)(?:\s+--\s.*)?\s*$/;
const HADOLINT_NEXT = /^#\s*hadolint\s+ignore\s*=\s*([A-Za-z0-9,\s]+?)\s*$/i;
const HADOLINT_FILE = /^#\s*hadolint\s+global\s+ignore\s*=\s*([A-Za-z0-9,\s]+?)\s*$/i;
const BUILDKIT_CHECK = /^#\s*check\s*=\s*(.*)$/i;

export function list(text: string): string[] {
  return text.split(',').map((item) => item.trim()).filter(Boolean);
}

/** BuildKit's `# check=skip=A,B;error=true` (or `skip=all`) directive. */
function buildkitSkips(value: string): string[] {
  const skip = value.split(';').map((part) => part.trim()).find((part) => part.toLowerCase().startsWith('skip='));
  if (!skip) return [];
  const names = list(skip.slice('skip='.length));
  if (names.some((name) => name.toLowerCase() === 'all')) {
    return rulesWithEquivalentIn('BuildKit');
  }
  return names.flatMap((name) => rulesForForeignCheck('BuildKit', name));
}

/**
 * Reads `# shipshape-ignore a,b [-- reason]` (next instruction), `# shipshape-ignore-file a,b`,
 * and, for teams coming from other tools, `# hadolint ignore=DL3008`, `# hadolint global
 * ignore=...` and BuildKit's `# check=skip=...`, mapped to our rules through their equivalents.
 */
export function readDockerfileSuppressions(model: DockerfileModel): Suppressions {
  const suppressions: Suppressions = { file: new Set(), instructions: [] };
  const instructions = model.ast.getInstructions();
  const commentLines = [...model.ast.getComments(), ...model.ast.getDirectives()].map((comment) => comment.getRange().start.line);
  for (const line of commentLines) {
    const text = model.lines.lineText(line).trim();
    let fileIds: string[] | undefined;
    let nextIds: string[] | undefined;
    let match: RegExpExecArray | null;
    if ((match = SHIPSHAPE_FILE.exec(text))) fileIds = list(match[1]);
    else if ((match = SHIPSHAPE_NEXT.exec(text))) nextIds = list(match[1]);
    else if ((match = HADOLINT_FILE.exec(text))) fileIds = list(match[1]).flatMap((code) => rulesForForeignCheck('hadolint', code));
    else if ((match = HADOLINT_NEXT.exec(text))) nextIds = list(match[1]).flatMap((code) => rulesForForeignCheck('hadolint', code));
    else if ((match = BUILDKIT_CHECK.exec(text))) fileIds = buildkitSkips(match[1]);
    for (const id of fileIds ?? []) suppressions.file.add(id);
    if (!nextIds) continue;
    const next = instructions.find((instruction) => instruction.getRange().start.line > line);
    if (next) suppressions.instructions.push({ startLine: next.getRange().start.line, endLine: next.getRange().end.line, rules: new Set(nextIds) });
  }
  return suppressions;
}

export function isSuppressed(suppressions: Suppressions, rule: string, line: number): boolean {
  if (suppressions.file.has(rule)) return true;
  return suppressions.instructions.some((entry) => entry.rules.has(rule) && line >= entry.startLine && line <= entry.endLine);
}
