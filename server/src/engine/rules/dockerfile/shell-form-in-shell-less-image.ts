import { copyOperands } from '../../dockerfile/copy-operands';
import { argumentsText, execFormArguments, rootBase, type DockerfileModel, type Stage } from '../../dockerfile/model';
import { unquote } from '../../dockerfile/paths';
import type { Instruction } from '../../dockerfile/syntax';
import { commandRange } from '../../dockerfile/shell-source';
import { execFormFix } from '../../fixes/exec-form-fix';
import type { DockerfileRule } from '../rule';

const SHELL_FORM_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/**
 * A SHELL instruction, or a COPY/ADD that brings `/bin/sh` (etcd copies busybox's into
 * distroless) or a whole root file system, means the author put a shell there.
 */
function providesShell(model: DockerfileModel, stage: Stage): boolean {
  for (let current: Stage | undefined = stage; current; current = current.base.stage) {
    if (current.instructions.some((instruction) => instruction.getKeyword() === 'SHELL' || copiesShell(model, instruction))) return true;
  }
  return false;
}

function copiesShell(model: DockerfileModel, instruction: Instruction): boolean {
  if (!['COPY', 'ADD'].includes(instruction.getKeyword())) return false;
  const operands = copyOperands(model, instruction);
  if (!operands) return false;
  const destination = unquote(operands.destination.value).replace(/\/+$/, '') || '/';
  return operands.sources.some((operand) => {
    const source = unquote(operand.value).replace(/\/+$/, '') || '/';
    if (destination === '/bin/sh' || (source === destination && ['/', '/bin'].includes(source))) return true;
    return destination === '/bin' && source.split('/').pop() === 'sh';
  });
}

export const shellFormInShellLessImage: DockerfileRule = {
  meta: {
    id: 'shell-form-in-shell-less-image',
    defaultSeverity: 'error',
    category: 'process',
    summary: 'Shell-form RUN, CMD, ENTRYPOINT or HEALTHCHECK on a base image that has no shell.',
    why: 'Shell form runs `/bin/sh -c "…"`. Scratch, distroless and Chainguard production images have no `/bin/sh`: a RUN fails the build, and a CMD, ENTRYPOINT or HEALTHCHECK fails only when the container starts, with `exec: "/bin/sh": stat /bin/sh: no such file or directory`.',
    example: 'FROM gcr.io/distroless/nodejs22-debian13\nCMD node server.js',
    useInstead: 'FROM gcr.io/distroless/nodejs22-debian13\nCMD ["server.js"]',
    fixSafety: 'safe',
    equivalents: [],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const base = rootBase(stage);
      if (base.facts.hasShell !== false || providesShell(model, stage)) continue;
      const imageName = base.isScratch ? 'scratch' : `\`${base.resolved}\``;
      for (const instruction of stage.instructions) {
        const keyword = instruction.getKeyword();
        if (!SHELL_FORM_KEYWORDS.has(keyword)) continue;
        const range = commandRange(model, instruction);
        if (!range || execFormArguments(model.lines.textOf(range)) || (keyword === 'HEALTHCHECK' && /^NONE$/i.test(argumentsText(model, instruction).trim()))) continue;
        const fix = execFormFix(model, stage, instruction, 'safe');
        report({
          range,
          message: `${keyword} in shell form needs /bin/sh, but ${imageName} has no shell; ${keyword === 'RUN' ? 'the build fails here' : 'the container fails to start'}. Use exec form.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
