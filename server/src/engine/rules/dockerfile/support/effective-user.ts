import type { Instruction } from '../../../dockerfile/syntax';
import { argumentsText, type DockerfileModel, type Stage } from '../../../dockerfile/model';

/** The USER in force at the end of a stage, following stage-to-stage FROMs. */
export function effectiveUser(model: DockerfileModel, stage: Stage): { instruction: Instruction; user: string } | undefined {
  for (let current: Stage | undefined = stage; current; current = current.base.stage) {
    const users = current.instructions.filter((instruction) => instruction.getKeyword() === 'USER');
    const last = users[users.length - 1];
    if (last) return { instruction: last, user: argumentsText(model, last).trim() };
  }
  return undefined;
}
