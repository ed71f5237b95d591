import type { Copy, Instruction } from './syntax';
import { copyOperands } from './copy-operands';
import { argumentsText, type DockerfileModel, type Stage } from './model';
import { resolvePosix, unquote } from './paths';
import { instructionScript, type InstructionScript } from './run-scripts';
import { POSIX_SHELLS } from './shell-wrapper';
import type { ShellWord } from '../shell';

/** Where a shell looks for a bare command name. */
const PATH_DIRECTORIES = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

const workdirs = new WeakMap<Stage, { before: Map<Instruction, string>; end: string }>();

/** The working directory before each instruction of a stage and at its end, read once per stage. */
function stageWorkdirs(model: DockerfileModel, stage: Stage): { before: Map<Instruction, string>; end: string } {
  let known = workdirs.get(stage);
  if (!known) {
    let workdir = stage.base.stage ? stageWorkdirs(model, stage.base.stage).end : '/';
    const before = new Map<Instruction, string>();
    for (const instruction of stage.instructions) {
      before.set(instruction, workdir);
      if (instruction.getKeyword() === 'WORKDIR') workdir = resolvePosix(workdir, unquote(argumentsText(model, instruction).trim()));
    }
    known = { before, end: workdir };
    workdirs.set(stage, known);
  }
  return known;
}

/** The working directory in force at an instruction of a stage (its parents' WORKDIRs included); without one, at the stage's end. */
export function workdirAt(model: DockerfileModel, stage: Stage, before?: Instruction): string {
  if (before) {
    for (let current: Stage | undefined = stage; current; current = current.base.stage) {
      const workdir = stageWorkdirs(model, current).before.get(before);
      if (workdir !== undefined) return workdir;
    }
  }
  return stageWorkdirs(model, stage).end;
}

/** A COPY or ADD from the build context, as contextPathOf looks files up in it. */
interface LocalCopy {
  /** The absolute destination in the image. */
  destination: string;
  intoFolder: boolean;
  /** Context paths, unquoted, without `./` and trailing slashes. */
  sources: string[];
}

const localCopiesByStage = new WeakMap<Stage, readonly LocalCopy[]>();

/** The stage's own COPY/ADD instructions from the build context, latest first, read once per stage. */
function localCopies(model: DockerfileModel, stage: Stage): readonly LocalCopy[] {
  let copies = localCopiesByStage.get(stage);
  if (!copies) {
    const found: LocalCopy[] = [];
    for (const copy of stage.instructions) {
      const keyword = copy.getKeyword();
      if ((keyword !== 'COPY' && keyword !== 'ADD') || (copy as Copy).getFlags().some((flag) => flag.getName() === 'from')) continue;
      const operands = copyOperands(model, copy);
      if (!operands || operands.sources.length === 0) continue;
      found.push({
        destination: resolvePosix(workdirAt(model, stage, copy), unquote(operands.destination.value)),
        intoFolder: operands.destination.value.endsWith('/') || operands.sources.length > 1,
        sources: operands.sources.map(({ value }) => unquote(value).replace(/^\.\//, '').replace(/\/+$/, '')),
      });
    }
    copies = found.reverse();
    localCopiesByStage.set(stage, copies);
  }
  return copies;
}

/**
 * The build-context path of the file a stage has at `imagePath`, following its COPY/ADD
 * instructions (latest first); undefined when the file comes from elsewhere or is unknown.
 */
export function contextPathOf(model: DockerfileModel, stage: Stage, imagePath: string): string | undefined {
  for (let current: Stage | undefined = stage; current; current = current.base.stage) {
    for (const { destination, intoFolder, sources } of localCopies(model, current)) {
      const found = sources.map((source) => locate(source, destination, intoFolder, imagePath));
      // The source that is the file itself wins over one read as a folder whose contents land
      // there: `COPY app.py entrypoint.sh ./` puts entrypoint.sh, not app.py/entrypoint.sh, at ./entrypoint.sh.
      const path = found.find((candidate, index) => candidate === sources[index]) ?? found.find((candidate) => candidate !== undefined);
      if (path !== undefined) return path;
    }
  }
  return undefined;
}

function locate(source: string, destination: string, intoFolder: boolean, imagePath: string): string | undefined {
  if (/[*?[]/.test(source)) return undefined;
  const inside = (folder: string) => (imagePath.startsWith(`${folder === '/' ? '' : folder}/`) ? imagePath.slice(folder === '/' ? 1 : folder.length + 1) : undefined);
  // The whole context (`.`), or a folder whose contents land under the destination.
  if (source === '' || source === '.') return inside(destination);
  if (intoFolder) {
    const name = source.split('/').pop() as string;
    if (imagePath === `${destination === '/' ? '' : destination}/${name}`) return source;
  } else if (imagePath === destination) {
    return source;
  }
  const rest = inside(destination);
  return rest === undefined ? undefined : `${source}/${rest}`;
}

/** Absolute image paths a command word can mean: itself, relative to the workdir, or found on PATH. */
export function candidatePaths(program: string, workdir: string): string[] {
  if (program.includes('/')) return [resolvePosix(workdir, program)];
  return PATH_DIRECTORIES.map((directory) => `${directory}/${program}`);
}

/**
 * The file of the build context an ENTRYPOINT or CMD starts (`./entrypoint.sh`, `sh /start.sh`),
 * with the word naming it; undefined when it runs something else or the file's origin is unknown.
 */
export function startedScript(model: DockerfileModel, stage: Stage, instruction: Instruction): { script: InstructionScript; word: ShellWord; contextPath: string } | undefined {
  const script = instructionScript(model, stage, instruction);
  const command = script?.commands.length === 1 ? script.commands[0].command : undefined;
  if (!script || !command?.program) return undefined;
  const [program, ...rest] = command.words;
  const shell = POSIX_SHELLS.has(command.program.name ?? '');
  // `sh entrypoint.sh` runs the script named after the shell's options; `sh -c` runs no file.
  const word = shell ? rest.find((candidate) => !(candidate.value ?? '-').startsWith('-')) : program;
  if (!word?.value || (shell && rest.some((candidate) => candidate.value === '-c'))) return undefined;
  const workdir = workdirAt(model, stage, instruction);
  const contextPath = candidatePaths(word.value, workdir).map((path) => contextPathOf(model, stage, path)).find((path) => path !== undefined);
  return contextPath === undefined ? undefined : { script, word, contextPath };
}
