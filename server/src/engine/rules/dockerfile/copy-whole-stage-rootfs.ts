import { copyOperands } from '../../dockerfile/copy-operands';
import { rootBase } from '../../dockerfile/model';
import { unquote } from '../../dockerfile/paths';
import { copyFromFlag, copySource } from '../../dockerfile/stages';
import { canonicalRepository, parseImageReference } from '../../images/reference';
import type { DockerfileRule } from '../rule';

const ROOT = ['/', '/.'];

/** Images built FROM scratch to be copied whole: xx's cross-compilation helpers are used as `COPY --from=xx / /`. */
const ROOT_FILE_SYSTEM_IMAGES = new Set(['docker.io/tonistiigi/xx']);

export const copyWholeStageRootfs: DockerfileRule = {
  meta: {
    id: 'copy-whole-stage-rootfs',
    defaultSeverity: 'warning',
    category: 'layers',
    summary: '`COPY --from=<stage> / /` copies a whole file system.',
    why: 'Copying the root of another stage or image brings along everything in it (package manager, caches, build tools, its /etc) and loses its ENV, USER and CMD, so the result is neither small nor what its base documented. Copy the paths the app needs. A stage built FROM scratch to hold exactly a root file system is fine to copy whole.',
    example: 'FROM golang:1.25 AS build\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /',
    useInstead: 'FROM golang:1.25 AS build\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app',
    fixSafety: 'none',
    equivalents: ['hadolint DL3067'],
  },
  check({ model, report }) {
    for (const instruction of model.ast.getInstructions()) {
      if (instruction.getKeyword() !== 'COPY') continue;
      const from = copyFromFlag(instruction)?.getValue();
      if (!from || from.includes('$')) continue;
      const stage = copySource(model, from);
      // A FROM scratch stage is a curated root file system: copying it whole is its purpose.
      if (stage && rootBase(stage).isScratch) continue;
      const image = stage ? rootBase(stage).reference : parseImageReference(from);
      if (image && ROOT_FILE_SYSTEM_IMAGES.has(canonicalRepository(image))) continue;
      const operands = copyOperands(model, instruction);
      if (!operands || !ROOT.includes(unquote(operands.destination.value))) continue;
      const root = operands.sources.find((source) => ROOT.includes(unquote(source.value)));
      if (!root) continue;
      report({ range: root.range, message: `This copies the whole file system of \`${from}\` over the image's root; copy only the paths you need.` });
    }
  },
};
