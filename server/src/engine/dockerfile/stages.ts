import type { Copy, Flag, Instruction, Run } from './syntax';
import type { Range } from '../types';
import type { DockerfileModel, Stage } from './model';

const stagesByName = new WeakMap<DockerfileModel, Map<string, Stage>>();

/** The stage BuildKit finds for a name (the first of that name): stage names compare case-insensitively. */
export function stageNamed(model: DockerfileModel, name: string): Stage | undefined {
  let byName = stagesByName.get(model);
  if (!byName) {
    // Indexed once per file: rules ask for every FROM, COPY --from and mount, and files with hundreds of stages exist.
    byName = new Map();
    for (const stage of model.stages) {
      const key = stage.name?.toLowerCase();
      if (key !== undefined && !byName.has(key)) byName.set(key, stage);
    }
    stagesByName.set(model, byName);
  }
  return byName.get(name.toLowerCase());
}

/** A place where one stage names another: `FROM <stage>`, `COPY --from=`, `RUN --mount=from=`. */
export interface StageReference {
  kind: 'from' | 'copy' | 'mount';
  /** As written; references through variables are left out, they cannot be followed. */
  name: string;
  range: Range;
  /** The stage the reference is written in. */
  stage: Stage;
  instruction: Instruction;
}

export function stageReferences(model: DockerfileModel): StageReference[] {
  const references: StageReference[] = [];
  for (const stage of model.stages) {
    const { base } = stage;
    if (base.stage && !base.written.includes('$')) {
      references.push({ kind: 'from', name: base.written, range: base.writtenRange, stage, instruction: stage.from });
    }
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'COPY') {
        const reference = flagReference(copyFromFlag(instruction));
        if (reference) references.push({ kind: 'copy', ...reference, stage, instruction });
      } else if (keyword === 'RUN') {
        for (const flag of (instruction as Run).getFlags()) {
          if (flag.getName() !== 'mount') continue;
          const option = flag.getOption('from');
          const name = option?.getValue();
          const range = option?.getValueRange();
          if (name && range && !name.includes('$')) references.push({ kind: 'mount', name, range, stage, instruction });
        }
      }
    }
  }
  return references;
}

/** `COPY --from`, wherever it stands among the flags (dockerfile-ast's getFromFlag wants it alone). */
export function copyFromFlag(instruction: Instruction): Flag | undefined {
  return (instruction as Copy).getFlags().find((flag) => flag.getName() === 'from');
}

function flagReference(flag: Flag | undefined): { name: string; range: Range } | undefined {
  const name = flag?.getValue();
  const range = flag?.getValueRange();
  if (!name || !range || name.includes('$')) return undefined;
  return { name, range };
}

/** What a `COPY --from` value points at, as BuildKit resolves it: a stage by index or name, else an image. */
export function copySource(model: DockerfileModel, name: string): Stage | undefined {
  if (/^\d+$/.test(name)) return model.stages[Number(name)];
  return stageNamed(model, name);
}
