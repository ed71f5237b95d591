/**
 * The commands of a stage's RUN instructions as the security and style rules see them: the
 * RUN's own script plus the scripts a shell inside it runs (`sh -c '…'`, `bash <<EOF`,
 * `su -c '…'`), each command with the document range of its words.
 */
import type { Instruction, Run } from '../../../dockerfile/syntax';
import { shellAt, type DockerfileModel, type Stage } from '../../../dockerfile/model';
import { runScripts, type InstructionScript } from '../../../dockerfile/run-scripts';
import { bodyStart } from '../../../dockerfile/shell-source';
import { POSIX_SHELLS } from '../../../dockerfile/shell-wrapper';
import { describeCommand, parseShell, type CommandDescription, type ShellCommand, type ShellWord } from '../../../shell';
import type { Range } from '../../../types';

export interface RunScript {
  run: InstructionScript;
  commands: RunCommand[];
  /** Document range of a span of this script's text. */
  rangeOf(start: number, end: number): Range;
  /** Edits may target the words: a shell-form RUN, positions known to the character. */
  editable: boolean;
  /** Run by a shell inside the RUN rather than by the RUN's own shell. */
  nested: boolean;
}

export interface RunCommand {
  command: ShellCommand;
  description?: CommandDescription;
  script: RunScript;
}

/** `-c`, `-ec`, `-xeuc`: the option after which a shell's next word is its script. */
const COMMAND_OPTION = /^-[A-Za-z]*c[A-Za-z]*$/;
/** Nested shells deeper than this are left alone: real Dockerfiles stop at two. */
const MAX_DEPTH = 3;

const stageScripts = new WeakMap<Stage, readonly RunScript[]>();
const stageCommands = new WeakMap<Stage, readonly RunCommand[]>();

export function wordRange(script: RunScript, word: ShellWord): Range {
  return script.rangeOf(word.start, word.end);
}

/**
 * Every script of the stage's RUNs that a POSIX shell runs, nested ones after the script
 * holding them. Listed once per stage: most rules about commands start here.
 */
export function stageRunScripts(model: DockerfileModel, stage: Stage): readonly RunScript[] {
  let listed = stageScripts.get(stage);
  if (!listed) {
    listed = Object.freeze(runScripts(model, stage).flatMap((run) => (runsPosixShell(model, stage, run) ? withNested(topLevel(run), 0) : [])));
    stageScripts.set(stage, listed);
  }
  return listed;
}

function runsPosixShell(model: DockerfileModel, stage: Stage, run: InstructionScript): boolean {
  if (!run.execForm && !POSIX_SHELLS.has(basename(shellAt(model, stage, run.instruction.getRange().start.line)[0]))) return false;
  return !runsNonShellHeredoc(model, run.instruction);
}

function topLevel(run: InstructionScript): RunScript {
  const script: RunScript = { run, commands: [], rangeOf: run.rangeOf, editable: !run.execForm, nested: false };
  script.commands = run.commands.map(({ command, description }) => ({ command, description, script }));
  return script;
}

export function stageRunCommands(model: DockerfileModel, stage: Stage): readonly RunCommand[] {
  let commands = stageCommands.get(stage);
  if (!commands) {
    commands = Object.freeze(stageRunScripts(model, stage).flatMap((script) => script.commands));
    stageCommands.set(stage, commands);
  }
  return commands;
}

/** The script followed by the scripts its commands run in nested shells, depth first. */
function withNested(script: RunScript, depth: number): RunScript[] {
  if (depth >= MAX_DEPTH) return [script];
  return [script, ...script.commands.flatMap((command) => nestedScripts(command, depth))];
}

