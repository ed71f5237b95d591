import type { Instruction } from '../../dockerfile/syntax';
import { argumentsText, type DockerfileModel } from '../../dockerfile/model';
import type { Fix } from '../../types';
import type { DockerfileRule } from '../rule';

function labelFix(model: DockerfileModel, maintainer: Instruction): Fix | undefined {
  const range = maintainer.getRange();
  const author = argumentsText(model, maintainer).trim();
  if (author === '' || range.start.line !== range.end.line) return undefined;
  const escape = model.escapeChar;
  // MAINTAINER takes its text literally; a double-quoted LABEL value would expand `$` and eat escapes.
  const quoted = [...author].map((c) => (c === '"' || c === '$' || c === escape ? escape + c : c)).join('');
  const keyword = maintainer.getInstruction() === maintainer.getInstruction().toLowerCase() ? 'label' : 'LABEL';
  return {
    title: 'Replace with LABEL org.opencontainers.image.authors',
    edits: [{ range, newText: `${keyword} org.opencontainers.image.authors="${quoted}"` }],
    safety: 'safe',
    isPreferred: true,
  };
}

export const maintainerDeprecated: DockerfileRule = {
  meta: {
    id: 'maintainer-deprecated',
    defaultSeverity: 'warning',
    category: 'correctness',
    summary: 'MAINTAINER is deprecated.',
    why: 'MAINTAINER fills the image\'s legacy `Author` field, which registries and scanners no longer read. The OCI annotation `org.opencontainers.image.authors` is where tools look for who maintains an image.',
    example: 'MAINTAINER Jane Doe <jane@example.com>',
    useInstead: 'LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"',
    fixSafety: 'safe',
    equivalents: ['hadolint DL4000', 'BuildKit MaintainerDeprecated'],
  },
  check({ model, report }) {
    for (const instruction of model.ast.getInstructions()) {
      if (instruction.getKeyword() !== 'MAINTAINER') continue;
      const fix = labelFix(model, instruction);
      report({
        range: instruction.getInstructionRange(),
        message: 'MAINTAINER is deprecated; set the `org.opencontainers.image.authors` label instead.',
        fixes: fix ? [fix] : [],
      });
    }
  },
};
