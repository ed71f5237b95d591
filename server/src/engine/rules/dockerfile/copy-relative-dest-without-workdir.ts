import { copyOperands } from '../../dockerfile/copy-operands';
import { isWindowsStage, rootBase, type Stage } from '../../dockerfile/model';
import { isAbsolutePath, unquote } from '../../dockerfile/paths';
import type { DockerfileRule } from '../rule';

function parentSetsWorkdir(stage: Stage): boolean {
  for (let parent = stage.base.stage; parent; parent = parent.base.stage) {
    if (parent.instructions.some((instruction) => instruction.getKeyword() === 'WORKDIR')) return true;
  }
  return false;
}

export const copyRelativeDestWithoutWorkdir: DockerfileRule = {
  meta: {
    id: 'copy-relative-dest-without-workdir',
    defaultSeverity: 'warning',
    category: 'correctness',
    summary: 'COPY to a relative destination before the stage sets a WORKDIR.',
    why: 'A relative destination is resolved against the base image\'s working directory: `/` for most images, something else for others, and it can change between tags. Files then land where nothing expects them, often straight in `/`. Set a WORKDIR first, or copy to an absolute path.',
    example: 'FROM node:22-slim\nCOPY . .',
    useInstead: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .',
    fixSafety: 'none',
    equivalents: ['hadolint DL3045'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      // Scratch has no working directory to change: relative paths there always mean `/`.
      if (parentSetsWorkdir(stage) || rootBase(stage).isScratch) continue;
      const windows = isWindowsStage(model, stage);
      for (const instruction of stage.instructions) {
        const keyword = instruction.getKeyword();
        if (keyword === 'WORKDIR') break;
        if (keyword !== 'COPY') continue;
        const destination = copyOperands(model, instruction)?.destination;
        const path = destination && unquote(destination.value);
        if (!destination || !path || path.startsWith('$') || isAbsolutePath(path, windows)) continue;
        report({
          range: destination.range,
          message: `\`${path}\` is relative, and no WORKDIR is set yet in this stage: it resolves against the base image's working directory. Set a WORKDIR first or use an absolute path.`,
        });
      }
    }
  },
};
