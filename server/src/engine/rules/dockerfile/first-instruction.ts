import type { DockerfileRule } from '../rule';

export const firstInstruction: DockerfileRule = {
  meta: {
    id: 'first-instruction',
    defaultSeverity: 'error',
    category: 'correctness',
    summary: 'The file does not start with FROM or ARG.',
    why: 'A Dockerfile must begin with FROM, optionally preceded by parser directives, comments and global ARGs. Any other instruction before the first FROM has no stage to belong to, and the build fails.',
    example: 'WORKDIR /app\nFROM node:22-slim',
    useInstead: 'FROM node:22-slim\nWORKDIR /app',
    fixSafety: 'none',
    equivalents: ['hadolint DL3061'],
  },
  check({ model, report }) {
    const first = model.ast.getInstructions()[0];
    if (!first || ['FROM', 'ARG'].includes(first.getKeyword())) return;
    report({
      range: first.getInstructionRange(),
      message: `\`${first.getInstruction()}\` comes before any FROM; a Dockerfile starts with FROM (or global ARGs).`,
    });
  },
};
