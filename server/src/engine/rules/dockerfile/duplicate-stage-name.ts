import { stageNamed } from '../../dockerfile/stages';
import type { DockerfileRule } from '../rule';

export const duplicateStageName: DockerfileRule = {
  meta: {
    id: 'duplicate-stage-name',
    defaultSeverity: 'error',
    category: 'correctness',
    summary: 'Two stages share a name.',
    why: 'Stage names are case-insensitive identifiers for `FROM`, `COPY --from`, `RUN --mount=from=` and `--target`. With two stages of one name, which one a reference means depends on where it stands, and `--target` builds only one of them.',
    example: 'FROM node:22 AS build\nRUN npm ci\n\nFROM node:22 AS build\nRUN npm run build',
    useInstead: 'FROM node:22 AS deps\nRUN npm ci\n\nFROM deps AS build\nRUN npm run build',
    fixSafety: 'none',
    equivalents: ['hadolint DL3024', 'BuildKit DuplicateStageName'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const name = stage.name?.toLowerCase();
      const range = stage.from.getBuildStageRange();
      if (!name || !range) continue;
      const first = stageNamed(model, name);
      if (!first || first === stage) continue;
      report({
        range,
        message: `Stage name \`${stage.name}\` is already used by stage ${first.index}; give each stage its own name.`,
        related: [{ range: first.from.getBuildStageRange() ?? first.from.getRange(), message: 'first stage of that name' }],
      });
    }
  },
};
