import type { Copy, Instruction } from '../../dockerfile/syntax';
import { addSourceKind, looksLikeArchive } from '../../dockerfile/add-sources';
import { copyOperands } from '../../dockerfile/copy-operands';
import type { DockerfileModel } from '../../dockerfile/model';
import { unquote } from '../../dockerfile/paths';
import type { DockerfileRule } from '../rule';

// Flags only ADD understands: with them COPY would not do the same job.
const ADD_ONLY_FLAGS = ['checksum', 'keep-git-dir', 'unpack'];

/** Whether every source is a local file or folder that ADD copies as COPY would. */
function copiesLikeCopy(model: DockerfileModel, add: Instruction): boolean {
  if ((add as Copy).getFlags().some((flag) => ADD_ONLY_FLAGS.includes(flag.getName().toLowerCase()))) return false;
  const operands = copyOperands(model, add);
  if (!operands) return false;
  return operands.sources.every(({ value }) => {
    const source = unquote(value);
    // A variable or an open-ended wildcard may name an archive or a URL.
    if (source.includes('$') || (/[*?[]/.test(source) && !/\.[A-Za-z0-9]+$/.test(source))) return false;
    return addSourceKind(source) === 'local' && !looksLikeArchive(source);
  });
}

export const addInsteadOfCopy: DockerfileRule = {
  meta: {
    id: 'add-instead-of-copy',
    defaultSeverity: 'warning',
    category: 'layers',
    summary: 'ADD of local files or folders, where COPY does the job.',
    why: 'ADD also downloads URLs, clones Git repositories and unpacks local tar archives. For plain files that magic is a trap: a file that happens to be a tarball gets unpacked, and readers must check every source to know what the line does. COPY says exactly "copy these files". ADD of URLs, Git sources and archives is left alone.',
    example: 'ADD requirements.txt /app/',
    useInstead: 'COPY requirements.txt /app/',
    fixSafety: 'safe',
    equivalents: ['hadolint DL3020', 'Trivy DS-0005'],
  },
  check({ model, report }) {
    for (const instruction of model.ast.getInstructions()) {
      if (instruction.getKeyword() !== 'ADD' || !copiesLikeCopy(model, instruction)) continue;
      const range = instruction.getInstructionRange();
      if (range.start.line !== range.end.line) continue;
      const keyword = instruction.getInstruction();
      const copy = keyword === keyword.toLowerCase() ? 'copy' : 'COPY';
      report({
        range,
        message: 'ADD of local files: use COPY, which does not unpack archives or fetch URLs.',
        fixes: [{ title: `Replace ADD with ${copy}`, edits: [{ range, newText: copy }], safety: 'safe', isPreferred: true }],
      });
    }
  },
};
