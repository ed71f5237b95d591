/**
 * Whether the shipped image starts as root only to hand its process to another user, the way
 * official images do (postgres, redis, mysql): the entrypoint fixes ownership of the data folder,
 * then `exec gosu postgres "$@"`. The app never runs as root; a USER line would break the chown.
 */
import type { Instruction } from '../../../dockerfile/syntax';
import { startedScript } from '../../../dockerfile/image-files';
import type { DockerfileModel, Stage } from '../../../dockerfile/model';
import { instructionScript } from '../../../dockerfile/run-scripts';
import { describeCommand, parseShell, type ShellCommand } from '../../../shell';
import type { BuildContext } from '../../../types';

const ROOT = /^(root|0)(:.*)?$/;

/** The user a step-down command runs the rest as: `gosu app cmd`, `su-exec 10001 cmd`, `setpriv --reuid=app`, `runuser -u app --`, `chroot --userspec=app:app /`. */
function stepDownUser(command: ShellCommand): string | undefined {
  const description = describeCommand(command);
  if (!description) return undefined;
  const words = command.words.slice(command.words.indexOf(description.program) + 1).map((word) => word.value ?? '');
  const optionValue = (...names: string[]) => {
    for (let i = 0; i < words.length; i++) {
      for (const name of names) {
        if (words[i] === name) return words[i + 1];
        if (words[i].startsWith(`${name}=`)) return words[i].slice(name.length + 1);
      }
    }
    return undefined;
  };
  switch (description.tool) {
    case 'gosu':
    case 'su-exec':
    case 's6-setuidgid':
      return words.find((word) => !word.startsWith('-'));
    case 'setpriv':
      return optionValue('--reuid');
    case 'runuser':
      return optionValue('-u', '--user');
    case 'chroot':
      return optionValue('--userspec');
    default:
      return undefined;
  }
}

function dropsToNonRoot(commands: readonly ShellCommand[]): boolean {
  return commands.some((command) => {
    const user = stepDownUser(command);
    return user !== undefined && user !== '' && !user.startsWith('$') && !ROOT.test(user);
  });
}

/** The ENTRYPOINT (or CMD without one) hands the process to a non-root user, itself or through a script of the build context. */
export function entrypointDropsPrivileges(model: DockerfileModel, stage: Stage, context: BuildContext | undefined): boolean {
  const last = (keyword: string): Instruction | undefined => stage.instructions.filter((instruction) => instruction.getKeyword() === keyword).pop();
  const entrypoint = last('ENTRYPOINT') ?? last('CMD');
  if (!entrypoint) return false;
  const own = instructionScript(model, stage, entrypoint);
  if (own && dropsToNonRoot(own.commands.map(({ command }) => command))) return true;
  const started = context?.readFile ? startedScript(model, stage, entrypoint) : undefined;
  const text = started && context?.readFile?.(started.contextPath);
  return text !== undefined && dropsToNonRoot(parseShell(text).commands);
}
