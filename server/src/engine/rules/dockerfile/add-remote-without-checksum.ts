import type { Copy } from '../../dockerfile/syntax';
import { addSourceKind } from '../../dockerfile/add-sources';
import { copyOperands } from '../../dockerfile/copy-operands';
import { unquote } from '../../dockerfile/paths';
import type { DockerfileRule } from '../rule';

export const addRemoteWithoutChecksum: DockerfileRule = {
  meta: {
    id: 'add-remote-without-checksum',
    defaultSeverity: 'warning',
    category: 'layers',
    summary: '`ADD <url>` without `--checksum`.',
    why: 'Whatever the server returns goes into the image: a compromised or changed download slips in unnoticed, and the same Dockerfile builds different images. `ADD --checksum=sha256:…` makes the build fail when the file is not the one you vetted.',
    example: 'ADD https://example.com/tool-1.2.0.tar.gz /opt/',
    useInstead: 'ADD --checksum=sha256:… https://example.com/tool-1.2.0.tar.gz /opt/',
    fixSafety: 'none',
    equivalents: [],
  },
  check({ model, report }) {
    for (const instruction of model.ast.getInstructions()) {
      if (instruction.getKeyword() !== 'ADD') continue;
      if ((instruction as Copy).getFlags().some((flag) => flag.getName().toLowerCase() === 'checksum')) continue;
      for (const source of copyOperands(model, instruction)?.sources ?? []) {
        if (addSourceKind(unquote(source.value)) !== 'http') continue;
        report({ range: source.range, message: 'This download is not verified; add `--checksum=sha256:…` so a changed file fails the build.' });
      }
    }
  },
};
