/**
 * The command the image runs, as words: what the distroless stage has to start without a
 * shell. Shell-form commands are converted the way the exec-form fix does; one that needs
 * the shell cannot move to an image without one.
 */
import type { Instruction } from '../../../dockerfile/syntax';
import { argumentsText, execFormArguments, type DockerfileModel, type Stage } from '../../../dockerfile/model';
import { shellSource } from '../../../dockerfile/shell-source';
import { convertToExecForm } from '../../exec-form';

export interface AppCommand {
  entrypoint?: string[];
  cmd?: string[];
  /** ENTRYPOINT and CMD as the container runs them, joined. */
  argv: string[];
}

function lastOf(stage: Stage, keyword: string): Instruction | undefined {
  return stage.instructions.filter((instruction) => instruction.getKeyword() === keyword).pop();
}

/** Words of a CMD or ENTRYPOINT, or a string saying why there are none. */
function wordsOf(model: DockerfileModel, instruction: Instruction): string[] | string {
  const exec = execFormArguments(argumentsText(model, instruction));
  if (exec) return exec;
  const source = shellSource(model, instruction);
  const conversion = source && convertToExecForm(source.text);
  if (conversion?.kind === 'words') return conversion.words;
  return `its ${instruction.getKeyword()} needs a shell, which distroless images do not have`;
}

export function appCommand(model: DockerfileModel, stage: Stage): AppCommand | string {
  const entrypointInstruction = lastOf(stage, 'ENTRYPOINT');
  const cmdInstruction = lastOf(stage, 'CMD');
  const entrypoint = entrypointInstruction && wordsOf(model, entrypointInstruction);
  const cmd = cmdInstruction && wordsOf(model, cmdInstruction);
  if (typeof entrypoint === 'string') return entrypoint;
  if (typeof cmd === 'string') return cmd;
  // A shell-form ENTRYPOINT ignores CMD.
  const shellEntrypoint = entrypointInstruction && !execFormArguments(argumentsText(model, entrypointInstruction));
  const effectiveCmd = shellEntrypoint ? undefined : cmd;
  const argv = [...(entrypoint ?? []), ...(effectiveCmd ?? [])];
  if (argv.length === 0) return 'it has no CMD or ENTRYPOINT to start the app with';
  return { entrypoint, cmd: effectiveCmd, argv };
}
