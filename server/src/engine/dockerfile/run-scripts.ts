import type { Instruction } from './syntax';
import { describeCommand, parseShell, type CommandDescription, type ParsedShell, type ShellCommand, type ShellWord } from '../shell';
import type { Range } from '../types';
import { execFormStrings, type DockerfileModel, type Stage } from './model';
import { shellSource, type ShellSource } from './shell-source';
import { wrappedScript } from './shell-wrapper';

export interface ScriptCommand {
  command: ShellCommand;
  /** What the command asks its tool to do; undefined for `A=b` or `> file`. */
  description?: CommandDescription;
}

/** The shell script of a RUN, CMD, ENTRYPOINT or HEALTHCHECK as commands rules can query. */
export interface InstructionScript {
  instruction: Instruction;
  stage: Stage;
  shell: ParsedShell;
  commands: ScriptCommand[];
  /** Document range of a word or span of the script. */
  rangeOf(start: number, end: number): Range;
  wordRange(word: ShellWord): Range;
  /** Exec form: the JSON array, parsed into words by quoting them for the shell. */
  execForm: boolean;
}

const cache = new WeakMap<Instruction, InstructionScript | null>();

/** Words as one shell line, each single-quoted so the parser sees exactly these words. */
function quoteWords(words: readonly string[]): string {
  return words.map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
}

function fromSource(source: Pick<ShellSource, 'text' | 'rangeOf'>, instruction: Instruction, stage: Stage, execForm: boolean): InstructionScript {
  const shell = parseShell(source.text);
  return {
    instruction,
    stage,
    shell,
    commands: shell.commands.map((command) => ({ command, description: describeCommand(command) })),
    rangeOf: (start, end) => source.rangeOf(start, end),
    wordRange: (word) => source.rangeOf(word.start, word.end),
    execForm,
  };
}

export function instructionScript(model: DockerfileModel, stage: Stage, instruction: Instruction): InstructionScript | undefined {
  const cached = cache.get(instruction);
  if (cached !== undefined) return cached ?? undefined;
  const script = buildScript(model, stage, instruction);
  cache.set(instruction, script ?? null);
  return script;
}

function buildScript(model: DockerfileModel, stage: Stage, instruction: Instruction): InstructionScript | undefined {
  const strings = execFormStrings(model, instruction);
  if (!strings) {
    const source = shellSource(model, instruction);
    return source && fromSource(source, instruction, stage, false);
  }
  const script = wrappedScript(strings);
  if (!script) {
    // No shell to map words back through: findings land on the whole array.
    const whole = instruction.getArgumentsRange() as Range;
    return fromSource({ text: quoteWords(strings.map((string) => string.value)), rangeOf: () => whole }, instruction, stage, true);
  }
  const literal = model.lines.textOf(script.range);
  // Without escapes, script offsets sit one character after the opening quote.
  const exact = literal.length === script.value.length + 2;
  const first = model.lines.offsetAt(script.range.start) + 1;
  const rangeOf = (start: number, end: number): Range =>
    exact ? { start: model.lines.positionAt(first + start), end: model.lines.positionAt(first + end) } : script.range;
  return fromSource({ text: script.value, rangeOf }, instruction, stage, true);
}

const stageScripts = new WeakMap<Stage, readonly InstructionScript[]>();

/** Every RUN of a stage with its script, in order; listed once per stage, as a dozen rules ask. */
export function runScripts(model: DockerfileModel, stage: Stage): readonly InstructionScript[] {
  let scripts = stageScripts.get(stage);
  if (!scripts) {
    scripts = Object.freeze(
      stage.instructions
        .filter((instruction) => instruction.getKeyword() === 'RUN')
        .map((instruction) => instructionScript(model, stage, instruction))
        .filter((script): script is InstructionScript => script !== undefined),
    );
    stageScripts.set(stage, scripts);
  }
  return scripts;
}
