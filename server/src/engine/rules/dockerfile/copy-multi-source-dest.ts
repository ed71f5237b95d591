import { copyOperands, type Operand } from '../../dockerfile/copy-operands';
import { isWindowsStage } from '../../dockerfile/model';
import { unquote } from '../../dockerfile/paths';
import type { DockerfileModel } from '../../dockerfile/model';
import type { Fix } from '../../types';
import type { DockerfileRule } from '../rule';

/** `.`, `..` and paths ending in a separator are directories to the builder whatever exists. */
function namesDirectory(path: string, windows: boolean): boolean {
  return /(^|[/\\])\.\.?$/.test(path) || path.endsWith('/') || (windows && path.endsWith('\\'));
}

function addSlash(model: DockerfileModel, destination: Operand): Fix {
  const raw = model.lines.textOf(destination.range);
  const quoted = destination.json || /^(["']).*\1$/.test(raw);
  const end = quoted ? { line: destination.range.end.line, character: destination.range.end.character - 1 } : destination.range.end;
  // A `/` works on Windows too, where a trailing `\` could read as a line continuation.
  return { title: 'Add a trailing `/` to the destination', edits: [{ range: { start: end, end }, newText: '/' }], safety: 'safe', isPreferred: true };
}

export const copyMultiSourceDest: DockerfileRule = {
  meta: {
    id: 'copy-multi-source-dest',
    defaultSeverity: 'error',
    category: 'correctness',
    summary: 'COPY or ADD with several sources into a destination without a trailing `/`.',
    why: 'With several sources the destination must be a directory. Without the trailing `/` the builder only treats it as one if it already exists: otherwise the legacy builder fails, and BuildKit creates a file from the first source and overwrites it with the next one.',
    example: 'COPY package.json package-lock.json /app',
    useInstead: 'COPY package.json package-lock.json /app/',
    fixSafety: 'safe',
    equivalents: ['hadolint DL3021'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const windows = isWindowsStage(model, stage);
      for (const instruction of stage.instructions) {
        const keyword = instruction.getKeyword();
        if (keyword !== 'COPY' && keyword !== 'ADD') continue;
        const operands = copyOperands(model, instruction);
        if (!operands || operands.sources.length + operands.heredocSources < 2) continue;
        const destination = unquote(operands.destination.value);
        // A variable may end with a slash; it cannot be known here.
        if (destination.includes('$') || namesDirectory(destination, windows)) continue;
        report({
          range: operands.destination.range,
          message: `${keyword} with several sources needs a directory destination: write \`${destination}/\`.`,
          fixes: [addSlash(model, operands.destination)],
        });
      }
    }
  },
};
