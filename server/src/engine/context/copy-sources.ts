import type { Instruction } from '../dockerfile/syntax';
import { addSourceKind } from '../dockerfile/add-sources';
import { copyOperands } from '../dockerfile/copy-operands';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { unquote } from '../dockerfile/paths';
import { copyFromFlag } from '../dockerfile/stages';
import type { Range } from '../types';

export interface CopySource {
  instruction: Instruction;
  path: string;
  range: Range;
}

const sourcesByStage = new WeakMap<Stage, readonly CopySource[]>();

/** Sources of a stage's COPY/ADD that come from the build context: not `--from`, not URLs or git refs. Listed once per stage and shared, frozen. */
export function localCopySources(model: DockerfileModel, stage: Stage): readonly CopySource[] {
  let sources = sourcesByStage.get(stage);
  if (!sources) {
    sources = Object.freeze(
      stage.instructions
        .filter((instruction) => ['COPY', 'ADD'].includes(instruction.getKeyword()) && !copyFromFlag(instruction))
        .flatMap((instruction) =>
          (copyOperands(model, instruction)?.sources ?? [])
            .filter((source) => addSourceKind(source.value) === 'local')
            .map((source) => Object.freeze({ instruction, path: unquote(source.value), range: source.range })),
        ),
    );
    sourcesByStage.set(stage, sources);
  }
  return sources;
}

/** `COPY . .`, `COPY ./ /app`: the whole build context goes into the image. */
export function isWholeContext(path: string): boolean {
  return /^(\.\/?|\/|\.\/\.)$/.test(path);
}

export function wholeContextCopies(model: DockerfileModel, stage = model.shippedStage): readonly CopySource[] {
  return stage ? localCopySources(model, stage).filter((source) => isWholeContext(source.path)) : [];
}
