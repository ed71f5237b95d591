import type { DockerfileModel } from '../../dockerfile/model';
import type { Instruction } from '../../dockerfile/syntax';
import type { Fix } from '../../types';
import type { DockerfileRule } from '../rule';

const SINGLE_USE = ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'];

/** Deletes an instruction's whole lines, terminator included. */
function removeInstruction(model: DockerfileModel, instruction: Instruction): Fix {
  const range = instruction.getRange();
  const lastLine = range.end.line;
  const end = lastLine + 1 < model.lines.lineCount ? { line: lastLine + 1, character: 0 } : { line: lastLine, character: model.lines.lineText(lastLine).length };
  return { title: `Remove the overridden ${instruction.getKeyword()}`, safety: 'safe', isPreferred: true, edits: [{ range: { start: { line: range.start.line, character: 0 }, end }, newText: '' }] };
}

export const overriddenInstruction: DockerfileRule = {
  meta: {
    id: 'overridden-instruction',
    defaultSeverity: 'warning',
    category: 'process',
    summary: 'More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage: only the last one counts.',
    why: 'Docker keeps only the last CMD, ENTRYPOINT and HEALTHCHECK of a stage. An earlier one does nothing, and readers easily take it for the command the container runs.',
    example: 'CMD ["node", "migrate.js"]\nCMD ["node", "server.js"]',
    useInstead: 'CMD ["node", "server.js"]',
    fixSafety: 'safe',
    equivalents: ['hadolint DL4003', 'hadolint DL4004', 'hadolint DL3012', 'BuildKit MultipleInstructionsDisallowed'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const keyword of SINGLE_USE) {
        const all = stage.instructions.filter((instruction) => instruction.getKeyword() === keyword);
        const last = all[all.length - 1];
        for (const earlier of all.slice(0, -1)) {
          report({
            range: earlier.getInstructionRange(),
            message: `This ${keyword} is overridden by the one on line ${last.getRange().start.line + 1} and has no effect.`,
            fixes: [removeInstruction(model, earlier)],
            related: [{ range: last.getInstructionRange(), message: `the ${keyword} that takes effect` }],
          });
        }
      }
    }
  },
};
