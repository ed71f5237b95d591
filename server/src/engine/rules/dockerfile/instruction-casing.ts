import type { DockerfileRule } from '../rule';

function selfConsistent(keyword: string): boolean {
  return keyword === keyword.toLowerCase() || keyword === keyword.toUpperCase();
}

export const instructionCasing: DockerfileRule = {
  meta: {
    id: 'instruction-casing',
    defaultSeverity: 'info',
    category: 'correctness',
    summary: 'Instruction cased differently from most of the file.',
    why: 'Docker reads `run`, `RUN` and `Run` alike, but a file that mixes them is harder to read and to search. The file\'s own majority decides (uppercase on a tie), as in BuildKit.',
    example: 'FROM alpine:3.22\nrun apk add --no-cache curl\nCOPY . /app',
    useInstead: 'FROM alpine:3.22\nRUN apk add --no-cache curl\nCOPY . /app',
    fixSafety: 'safe',
    equivalents: ['BuildKit ConsistentInstructionCasing'],
  },
  check({ model, report }) {
    const instructions = model.ast.getInstructions();
    let lower = 0;
    let upper = 0;
    for (const instruction of instructions) {
      const keyword = instruction.getInstruction();
      if (!selfConsistent(keyword)) continue;
      if (keyword === keyword.toLowerCase()) lower++;
      else upper++;
    }
    const majorityLower = lower > upper;
    for (const instruction of instructions) {
      const keyword = instruction.getInstruction();
      const wanted = majorityLower ? keyword.toLowerCase() : keyword.toUpperCase();
      if (keyword === wanted) continue;
      const range = instruction.getInstructionRange();
      // A keyword broken over an escaped newline is left for a person to mend.
      if (range.start.line !== range.end.line) continue;
      report({
        range,
        message: `\`${keyword}\` should be ${majorityLower ? 'lowercase' : 'uppercase'} like most instructions of this file.`,
        fixes: [{ title: `Write \`${wanted}\``, edits: [{ range, newText: wanted }], safety: 'safe', isPreferred: true }],
      });
    }
  },
};
