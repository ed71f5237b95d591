import type { Range } from '../../types';
import { readFlags, type Flag } from './flags';
import { readHeredocs, type Heredoc, type HeredocHost } from './heredocs';
import { Argument, JSONArgument } from './nodes';
import { CR, isBlank, LF, SPACE, TAB, type Source } from './source';

/**
 * One instruction of a Dockerfile. Everything is read from the text on first use and kept:
 * the text never changes after parsing. Offsets are settled (see Source).
 */
export class Instruction implements HeredocHost {
  // Every field is assigned in a constructor and declared with `declare`: a class field with
  // an initializer (or a parameter property) is defined by an initializer function shared by
  // all the instruction classes, and its megamorphic defines took 5% of an analysis.
  declare readonly source: Source;
  /** The escape character's code: `\` or `` ` `` (the escape directive). */
  declare readonly escape: number;
  private declare readonly instruction: string;
  declare readonly start: number;
  /** Where the keyword ends. */
  declare readonly keywordEnd: number;
  declare readonly end: number;
  private declare rangeKept: Range | undefined;
  private declare instructionRangeKept: Range | undefined;
  private declare keyword: string | undefined;
  private declare words: Argument[] | undefined;
  private declare heredocs: Heredoc[] | undefined;
  private declare argumentsRange: Range | null | undefined;

  constructor(source: Source, escape: number, instruction: string, start: number, keywordEnd: number, end: number) {
    this.source = source;
    this.escape = escape;
    this.instruction = instruction;
    this.start = start;
    this.keywordEnd = keywordEnd;
    this.end = end;
    this.rangeKept = undefined;
    this.instructionRangeKept = undefined;
    this.keyword = undefined;
    this.words = undefined;
    this.heredocs = undefined;
    this.argumentsRange = undefined;
  }

  get range(): Range {
    return (this.rangeKept ??= this.source.range(this.start, this.end));
  }

  getRange(): Range {
    return this.range;
  }

  /** The keyword as written (`run`, `From`...). */
  getInstruction(): string {
    return this.instruction;
  }

  getInstructionRange(): Range {
    return (this.instructionRangeKept ??= this.source.range(this.start, this.keywordEnd));
  }

  getKeyword(): string {
    return (this.keyword ??= this.instruction.toUpperCase());
  }

  /** Every word after the keyword, flags included. */
  protected getRawArguments(): Argument[] {
    return (this.words ??= readWords(this.source, this.escape, this.keywordEnd, this.end));
  }

  getArguments(): Argument[] {
    return this.getRawArguments();
  }

  getArgumentsRange(): Range | null {
    if (this.argumentsRange === undefined) {
      const words = this.getArguments();
      this.argumentsRange = words.length === 0 ? null : { start: words[0].getRange().start, end: words[words.length - 1].getRange().end };
    }
    return this.argumentsRange;
  }

  getHeredocs(): Heredoc[] {
    return (this.heredocs ??= readHeredocs(this, this.getArguments()));
  }

  getTextContent(): string {
    return this.source.text.substring(this.start, this.end);
  }

  /** The text between two settled offsets. */
  protected textBetween(start: number, end: number): string {
    return this.source.text.substring(start, end);
  }
}

/** An instruction that takes `--flags` before its arguments (FROM, RUN, COPY, ADD, HEALTHCHECK...). */
export abstract class ModifiableInstruction extends Instruction {
  private declare flags: Flag[] | undefined;
  private declare operands: Argument[] | undefined;

  constructor(source: Source, escape: number, instruction: string, start: number, keywordEnd: number, end: number) {
    super(source, escape, instruction, start, keywordEnd, end);
    this.flags = undefined;
    this.operands = undefined;
  }

  /** Whether a leading word ends the flags (and is an argument). */
  protected abstract stopsFlags(value: string): boolean;

  getFlags(): Flag[] {
    return (this.flags ??= readFlags(this.source, this.getRawArguments(), (value) => this.stopsFlags(value)));
  }

  /** The words after the flags. */
  override getArguments(): Argument[] {
    if (this.operands === undefined) {
      const words = this.getRawArguments();
      const flags = this.getFlags().length;
      this.operands = flags === 0 ? words : words.slice(flags);
    }
    return this.operands;
  }
}

/** An instruction with an exec (JSON array) form: RUN, CMD, ENTRYPOINT, SHELL, COPY, ADD, VOLUME. */
export class JSONInstruction extends ModifiableInstruction {
  private declare jsonStrings: JSONArgument[] | undefined;

  constructor(source: Source, escape: number, instruction: string, start: number, keywordEnd: number, end: number) {
    super(source, escape, instruction, start, keywordEnd, end);
    this.jsonStrings = undefined;
  }

  protected stopsFlags(_value: string): boolean {
    return true;
  }

  getJSONStrings(): JSONArgument[] {
    return (this.jsonStrings ??= readJSONStrings(this.source, this.getArguments()));
  }
}

/**
 * The words of the text between `from` and `to`, as dockerfile-ast splits them: blanks
 * separate words, escapes are resolved (an escaped `$` keeps its escape), a line continuation
 * joins lines (and ends a word when blanks follow it), and a line of a continuation that
 * starts with `#` is a comment.
 */
