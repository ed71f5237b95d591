import type { DockerfileModel } from '../dockerfile/model';
import { rulesForForeignCheck, rulesWithEquivalentIn } from './equivalents';

/** Rule ids switched off for a line range or for the whole file by inline comments. */
export interface Suppressions {
  file: Set<string>;
  /** Per suppressed instruction (Dockerfile) or key or object (YAML): its first and last line, and the ids. */
  instructions: { startLine: number; endLine: number; rules: Set<string> }[];
}

// Each pragma is a prefix matched by a pattern that cannot backtrack far, then a list checked
// on its own: single patterns for "ids, then an optional reason, then trailing space" took
// minutes on a comment line of a thousand tabs (catastrophic backtracking).
const SHIPSHAPE_PRAGMA = /^#\s*shipshape-ignore(-file)?\s+([\s\S]*)$/;
const SHIPSHAPE_IDS = /^[A-Za-z0-9_,\s-]+$/;
const HADOLINT_PRAGMA = /^#\s*hadolint\s+(global\s+)?ignore\s*=([\s\S]*)$/i;
const HADOLINT_IDS = /^[A-Za-z0-9,\s]+$/;
const BUILDKIT_CHECK = /^#\s*check\s*=([\s\S]*)$/i;
/** Where the ids of a `# shipshape-ignore` end and its reason starts. */
const REASON = /\s--\s/;

/** `# shipshape-ignore a,b [-- reason]` (the next instruction) or `# shipshape-ignore-file a,b` in a trimmed comment line. */
export function shipshapePragma(text: string): { scope: 'next' | 'file'; ids: string[] } | undefined {
  const match = SHIPSHAPE_PRAGMA.exec(text);
  if (!match) return undefined;
  const reason = match[2].search(REASON);
  const ids = reason < 0 ? match[2] : match[2].slice(0, reason);
  return SHIPSHAPE_IDS.test(ids) ? { scope: match[1] ? 'file' : 'next', ids: list(ids) } : undefined;
}

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
    const shipshape = shipshapePragma(text);
    const hadolint = shipshape ? undefined : HADOLINT_PRAGMA.exec(text);
    const buildkit = shipshape || hadolint ? undefined : BUILDKIT_CHECK.exec(text);
    if (shipshape?.scope === 'file') fileIds = shipshape.ids;
    else if (shipshape) nextIds = shipshape.ids;
    else if (hadolint && HADOLINT_IDS.test(hadolint[2])) {
      const ids = list(hadolint[2]).flatMap((code) => rulesForForeignCheck('hadolint', code));
      if (hadolint[1]) fileIds = ids;
      else nextIds = ids;
    } else if (buildkit) fileIds = buildkitSkips(buildkit[1]);
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
