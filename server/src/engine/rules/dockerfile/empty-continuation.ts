import type { Copy, Instruction } from '../../dockerfile/syntax';
import type { DockerfileModel } from '../../dockerfile/model';
import type { DockerfileRule } from '../rule';

/** Lines that belong to heredoc bodies, where blank lines are content. */
function heredocLines(instruction: Instruction): Set<number> {
  const lines = new Set<number>();
  const heredocs = 'getHeredocs' in instruction ? (instruction as Copy).getHeredocs() : [];
  for (const heredoc of heredocs) {
    const start = heredoc.getContentRange()?.start.line;
    const end = heredoc.getDelimiterRange()?.end.line ?? heredoc.getContentRange()?.end.line;
    if (start === undefined || end === undefined) continue;
    for (let line = start; line <= end; line++) lines.add(line);
  }
  return lines;
}

function blankLinesInside(model: DockerfileModel, instruction: Instruction): number[] {
  const { start, end } = instruction.getRange();
  const content = heredocLines(instruction);
  const blank: number[] = [];
  for (let line = start.line + 1; line < end.line; line++) {
    if (!content.has(line) && model.lines.lineText(line).trim() === '') blank.push(line);
  }
  return blank;
}

export const emptyContinuation: DockerfileRule = {
  meta: {
    id: 'empty-continuation',
    defaultSeverity: 'warning',
    category: 'correctness',
    summary: 'Blank line inside a `\\` continuation.',
    why: 'Docker skips blank lines inside a continued instruction, so the instruction goes on after the gap. That reads as if it had ended, and Docker has announced it will become an error.',
    example: 'RUN apt-get update && \\\n\n    apt-get install -y --no-install-recommends curl',
    useInstead: 'RUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl',
    fixSafety: 'safe',
    equivalents: ['BuildKit NoEmptyContinuation'],
  },
  check({ model, report }) {
    for (const instruction of model.ast.getInstructions()) {
      for (const line of blankLinesInside(model, instruction)) {
        report({
          range: { start: { line, character: 0 }, end: { line, character: model.lines.lineText(line).length } },
          message: 'Blank line inside a continued instruction; the instruction goes on below it.',
          fixes: [{ title: 'Remove the blank line', edits: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }], safety: 'safe', isPreferred: true }],
        });
      }
    }
  },
};
