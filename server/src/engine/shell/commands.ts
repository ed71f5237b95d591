/**
 * The command model: which tool a command runs, its subcommand, options and operands, read
 * with the tool's spec from tools.ts, so rules ask questions instead of re-parsing text.
 */
import type { ShellCommand, ShellWord } from './types';
import { NO_SPEC, toolName, toolSpec, type ToolReader } from './tools';

export interface ShellFlag {
  /** The key rules look up: the short or usual spelling (`-y` for `--assume-yes`). */
  name: string;
  /** As written: `--assume-yes`, or `-y` taken out of `-qy`. */
  written: string;
  /** The word holding the option. */
  word: ShellWord;
  /** The option's value when it takes one and the value is known. */
  value?: string;
  /** The word holding the value: the next one, or the option's own (`--opt=v`, `-ofile`). */
  valueWord?: ShellWord;
}

export interface CommandDescription {
  command: ShellCommand;
  /** `pip` for pip3 and `python3 -m pip`; the basename for tools without a spec; the raw word when it is an expansion. */
  tool: string;
  /** The word naming the tool, after the wrappers. */
  program: ShellWord;
  /** Canonical name (`install` for npm's `i`) and the word. */
  subcommand?: { name: string; word: ShellWord };
  /** The last occurrence of each option, by name. */
  flags: Map<string, ShellFlag>;
  /** Every option in order, repeats included (Maven's `-D`, apt-get's `-o`). */
  allFlags: ShellFlag[];
  operands: ShellWord[];
  viaSudo: boolean;
  /** Wrappers taken off, outermost first: `sudo`, `env`, `exec`. */
  wrappers: string[];
  /** `NAME=value` words given to a wrapper (`env A=b cmd`). */
  environment: ShellWord[];
}

interface Reading {
  allFlags: ShellFlag[];
  operands: ShellWord[];
  subcommand?: { name: string; word: ShellWord };
  /** Index of the first word not read. */
  end: number;
}

interface Stop {
  /** Wrappers and interpreters stop at the first operand: the command or script they run. */
  atOperand?: boolean;
  /** `python -m pip`: what follows the module belongs to the module. */
  afterFlag?: string;
}

const ENVIRONMENT_WORD = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Undefined for a command without a program (`A=b`, `> file`). */
export function describeCommand(command: ShellCommand): CommandDescription | undefined {
  if (!command.program) return undefined;
  const { words } = command;
  const wrappers: string[] = [];
  const environment: ShellWord[] = [];
  let at = 0;
  let tool = nameOf(words[0], command.program.name);
  for (let spec = toolSpec(tool); spec?.wrapper; spec = toolSpec(tool)) {
    let next = readArguments(words, at + 1, spec, { atOperand: true }).end;
    const assignments = next;
    while (next < words.length && ENVIRONMENT_WORD.test(words[next].value ?? '')) next++;
    // `sudo -i` or a bare `env` runs nothing we can see: describe the wrapper itself.
    if (next >= words.length) break;
    environment.push(...words.slice(assignments, next));
    wrappers.push(tool);
    at = next;
    tool = nameOf(words[at]);
  }
  let start = at + 1;
  if (tool === 'python') {
    const interpreter = readArguments(words, start, toolSpec('python') ?? NO_SPEC, { atOperand: true, afterFlag: '-m' });
    const module = interpreter.allFlags.find((flag) => flag.name === '-m')?.value;
    if (module && toolSpec(module)) [tool, start] = [module, interpreter.end];
  }
  const reading = readArguments(words, start, toolSpec(tool) ?? NO_SPEC);
  return {
    command,
    tool,
    program: words[at],
    subcommand: reading.subcommand,
    flags: new Map(reading.allFlags.map((flag) => [flag.name, flag])),
    allFlags: reading.allFlags,
    operands: reading.operands,
    viaSudo: wrappers.includes('sudo'),
    wrappers,
    environment,
  };
}

function nameOf(word: ShellWord, known?: string): string {
  const name = known ?? (word.value && word.value.slice(word.value.lastIndexOf('/') + 1));
  return name ? toolName(name) : word.raw;
}

function readArguments(words: readonly ShellWord[], from: number, spec: ToolReader, stop: Stop = {}): Reading {
  const reading: Reading = { allFlags: [], operands: [], end: words.length };
  let optionsEnded = false;
  for (let index = from; index < words.length; index++) {
    const word = words[index];
    // A word built by an expansion is read by its written shape: `-j$(nproc)` is an option.
    const text = word.value ?? word.raw;
    if (!optionsEnded && text === '--') {
      optionsEnded = true;
    } else if (!optionsEnded && text.length > 1 && text.startsWith('-')) {
      index = readOption(words, index, text, spec, reading);
      if (stop.afterFlag && reading.allFlags[reading.allFlags.length - 1]?.name === stop.afterFlag) {
        reading.end = index + 1;
        return reading;
      }
    } else if (stop.atOperand) {
      reading.end = index;
      return reading;
    } else if (index === from && spec.dashlessBundle && /^[A-Za-z]+$/.test(text)) {
      index = readOption(words, index, `-${text}`, spec, reading);
    } else if (spec.subcommands && !reading.subcommand && reading.operands.length === 0) {
      reading.subcommand = { name: spec.subcommands.get(text) ?? text, word };
    } else {
      reading.operands.push(word);
    }
  }
  return reading;
}

/** The key rules look an option up by: `-y` for `--assume-yes`. */
function canonical(spec: ToolReader, written: string): string {
  return spec.aliases.get(written) ?? written;
}

function takesValue(spec: ToolReader, written: string): boolean {
  return spec.valued.has(written) || spec.valued.has(canonical(spec, written));
}

function addFlag(reading: Reading, spec: ToolReader, word: ShellWord, written: string, value?: string, valueWord?: ShellWord): void {
  reading.allFlags.push({ name: canonical(spec, written), written, word, value, valueWord });
}

/** Reads the option at `index` (written as `text`); returns the index of the last word it used. */
function readOption(words: readonly ShellWord[], index: number, text: string, spec: ToolReader, reading: Reading): number {
  const word = words[index];
  const withNext = (written: string): number => {
    const next = words[index + 1];
    addFlag(reading, spec, word, written, next?.value, next);
    return next ? index + 1 : index;
  };
  // The literal part of an attached value is only known when the whole word is.
  const attached = (value: string) => (word.value === undefined ? undefined : value);

  const long = text.startsWith('--') || spec.singleDashLong;
  if (long || spec.atoms.has(text) || (text.length > 2 && (spec.valued.has(text) || spec.aliases.has(text)))) {
    const equals = long ? text.indexOf('=') : -1;
    if (equals > 0) {
      addFlag(reading, spec, word, text.slice(0, equals), attached(text.slice(equals + 1)), word);
      return index;
    }
    if (takesValue(spec, text)) return withNext(text);
    addFlag(reading, spec, word, text);
    return index;
  }
  for (let at = 1; at < text.length; at++) {
    // Past the letters of a bundle comes the last option's value: `-j$(nproc)`, `-O-`.
    if (!/[A-Za-z0-9]/.test(text[at])) {
      if (at === 1) addFlag(reading, spec, word, text);
      else Object.assign(reading.allFlags[reading.allFlags.length - 1], { value: attached(text.slice(at)), valueWord: word });
      return index;
    }
    const written = `-${text[at]}`;
    if (takesValue(spec, written)) {
      if (at + 1 < text.length) {
        addFlag(reading, spec, word, written, attached(text.slice(at + 1)), word);
        return index;
      }
      return withNext(written);
    }
    addFlag(reading, spec, word, written);
  }
  return index;
}