function nestedScripts({ command, description, script }: RunCommand, depth: number): RunScript[] {
  const inner = description && innerScript(command, description);
  if (!inner) return [];
  const exact = inner.start !== undefined && !command.approximate;
  const nested: RunScript = { run: script.run, commands: [], rangeOf: spanRange(script, inner, command), editable: script.editable && exact, nested: true };
  nested.commands = parseShell(inner.text).commands.map((inside) => ({ command: inside, description: describeCommand(inside), script: nested }));
  return withNested(nested, depth + 1);
}

/** The known value of a word of a RUN script. */
export interface WordText {
  text: string;
  /** Offset of the text's first character in the script; undefined when quoting shifts it. */
  start?: number;
  word: ShellWord;
}

/** Document range of a span of a word's text: exact when its offsets are known, else the whole word. */
export function spanRange(script: RunScript, text: WordText, command: ShellCommand): (from: number, to: number) => Range {
  const { start } = text;
  if (start === undefined || command.approximate) return () => wordRange(script, text.word);
  return (from, to) => script.rangeOf(start + from, start + to);
}

function innerScript(command: ShellCommand, description: CommandDescription): WordText | undefined {
  const { tool } = description;
  const words = command.words;
  if (tool === 'su') {
    // `su -c '…' user` and `su user -c '…'`.
    const option = words.findIndex((word) => word.value === '-c' || word.value === '--command');
    return option > 0 && words[option + 1] ? literal(words[option + 1]) : undefined;
  }
  if (!POSIX_SHELLS.has(tool)) return undefined;
  const { inline, file } = shellInvocation(command, description);
  if (inline || file) return inline && literal(inline);
  // `bash <<EOF` and `sh <<< '…'` read the script from standard input.
  for (const redirection of command.redirections) {
    if (redirection.heredoc) return { text: redirection.heredoc.body, start: redirection.heredoc.bodyStart, word: description.program };
    if (redirection.operator === '<<<' && redirection.target) return literal(redirection.target);
  }
  return undefined;
}

/** What a shell (`sh`, `bash`…) runs: the script after `-c`, a script file, or neither: its standard input. */
export function shellInvocation(command: ShellCommand, description: CommandDescription): { inline?: ShellWord; file?: ShellWord } {
  const words = command.words;
  for (let index = words.indexOf(description.program) + 1; index < words.length; index++) {
    const text = words[index].value ?? words[index].raw;
    if (COMMAND_OPTION.test(text)) return { inline: words[index + 1] };
    // `-s` and `-` read standard input, whatever follows.
    if (/^-[A-Za-z]*s[A-Za-z]*$/.test(text) || text === '-') return {};
    if (text === '--') return { file: words[index + 1] };
    // `-o pipefail` names an option in the next word.
    if (text === '-o' || text === '+o') index++;
    else if (!text.startsWith('-') && !text.startsWith('+')) return { file: words[index] };
  }
  return {};
}

/** A word whose value is known, and where that value starts when it is the raw text minus its quotes. */
export function literal(word: ShellWord): WordText | undefined {
  const value = word.value;
  if (value === undefined) return undefined;
  if (word.raw === value) return { text: value, start: word.start, word };
  const quoted = /^(['"])/.exec(word.raw)?.[1];
  const shifted = quoted && word.raw === `${quoted}${value}${quoted}`;
  return { text: value, start: shifted ? word.start + 1 : undefined, word };
}

/** `RUN <<EOF` whose body starts with a shebang for another interpreter (`#!/usr/bin/env python3`). */
function runsNonShellHeredoc(model: DockerfileModel, instruction: Instruction): boolean {
  if (!model.text.startsWith('<<', bodyStart(model, instruction))) return false;
  const content = (instruction as Run).getHeredocs()[0]?.getContentRange();
  const shebang = content && /^#!\s*(\S+)(?:\s+(\S+))?/.exec(model.lines.textOf(content));
  if (!shebang) return false;
  const interpreter = basename(shebang[1]) === 'env' ? shebang[2] ?? '' : basename(shebang[1]);
  return !POSIX_SHELLS.has(basename(interpreter));
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
