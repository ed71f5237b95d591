import type { Copy, Instruction } from 'dockerfile-ast';
import type { Range } from '../types';
import type { DockerfileModel, Stage } from '../dockerfile/model';

export interface CopySource {
  instruction: Instruction;
  path: string;
  range: Range;
}

/** Local sources of COPY/ADD (not --from, not URLs or git refs); the destination is excluded. */
export function localCopySources(stage: Stage): CopySource[] {
  const sources: CopySource[] = [];
  for (const instruction of stage.instructions) {
    const keyword = instruction.getKeyword();
    if (keyword !== 'COPY' && keyword !== 'ADD') continue;
    const copy = instruction as Copy;
    if (copy.getFlags().some((flag) => flag.getName() === 'from')) continue;
    const args = copy.getArguments();
    // Exec form (JSON) and heredoc sources are rare; only the plain form is examined.
    if (args.length < 2 || args[0].getValue().startsWith('[') || args[0].getValue().startsWith('<<')) continue;
    for (const argument of args.slice(0, -1)) {
      const path = argument.getValue();
      if (/^[a-z]+:\/\//i.test(path) || path.startsWith('git@')) continue;
      sources.push({ instruction, path, range: argument.getRange() });
    }
  }
  return sources;
}

/** `COPY . .`, `COPY ./ /app`: the whole build context goes into the image. */
export function isWholeContext(path: string): boolean {
  return /^(\.\/?|\/|\.\/\.)$/.test(path);
}

export function wholeContextCopies(model: DockerfileModel, stage = model.shippedStage): CopySource[] {
  return stage ? localCopySources(stage).filter((source) => isWholeContext(source.path)) : [];
}
