import type { DockerfileRule } from '../rule';

/** Arguments BuildKit defines for every FROM without a declaration. */
export const BUILTIN_PLATFORM_ARGS = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT']);

export const argUndefinedInFrom: DockerfileRule = {
  meta: {
    id: 'arg-undefined-in-from',
    defaultSeverity: 'error',
    category: 'base-image',
    summary: 'FROM uses a build argument that is never declared before it.',
    why: 'Only ARGs declared before the first FROM can be used in FROM. An undeclared one expands to an empty string, so the build fails with an invalid reference, or silently uses a different image when the variable has a default operator.',
    example: 'FROM node:${NODE_VERSION}',
    useInstead: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}',
    fixSafety: 'none',
    equivalents: ['BuildKit UndefinedArgInFrom'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const range = stage.from.getImageRange();
      if (!range) continue;
      const written = stage.base.written;
      for (const match of written.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)/g)) {
        const name = match[1] ?? match[2];
        if (model.globalArgs.has(name) || BUILTIN_PLATFORM_ARGS.has(name) || match.index === undefined) continue;
        if (match.index > 0 && written[match.index - 1] === model.escapeChar) continue;
        const start = range.start.character + match.index;
        report({
          range: range.start.line === range.end.line ? { start: { line: range.start.line, character: start }, end: { line: range.start.line, character: start + match[0].length } } : range,
          message: `\`${name}\` is not declared by an ARG before the first FROM: it expands to nothing here and \`--build-arg\` cannot set it.`,
        });
      }
    }
  },
};
