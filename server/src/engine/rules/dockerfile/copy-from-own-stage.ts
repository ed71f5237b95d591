import { copySource, stageReferences } from '../../dockerfile/stages';
import type { DockerfileRule } from '../rule';

export const copyFromOwnStage: DockerfileRule = {
  meta: {
    id: 'copy-from-own-stage',
    defaultSeverity: 'error',
    category: 'correctness',
    summary: '`COPY --from` names the stage it is in.',
    why: 'A stage cannot copy from itself: BuildKit stops with "circular dependency detected on stage". The intent is usually an earlier stage, or a plain COPY from the build context.',
    example: 'FROM golang:1.25 AS build\nCOPY --from=build /src/app /app',
    useInstead: 'FROM golang:1.25 AS build\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app',
    fixSafety: 'none',
    equivalents: ['hadolint DL3023'],
  },
  check({ model, report }) {
    for (const reference of stageReferences(model)) {
      if (reference.kind === 'from' || copySource(model, reference.name) !== reference.stage) continue;
      report({
        range: reference.range,
        message: `\`${reference.name}\` is the stage this instruction belongs to; a stage cannot copy from itself.`,
      });
    }
  },
};
