import { stageReferences } from '../../dockerfile/stages';
import type { TextEdit } from '../../types';
import type { DockerfileRule } from '../rule';

export const stageNameCasing: DockerfileRule = {
  meta: {
    id: 'stage-name-casing',
    defaultSeverity: 'info',
    category: 'correctness',
    summary: 'Stage name with uppercase letters.',
    why: 'BuildKit lowercases stage names, but matches `FROM <stage>` against them as written: `FROM Build` after `AS Build` looks for an image called `Build` and fails. Lowercase names mean one spelling everywhere: in FROM, `COPY --from`, `RUN --mount=from=` and `--target`.',
    example: 'FROM golang:1.25 AS Build\nFROM gcr.io/distroless/static-debian12\nCOPY --from=Build /out/app /app',
    useInstead: 'FROM golang:1.25 AS build\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app',
    fixSafety: 'safe',
    equivalents: ['BuildKit StageNameCasing'],
  },
  check({ model, report }) {
    const references = stageReferences(model);
    for (const stage of model.stages) {
      const range = stage.from.getBuildStageRange();
      const name = stage.name;
      if (!name || !range || name === name.toLowerCase()) continue;
      const lower = name.toLowerCase();
      const edits: TextEdit[] = [{ range, newText: lower }];
      for (const reference of references) {
        if (reference.name.toLowerCase() === lower && reference.name !== lower) edits.push({ range: reference.range, newText: lower });
      }
      report({
        range,
        message: `Stage name \`${name}\` should be lowercase.`,
        fixes: [{ title: `Rename the stage to \`${lower}\` everywhere`, edits, safety: 'safe', isPreferred: true }],
      });
    }
  },
};