export function readWords(source: Source, escape: number, from: number, to: number): Argument[] {
  const text = source.text;
  const words: Argument[] = [];
  let lineStart = false;
  let comment = false;
  let found = -1;
  let blankAfterContinuation = false;
  let continuing = false;
  let escapeMarker = -1;
  // The word's value: `value` plus the run of the text between runStart and runEnd.
  let value = '';
  let runStart = -1;
  let runEnd = -1;
  const flushRun = () => {
    if (runStart !== -1) {
      value += text.slice(runStart, runEnd);
      runStart = -1;
      runEnd = -1;
    }
  };
  const push = (end: number) => {
    flushRun();
    // After an escaped blank, dockerfile-ast may close a word it never started: empty, from just before `from`.
    words.push(new Argument(source, value, source.settle(found === -1 ? from - 1 : found), source.settle(end)));
    value = '';
  };
  for (let i = from; i < to; i++) {
    const char = text.charCodeAt(i);
    if (isBlank(char)) {
      if (continuing) {
        blankAfterContinuation = true;
        if (char === CR || char === LF) {
          blankAfterContinuation = false;
          if (comment) {
            comment = false;
            lineStart = true;
          }
        }
        continue;
      } else if (found !== -1) {
        push(escapeMarker === -1 ? i : escapeMarker);
        escapeMarker = -1;
        found = -1;
      }
    } else if (char === escape) {
      const next = i + 1 < to ? text.charCodeAt(i + 1) : -1;
      if (next === SPACE || next === TAB) {
        for (let j = i + 2; j < to; j++) {
          const after = text.charCodeAt(j);
          if (after === SPACE || after === TAB) continue;
          if (after === CR || after === LF) {
            comment = false;
            continuing = true;
            lineStart = true;
            if (found !== -1) escapeMarker = i;
            i = after === CR ? j + 1 : j;
          } else {
            escapeMarker = i;
            if (found === -1) i = j - 1;
          }
          break;
        }
      } else if (next === CR || next === LF) {
        comment = false;
        continuing = true;
        lineStart = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += next === CR ? 2 : 1;
      } else {
        if (blankAfterContinuation && escapeMarker !== -1) {
          push(escapeMarker);
          found = -1;
        }
        escapeMarker = -1;
        blankAfterContinuation = false;
        continuing = false;
        if (next === 36 /* $ */) {
          flushRun();
          value += text.charAt(i) + '$';
        } else if (next === -1) {
          break;
        } else {
          flushRun();
          value += text.charAt(i + 1);
        }
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (lineStart && char === 35 /* # */) {
        comment = true;
      } else {
        if (blankAfterContinuation && escapeMarker !== -1) {
          push(escapeMarker);
          found = -1;
        }
        blankAfterContinuation = false;
        continuing = false;
        escapeMarker = -1;
        if (runEnd !== i) {
          flushRun();
          runStart = i;
        }
        runEnd = i + 1;
        if (found === -1) found = i;
      }
      lineStart = false;
    }
  }
  if (found !== -1) push(escapeMarker === -1 ? to : escapeMarker);
  return words;
}

/** The strings of an exec-form array, as far as the array is well formed (dockerfile-ast's reading). */
function readJSONStrings(source: Source, words: readonly Argument[]): JSONArgument[] {
  const strings: JSONArgument[] = [];
  if (words.length === 0) return strings;
  if (words.length === 1 && words[0].getValue() === '[]') return strings;
  if (words.length === 2 && words[0].getValue() === '[' && words[1].getValue() === ']') return strings;
  const base = words[0].start;
  const content = source.text.substring(base, words[words.length - 1].end);
  let start = -1;
  let last = '';
  let quoted = false;
  let value = '';
  scan: for (let i = 0; i < content.length; i++) {
    const char = content.charAt(i);
    switch (char) {
      case '[':
        if (last === '') last = '[';
        else if (quoted) value += char;
        else break scan;
        break;
      case '"':
        if (last === '[' || last === ',') {
          start = i;
          quoted = true;
          last = '"';
          value += char;
          continue;
        }
        if (last !== '"' || !quoted) break scan;
        value += char;
        quoted = false;
        strings.push(new JSONArgument(source, value, source.settle(base + start), source.settle(base + i + 1)));
        value = '';
        break;
      case ',':
        if (quoted) value += char;
        else if (last === '"') last = ',';
        else break scan;
        break;
      case ']':
        if (quoted) value += char;
        else if (last !== '') break scan;
        break;
      case ' ':
      case '\t':
        break;
      case '\\': {
        if (quoted) {
          const next = content.charAt(i + 1);
          if (next === '"' || next === '\\') {
            value += next;
            i++;
            continue;
          }
          // Any other escaped character is dropped (dockerfile-ast does not decode JSON escapes).
          if (next !== ' ' && next !== '\t') {
            i += next === '\r' ? 2 : 1;
            continue;
          }
        }
        // A line continuation (the escape, blanks, a line break) goes on with the array; anything else ends it.
        for (let j = i + 1; j < content.length; j++) {
          const after = content.charAt(j);
          if (after === ' ' || after === '\t') continue;
          if (after === '\r' || after === '\n') {
            i = after === '\r' ? j + 1 : j;
            continue scan;
          }
          break;
        }
        break scan;
      }
      default:
        if (!quoted) break scan;
        value += char;
    }
  }
  return strings;
}
