import { argumentsText, isWindowsStage, type Stage } from '../../dockerfile/model';
import { isAbsolutePath, unquote } from '../../dockerfile/paths';
import type { DockerfileRule } from '../rule';

function setsWorkdir(stage: Stage): boolean {
  return stage.instructions.some((instruction) => instruction.getKeyword() === 'WORKDIR');
}

export const workdirRelative: DockerfileRule = {
  meta: {
    id: 'workdir-relative',
    defaultSeverity: 'warning',
    category: 'correctness',
    summary: 'Relative WORKDIR before any absolute one in the stage.',
    why: 'A relative WORKDIR is joined to the working directory the base image happens to set. When the publisher changes it, every later COPY, RUN and CMD of the stage lands somewhere else, without an error. Later relative WORKDIRs are fine once the stage has set an absolute one.',
    example: 'FROM nginx:1.27\nWORKDIR usr/share/nginx/html',
    useInstead: 'FROM nginx:1.27\nWORKDIR /usr/share/nginx/html',
    fixSafety: 'none',
    equivalents: ['hadolint DL3000', 'BuildKit WorkdirRelativePath'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      // Like BuildKit, only the first WORKDIR of a stage (and the stages it builds on) counts.
      let parent = stage.base.stage;
      while (parent && !setsWorkdir(parent)) parent = parent.base.stage;
      if (parent) continue;
      const workdir = stage.instructions.find((instruction) => instruction.getKeyword() === 'WORKDIR');
      const range = workdir?.getArgumentsRange();
      if (!workdir || !range) continue;
      const path = unquote(argumentsText(model, workdir).trim());
      // A variable may well hold an absolute path.
      if (path.startsWith('$') || isAbsolutePath(path, isWindowsStage(model, stage))) continue;
      report({
        range,
        message: `Relative WORKDIR \`${path}\` depends on the base image's working directory; use an absolute path.`,
      });
    }
  },
};
