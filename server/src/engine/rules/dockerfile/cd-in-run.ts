import type { Run } from 'dockerfile-ast';
import { isWindowsStage, type DockerfileModel } from '../../dockerfile/model';
import { comparePositions } from '../../text/document';
import type { Fix, Range } from '../../types';
import type { DockerfileRule } from '../rule';
import { stageRunScripts, type RunCommand, type RunScript } from './support/run-commands';

/** A path WORKDIR takes literally: absolute, no glob, blank, variable or escape. */
const PLAIN_ABSOLUTE = /^\/[^\s*?[\]$\\`'"]*$/;

function inHeredoc(script: RunScript, range: Range): boolean {
  return (script.run.instruction as Run).getHeredocs().some((heredoc) => {
    const content = heredoc.getContentRange();
    return content !== null && comparePositions(content.start, range.start) <= 0 && comparePositions(range.end, content.end) <= 0;
  });
}

/** The first `cd` of the script whose new directory later commands run in. */
function leadingDirectoryChange(script: RunScript): RunCommand | undefined {
  return script.commands.find(({ command, description }) => {
    // In a subshell, a condition, a loop or a substitution the change stays local or is not certain.
    if (description?.tool !== 'cd' || !command.nesting.every((kind) => kind === 'group')) return false;
    if (description.operands[0]?.value === '-') return false;
    const range = script.rangeOf(command.start, command.end);
    return !inHeredoc(script, range) && script.commands.some((other) => other.command.start >= command.end);
  });
}

/** `RUN cd /app && npm ci` → `WORKDIR /app` + `RUN npm ci`, when the cd leads the RUN. */
function workdirFix(model: DockerfileModel, script: RunScript, cd: RunCommand): Fix | undefined {
  const { command, description } = cd;
  const path = description?.operands[0]?.value;
  const next = script.commands[1];
  const connected = command.after === '&&' || command.after === ';' || command.after === 'newline';
  if (!script.editable || script.commands[0] !== cd || command.nesting.length > 0 || !connected || !next || next.command.nesting.length > 0) return undefined;
  if (!path || !PLAIN_ABSOLUTE.test(path) || description.operands.length !== 1 || description.allFlags.length > 0) return undefined;
  const removed: Range = { start: script.rangeOf(command.start, command.end).start, end: script.rangeOf(next.command.start, next.command.end).start };
  // A comment inside the removed continuation would go with it.
  if (model.lines.textOf(removed).includes('#')) return undefined;
  const instruction = script.run.instruction.getRange().start;
  const indent = model.lines.lineText(instruction.line).slice(0, instruction.character);
  const eol = model.lines.lineTerminator(instruction.line);
  return {
    title: `Replace cd with WORKDIR ${path}`,
    safety: 'unsafe',
    isPreferred: true,
    edits: [
      { range: { start: instruction, end: instruction }, newText: `WORKDIR ${path}${eol}${indent}` },
      { range: removed, newText: '' },
    ],
  };
}

export const cdInRun: DockerfileRule = {
  meta: {
    id: 'cd-in-run',
    defaultSeverity: 'warning',
    category: 'correctness',
    summary: '`cd` in a RUN changes the directory for the commands after it.',
    why: 'The directory a RUN changes to is forgotten at the end of the instruction, so the next RUN, COPY and CMD work somewhere else than the reader may think, and every RUN has to repeat the `cd`. WORKDIR states the directory once, creates it, and holds for every later instruction. A `cd` inside a subshell `(cd dir && make)`, a `cd -`, a lone `cd` and scripts in heredocs are left alone.',
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
        const fix = workdirFix(model, script, cd);
        report({
          range: script.rangeOf(cd.command.start, cd.command.end),
          message: '`cd` only lasts until the end of this RUN; set the directory with WORKDIR instead.',
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
