import type { Run } from '../../dockerfile/syntax';
import { isWindowsStage, type DockerfileModel, type Stage } from '../../dockerfile/model';
import { comparePositions } from '../../text/document';
import type { Fix, Range } from '../../types';
import type { DockerfileRule } from '../rule';
import { stageRunScripts, type RunCommand, type RunScript } from './support/run-commands';
import { workdirBefore, workdirReach } from './support/workdir';

/** A path WORKDIR takes literally: absolute, no glob, blank, variable or escape. */
const PLAIN_ABSOLUTE = /^\/[^\s*?[\]$\\`'"]*$/;

function inHeredoc(script: RunScript, range: Range): boolean {
  return (script.run.instruction as Run).getHeredocs().some((heredoc) => {
    const content = heredoc.getContentRange();
    return content !== null && comparePositions(content.start, range.start) <= 0 && comparePositions(range.end, content.end) <= 0;
  });
}

const trimSlashes = (path: string) => path.replace(/(.)\/+$/, '$1');

/**
 * A directory the RUN itself throws away: `cd "$(mktemp -d)"`, or one a later `rm -r` of the
 * same RUN deletes (`mkdir /usr/src/x && cd /usr/src/x && make && cd / && rm -rf /usr/src/x`).
 * WORKDIR would keep it in the image, so the cd is the right tool there.
 */
function temporaryDirectory(script: RunScript, cd: RunCommand): boolean {
  const operand = cd.description?.operands[0];
  if (operand?.hasExpansion && operand.raw.includes('mktemp')) return true;
  const path = operand?.value && trimSlashes(operand.value);
  return !!path && script.commands.some(({ command, description }) => {
    if (command.start < cd.command.end || description?.tool !== 'rm' || !description.flags.has('-r')) return false;
    return description.operands.some((word) => word.value !== undefined && (trimSlashes(word.value) === path || path.startsWith(`${trimSlashes(word.value)}/`)));
  });
}

/** The first `cd` of the script whose new directory later commands run in. */
function leadingDirectoryChange(script: RunScript): RunCommand | undefined {
  for (const run of script.commands) {
    const { command, description } = run;
    // In a subshell, a condition, a loop or a substitution the change stays local or is not certain.
    if (description?.tool !== 'cd' || !command.nesting.every((kind) => kind === 'group')) continue;
    // Once in a scratch directory, the cds that follow (`cd /` before deleting it) belong to that work.
    if (temporaryDirectory(script, run)) return undefined;
    if (description.operands[0]?.value === '-') continue;
    const range = script.rangeOf(command.start, command.end);
    if (!inHeredoc(script, range) && script.commands.some((other) => other.command.start >= command.end)) return run;
  }
  return undefined;
}

/**
 * `RUN cd /app && npm ci` → `WORKDIR /app` + `RUN npm ci`, when the cd leads the RUN. When later
 * instructions or the image depend on the directory the RUN started in, a WORKDIR after the RUN
 * restores it; when that directory is unknown and later instructions use it, there is no fix.
 */
function workdirFix(model: DockerfileModel, stage: Stage, script: RunScript, cd: RunCommand, before: string | undefined): Fix | undefined {
  const { command, description } = cd;
  if (!description) return undefined;
  const path = description.operands[0]?.value && trimSlashes(description.operands[0].value);
  const next = script.commands[1];
  const connected = command.after === '&&' || command.after === ';' || command.after === 'newline';
  if (!script.editable || script.commands[0] !== cd || command.nesting.length > 0 || !connected || !next || next.command.nesting.length > 0) return undefined;
  if (!path || !PLAIN_ABSOLUTE.test(path) || description.operands.length !== 1 || description.allFlags.length > 0) return undefined;
  const removed: Range = { start: script.rangeOf(command.start, command.end).start, end: script.rangeOf(next.command.start, next.command.end).start };
  // A comment inside the removed continuation would go with it.
  if (model.lines.textOf(removed).includes('#')) return undefined;
  const instruction = script.run.instruction;
  const removal = { range: removed, newText: '' };
  if (before === path) return { title: `Remove cd: the WORKDIR is already ${path}`, safety: 'unsafe', isPreferred: true, edits: [removal] };
  const reach = workdirReach(model, stage, instruction);
  if (reach === 'instructions' && before === undefined) return undefined;
  const { start, end } = instruction.getRange();
  const indent = model.lines.lineText(start.line).slice(0, start.character);
  const eol = model.lines.lineTerminator(start.line);
  const edits = [{ range: { start, end: start }, newText: `WORKDIR ${path}${eol}${indent}` }, removal];
  if (reach && before !== undefined) {
    const last = end.line + 1 >= model.lines.lineCount;
    const at = last ? { line: end.line, character: model.lines.lineText(end.line).length } : { line: end.line + 1, character: 0 };
    edits.push({ range: { start: at, end: at }, newText: last ? `${eol}${indent}WORKDIR ${before}` : `${indent}WORKDIR ${before}${eol}` });
  }
  return { title: `Replace cd with WORKDIR ${path}`, safety: 'unsafe', isPreferred: true, edits };
}

export const cdInRun: DockerfileRule = {
  meta: {
    id: 'cd-in-run',
    defaultSeverity: 'warning',
    category: 'correctness',
    summary: '`cd` in a RUN changes the directory for the commands after it.',
    why: 'The directory a RUN changes to is forgotten at the end of the instruction, so the next RUN, COPY and CMD work somewhere else than the reader may think, and every RUN has to repeat the `cd`. WORKDIR states the directory once, creates it, and holds for every later instruction. A `cd` inside a subshell `(cd dir && make)`, a `cd -`, a lone `cd`, a `cd` into a directory the same RUN deletes again (or makes with `mktemp -d`) and scripts in heredocs are left alone. The fix puts a WORKDIR before the RUN and, when later instructions or the image relied on the directory the RUN started in, a WORKDIR after it that restores that directory.',
    example: 'FROM node:22-slim\nCOPY . /app\nRUN cd /app && npm ci',
    useInstead: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci',
    fixSafety: 'unsafe',
    equivalents: ['hadolint DL3003', 'Trivy DS-0013'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (isWindowsStage(model, stage)) continue;
      for (const script of stageRunScripts(model, stage)) {
        // `sh -c "cd x && …"` runs in a shell of its own, like a subshell.
        const cd = script.nested ? undefined : leadingDirectoryChange(script);
        if (!cd) continue;
        const before = workdirBefore(model, stage, script.run.instruction);
        const written = cd.description?.operands[0]?.value;
        const redundant = before !== undefined && written !== undefined && trimSlashes(written) === before;
        const fix = workdirFix(model, stage, script, cd, before);
        report({
          range: script.rangeOf(cd.command.start, cd.command.end),
          message: redundant ? `WORKDIR is already \`${before}\`; this \`cd\` changes nothing.` : '`cd` only lasts until the end of this RUN; set the directory with WORKDIR instead.',
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
