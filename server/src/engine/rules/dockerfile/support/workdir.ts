/** The working directory around an instruction: what it is before, and whether what follows depends on it. */
import type { Instruction } from '../../../dockerfile/syntax';
import { copyOperands } from '../../../dockerfile/copy-operands';
import { argumentsText, type DockerfileModel, type Stage } from '../../../dockerfile/model';

function workdirPath(model: DockerfileModel, instruction: Instruction): string | undefined {
  return instruction.getKeyword() === 'WORKDIR' ? argumentsText(model, instruction).trim() : undefined;
}

const LITERAL_ABSOLUTE = /^\/[^$]*$/;

/** The directory set by the last WORKDIR before `instruction` (in the stage or those it builds on), when it is an absolute literal. */
export function workdirBefore(model: DockerfileModel, stage: Stage, instruction: Instruction): string | undefined {
  for (let current: Stage | undefined = stage; current; current = current.base.stage) {
    const end = current === stage ? current.instructions.indexOf(instruction) : current.instructions.length;
    const path = current.instructions.slice(0, end).map((candidate) => workdirPath(model, candidate)).filter((found) => found !== undefined).pop();
    if (path !== undefined) return LITERAL_ABSOLUTE.test(path) ? path.replace(/(.)\/+$/, '$1') : undefined;
  }
  return undefined;
}

/** Whether an instruction's meaning depends on the working directory. */
function usesWorkdir(model: DockerfileModel, instruction: Instruction): boolean {
  switch (instruction.getKeyword()) {
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'HEALTHCHECK':
    case 'ONBUILD':
      return true;
    case 'COPY':
    case 'ADD':
      return !(copyOperands(model, instruction)?.destination.value ?? '').startsWith('/');
    case 'WORKDIR':
      return !(workdirPath(model, instruction) ?? '').startsWith('/');
    default:
      return false;
  }
}

/**
 * What the working directory left by `instruction` reaches: `instructions` when a later
 * instruction uses it, `image` when only the stage's final directory (the image's, and that
 * of stages built on it) changes, nothing when an absolute WORKDIR resets it first.
 */
export function workdirReach(model: DockerfileModel, stage: Stage, instruction: Instruction): 'instructions' | 'image' | undefined {
  for (const later of stage.instructions.slice(stage.instructions.indexOf(instruction) + 1)) {
    if (usesWorkdir(model, later)) return 'instructions';
    if (later.getKeyword() === 'WORKDIR') return undefined;
  }
  return stage.shipped || model.stages.some((other) => other.base.stage === stage) ? 'image' : undefined;
}
