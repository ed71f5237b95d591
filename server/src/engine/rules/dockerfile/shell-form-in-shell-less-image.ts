import { argumentsText, execFormArguments, rootBase, type Stage } from '../../dockerfile/model';
import { commandRange } from '../../dockerfile/shell-source';
import { execFormFix } from '../../fixes/exec-form-fix';
import type { DockerfileRule } from '../rule';

const SHELL_FORM_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/** A SHELL instruction means the author put a shell there (e.g. busybox from a :debug image). */
function declaresShell(stage: Stage): boolean {
  for (let current: Stage | undefined = stage; current; current = current.base.stage) {
    if (current.instructions.some((instruction) => instruction.getKeyword() === 'SHELL')) return true;
  }
  return false;
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
      if (base.facts.hasShell !== false || declaresShell(stage)) continue;
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
