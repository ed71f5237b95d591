import type { DockerfileRule } from '../rule';

export const fromAsCasing: DockerfileRule = {
  meta: {
    id: 'from-as-casing',
    defaultSeverity: 'info',
    category: 'correctness',
    summary: '`AS` cased differently from its `FROM`.',
    why: 'Docker accepts any casing, but `FROM image as name` next to `FROM image AS name` makes stage declarations harder to scan and to search for. Keep `AS` in the casing of `FROM`.',
    example: 'FROM golang:1.25 as build',
    useInstead: 'FROM golang:1.25 AS build',
    fixSafety: 'safe',
    equivalents: ['BuildKit FromAsCasing'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const from = stage.from.getInstruction();
      const args = stage.from.getArguments();
      const as = args.length >= 3 ? args[args.length - 2] : undefined;
      if (!as || as.getValue().toLowerCase() !== 'as') continue;
      // A FROM in mixed case has no casing to follow; instruction-casing deals with it.
      const wanted = from === from.toUpperCase() ? 'AS' : from === from.toLowerCase() ? 'as' : undefined;
      if (!wanted || as.getValue() === wanted) continue;
      report({
        range: as.getRange(),
        message: `\`${as.getValue()}\` does not match the casing of \`${from}\`; write \`${wanted}\`.`,
        fixes: [{ title: `Write \`${wanted}\``, edits: [{ range: as.getRange(), newText: wanted }], safety: 'safe', isPreferred: true }],
      });
    }
  },
};
