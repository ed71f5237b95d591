import { stageNamed } from '../../dockerfile/stages';
import { expandVariables } from '../../dockerfile/variables';
import type { DockerfileRule } from '../rule';

/** A lowercase repository path with optional registry, tag and digest, as the reference grammar allows. */
const VALID_REFERENCE = /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

export const argInvalidDefaultInFrom: DockerfileRule = {
  meta: {
    id: 'arg-invalid-default-in-from',
    defaultSeverity: 'error',
    category: 'base-image',
    summary: 'The default ARG values make FROM an empty or invalid image reference.',
    why: 'Without `--build-arg`, the build substitutes the defaults. If that yields an empty or malformed reference the build fails, usually far from the line that caused it.',
    example: 'ARG TAG\nFROM node:${TAG}',
    useInstead: 'ARG TAG=22-slim\nFROM node:${TAG}',
    fixSafety: 'none',
    equivalents: ['BuildKit InvalidDefaultArgInFrom'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const { written, writtenRange, resolved, stage: parent } = stage.base;
      if (!written.includes('$') || parent) continue;
      // Undeclared names are arg-undefined-in-from's finding: one problem, one finding.
      const names = [...written.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]);
      if (names.some((name) => !model.globalArgs.has(name))) continue;
      // An ARG declared without a default is unset: it expands to nothing.
      const candidate = resolved ?? expandVariables(written, (name) => model.globalArgs.get(name), model.escapeChar).value;
      if (candidate && (candidate.toLowerCase() === 'scratch' || stageNamed(model, candidate) !== undefined || VALID_REFERENCE.test(candidate))) continue;
      report({
        range: writtenRange,
        message: candidate ? `With the default build arguments this FROM names \`${candidate}\`, which is not a valid image reference.` : 'With the default build arguments this FROM names an empty image.',
      });
    }
  },
};
