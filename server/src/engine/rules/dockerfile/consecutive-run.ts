import { canMergeRuns, mergeRunsFix } from '../../fixes/merge-run';
import type { DockerfileRule } from '../rule';

export const consecutiveRun: DockerfileRule = {
  meta: {
    id: 'consecutive-run',
    defaultSeverity: 'info',
    category: 'layers',
    summary: 'Consecutive RUN instructions that could be one.',
    why: 'Each RUN is a layer. Separate RUNs cost a snapshot each, and files deleted in a later RUN still weigh in the earlier layer. Merging steps that belong together keeps the image small and the build faster.',
    example: 'RUN apt-get update\nRUN apt-get install -y --no-install-recommends curl',
    useInstead: 'RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl',
    fixSafety: 'safe',
    equivalents: ['hadolint DL3059'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const { instructions } = stage;
      for (let i = 1; i < instructions.length; i++) {
        const previous = instructions[i - 1];
        const run = instructions[i];
        if (!canMergeRuns(model, previous, run)) continue;
        const fix = mergeRunsFix(model, previous, run, 'Merge RUN instructions', 'safe');
        report({
          range: run.getInstructionRange(),
          message: 'This RUN directly follows another with the same flags; merge them into one layer.',
          fixes: fix ? [fix] : [],
          related: [{ range: previous.getInstructionRange(), message: 'the RUN it can merge into' }],
        });
      }
    }
  },
};
