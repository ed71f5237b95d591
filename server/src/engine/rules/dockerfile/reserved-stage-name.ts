import type { DockerfileRule } from '../rule';

// BuildKit gives these names their own meaning: the empty image and the build context.
const RESERVED = ['scratch', 'context'];

export const reservedStageName: DockerfileRule = {
  meta: {
    id: 'reserved-stage-name',
    defaultSeverity: 'error',
    category: 'correctness',
    summary: 'Stage named `scratch` or `context`.',
    why: '`scratch` is the empty image and `context` the build context: BuildKit resolves `FROM scratch` and `--from=context` to those before it looks at stage names, so a stage of that name cannot be referenced as intended.',
    example: 'FROM alpine:3.22 AS scratch',
    useInstead: 'FROM alpine:3.22 AS base',
    fixSafety: 'none',
    equivalents: ['hadolint DL3063', 'BuildKit ReservedStageName'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const range = stage.from.getBuildStageRange();
      if (!stage.name || !range || !RESERVED.includes(stage.name.toLowerCase())) continue;
      report({ range, message: `\`${stage.name}\` is reserved by BuildKit; choose another stage name.` });
    }
  },
};
