import type { Range } from '../../types';
import type { Argument } from './nodes';
import type { Source } from './source';

/** One `key=value` of a flag's comma-separated value (`--mount=type=cache,target=/root`). */
export class FlagOption {
  constructor(
    private readonly name: string,
    private readonly nameRange: Range,
    private readonly value: string | null,
    private readonly valueRange: Range | null,
  ) {}

  getName(): string {
    return this.name;
  }

  getNameRange(): Range {
    return this.nameRange;
  }

  getValue(): string | null {
    return this.value;
  }

  getValueRange(): Range | null {
    return this.valueRange;
  }
}

/** `--name` or `--name=value` before an instruction's other arguments. */
export class Flag {
  private options: FlagOption[] | undefined;

  constructor(
    private readonly source: Source,
    private readonly argument: Argument,
    private readonly name: string,
    private readonly nameRange: Range,
    private readonly value: string | null,
    /** Settled offset where the value starts in the text (-1 without a value). */
    private readonly valueStart: number,
  ) {}

  getRange(): Range {
    return this.argument.getRange();
  }

  getName(): string {
    return this.name;
  }

  getNameRange(): Range {
    return this.nameRange;
  }

  getValue(): string | null {
    return this.value;
  }

  getValueRange(): Range | null {
    return this.value === null ? null : this.source.range(this.valueStart, this.argument.end);
  }

  getOptions(): FlagOption[] {
    return (this.options ??= this.value === null ? [] : readOptions(this.source, this.value, this.valueStart));
  }

  getOption(name: string): FlagOption | null {
    return this.getOptions().find((option) => option.getName() === name) ?? null;
  }

  toString(): string {
    return this.value === null ? `--${this.name}` : `--${this.name}=${this.value}`;
  }
}

/**
 * The options of a flag's value. Like dockerfile-ast, an option's range counts characters of
 * the value with its escapes resolved from where the value starts in the text.
 */
function readOptions(source: Source, value: string, offset: number): FlagOption[] {
  const options: FlagOption[] = [];
  let nameStart = -1;
  let valueStart = -1;
  let hasOptions = false;
  for (let i = 0; i < value.length; i++) {
    const char = value.charCodeAt(i);
    if (char === 61 /* = */) {
      hasOptions = true;
      if (valueStart === -1) valueStart = i + 1;
    } else if (char === 44 /* , */) {
      options.push(option(source, value, offset, nameStart, valueStart, i));
      nameStart = -1;
      valueStart = -1;
    } else if (nameStart === -1) {
      nameStart = i;
    }
  }
  if (hasOptions && nameStart !== -1) options.push(option(source, value, offset, nameStart, valueStart, value.length));
  return options;
}

function option(source: Source, content: string, offset: number, nameStart: number, valueStart: number, valueEnd: number): FlagOption {
  if (valueStart === -1) {
    const range = source.range(offset + nameStart, offset + valueEnd);
    return new FlagOption(content.substring(nameStart, valueEnd), range, null, null);
  }
  return new FlagOption(
    content.substring(nameStart, valueStart - 1),
    source.range(offset + nameStart, offset + valueStart - 1),
    content.substring(valueStart, valueEnd),
    source.range(offset + valueStart, offset + valueEnd),
  );
}

/**
 * The leading `--` words of an instruction until one it takes for an argument. A word that is
 * neither a flag nor a stopper is passed over (as dockerfile-ast does), and the instruction's
 * arguments then drop as many words from the front as there are flags.
 */
export function readFlags(source: Source, words: readonly Argument[], stopsFlags: (value: string) => boolean): Flag[] {
  const flags: Flag[] = [];
  for (const word of words) {
    const value = word.getValue();
    if (stopsFlags(value)) break;
    if (!value.startsWith('--')) continue;
    const raw = source.text.substring(word.start, word.end);
    flags.push(readFlag(source, word, value, raw));
  }
  return flags;
}

function readFlag(source: Source, word: Argument, value: string, raw: string): Flag {
  let dashes = 0;
  let nameOffset = -1;
  for (let i = 0; i < raw.length; i++) {
    const char = raw.charCodeAt(i);
    if (char === 92 || char === 32 || char === 9 || char === 13 || char === 10) continue;
    if (char === 45 /* - */ && dashes < 2) {
      dashes++;
      continue;
    }
    nameOffset = i;
    break;
  }
  const nameStart = source.positionAt(word.start + nameOffset);
  const rawEquals = raw.indexOf('=');
  if (rawEquals === -1) return new Flag(source, word, value.substring(2), { start: nameStart, end: word.getRange().end }, null, -1);
  const nameEnd = source.positionAt(word.start + rawEquals);
  if (rawEquals === value.length - 1) return new Flag(source, word, value.substring(2, rawEquals), { start: nameStart, end: nameEnd }, '', word.end);
  const valueEquals = value.indexOf('=');
  return new Flag(source, word, value.substring(2, valueEquals), { start: nameStart, end: nameEnd }, value.substring(valueEquals + 1), source.settle(word.start + rawEquals + 1));
}
