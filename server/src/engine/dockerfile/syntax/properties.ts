import type { Range } from '../../types';
import { Instruction } from './instruction';
import { Argument } from './nodes';
import { CR, isBlank, LF, SPACE, TAB, type Source } from './source';

/** `name=value` (or the legacy `name value`) of an ENV, LABEL or ARG. */
export class Property {
  private readonly name: string;
  private readonly nameStart: number;
  private readonly nameEnd: number;
  private readonly value: string | null = null;
  private readonly valueStart: number = -1;
  private readonly valueEnd: number = -1;
  private readonly assignmentOperator: string | null = null;

  constructor(
    private readonly source: Source,
    escape: string,
    word: Argument,
    separateValue?: Argument,
  ) {
    const wordValue = word.getValue();
    const equals = wordValue.indexOf('=');
    this.nameStart = word.start;
    this.nameEnd = word.end;
    if (equals !== -1) {
      const initial = wordValue.charAt(0);
      const before = wordValue.charAt(equals - 1);
      // `"name"=value` and `'name'=value` name what is in the quotes; `na"me=value` is no property name.
      if ((initial === '"' && before === '"') || (initial === "'" && before === "'") || (initial !== '"' && initial !== "'")) this.nameEnd = source.settle(word.start + equals);
    }
    this.name = unescapedValue(source.text.substring(this.nameStart, this.nameEnd), escape);
    if (separateValue) {
      this.valueStart = separateValue.start;
      this.valueEnd = separateValue.end;
      this.value = unescapedValue(source.text.substring(this.valueStart, this.valueEnd), escape);
    } else if (this.nameEnd !== word.end) {
      this.valueStart = source.settle(word.start + equals + 1);
      this.valueEnd = word.end;
      this.value = unescapedValue(source.text.substring(this.valueStart, this.valueEnd), escape);
      this.assignmentOperator = '=';
    }
  }

  getName(): string {
    return this.name;
  }

  getNameRange(): Range {
    return this.source.range(this.nameStart, this.nameEnd);
  }

  /** Null for a name without a value (`ARG NAME`). */
  getValue(): string | null {
    return this.value;
  }

  getValueRange(): Range | null {
    return this.value === null ? null : this.source.range(this.valueStart, this.valueEnd);
  }

  /** `=`, or null in the legacy `ENV name value` form and without a value. */
  getAssignmentOperator(): string | null {
    return this.assignmentOperator;
  }
}

/** ENV, LABEL and ARG: instructions made of properties. */
export class PropertyInstruction extends Instruction {
  // Assigned in the constructor (see Instruction).
  private declare properties: Property[] | undefined;
  private declare propertyWords: Argument[] | undefined;

  constructor(source: Source, escape: number, instruction: string, start: number, keywordEnd: number, end: number) {
    super(source, escape, instruction, start, keywordEnd, end);
    this.properties = undefined;
    this.propertyWords = undefined;
  }

  /** The words properties are made of, split as dockerfile-ast splits them (quotes hold blanks, escapes stay written). */
  protected getPropertyArguments(): Argument[] {
    return (this.propertyWords ??= readPropertyWords(this));
  }

  getProperties(): Property[] {
    if (this.properties === undefined) {
      const words = this.getPropertyArguments();
      const escape = String.fromCharCode(this.escape);
      const property = (word: Argument, value?: Argument) => new Property(this.source, escape, word, value);
      if (words.length === 0) this.properties = [];
      else if (words.length === 1) this.properties = [property(words[0])];
      else if (words.length === 2) this.properties = words[0].getValue().includes('=') ? [property(words[0]), property(words[1])] : [property(words[0], words[1])];
      else if (!words[0].getValue().includes('=')) {
        // `ENV name a b c`: the legacy form's value is the rest of the line.
        const start = words[1].start;
        const end = words[words.length - 1].end;
        this.properties = [property(words[0], new Argument(this.source, this.source.text.substring(start, end), start, end))];
      } else this.properties = words.map((word) => property(word));
    }
    return this.properties;
  }
}

export class Env extends PropertyInstruction {}

export class Label extends PropertyInstruction {}

export class Arg extends PropertyInstruction {
  private declare property: Property | null | undefined;

  constructor(source: Source, escape: number, instruction: string, start: number, keywordEnd: number, end: number) {
    super(source, escape, instruction, start, keywordEnd, end);
    this.property = undefined;
  }

  /** The variable this ARG declares; null when it does not declare exactly one. */
  getProperty(): Property | null {
    if (this.property === undefined) {
      const words = this.getPropertyArguments();
      this.property = words.length === 1 ? new Property(this.source, String.fromCharCode(this.escape), words[0]) : null;
    }
    return this.property;
  }
}

/** The first character of `content` that is neither blank nor a line continuation; -1 when there is none. */
function leadingContent(content: string, escape: number): number {
  scan: for (let i = 0; i < content.length; i++) {
    const char = content.charCodeAt(i);
    if (char === SPACE || char === TAB) continue;
    if (char !== escape) return i;
    for (let j = i + 1; j < content.length; j++) {
      const next = content.charCodeAt(j);
      if (next === SPACE || next === TAB) continue;
      if (next === CR) {
        i = j + 1;
        continue scan;
      }
      if (next === LF) {
        i = j;
        continue scan;
      }
      break;
    }
    return -1;
  }
  return -1;
}

/** The last character of `content` that is neither blank nor the escape of a trailing line break. */
function trailingContent(content: string, escape: number): number {
  for (let i = content.length - 1; i >= 0; i--) {
    const char = content.charCodeAt(i);
    if (char === SPACE || char === TAB) continue;
    if (char === CR || char === LF) {
      if (char === LF && content.charCodeAt(i - 1) === CR) i--;
      for (let j = i - 1; j >= 0; j--) {
        const before = content.charCodeAt(j);
        if (isBlank(before) || before === escape) continue;
        return j;
      }
      return content.length;
    }
    return i;
  }
  return content.length;
}

function readPropertyWords(instruction: PropertyInstruction): Argument[] {
  const { source, escape } = instruction;
  const words: Argument[] = [];
  const full = source.text.substring(instruction.keywordEnd, instruction.end);
  const start = leadingContent(full, escape);
  if (start === -1) return words;
  const base = instruction.keywordEnd + start;
  const word = (from: number, to: number, valueEnd = to) => new Argument(source, content.substring(from, valueEnd), source.settle(base + from), source.settle(base + to));
  // Content on a line after the keyword's starts after a line continuation.
  let escaped = instruction.getRange().start.line !== source.positionAt(base).line;
  let endingEscape = false;
  let mark = -1;
  const content = full.substring(start, trailingContent(full, escape) + 1);
  let argStart = escaped ? -1 : 0;
  let spaced = false;
  const spacedWord = () => {
    if (argStart !== -1) words.push(word(argStart, mark));
  };
  scan: for (let i = 0; i < content.length; i++) {
    const char = content.charCodeAt(i);
    if (char === escape) {
      if (i + 1 === content.length) {
        endingEscape = true;
        break;
      }
      if (!escaped) mark = i;
      const next = content.charCodeAt(i + 1);
      if (next === SPACE || next === TAB) {
        if (!isBlank(content.charCodeAt(i + 2))) {
          // An escaped blank is part of the word.
          i++;
          continue;
        }
        for (let j = i + 2; j < content.length; j++) {
          const after = content.charCodeAt(j);
          if (after === CR || after === LF) {
            escaped = true;
            i = after === CR ? j + 1 : j;
            continue scan;
          }
          if (after === SPACE || after === TAB) continue;
          // dockerfile-ast's word ends before the escape but its range after the escaped blank.
          words.push(word(argStart, i + 2, i));
          argStart = j;
          break;
        }
        i = argStart - 1;
        continue;
      }
      if (next === CR || next === LF) {
        escaped = true;
        i += next === CR ? 2 : 1;
        continue;
      }
      if (argStart === -1) argStart = i;
      if (next === escape) i++;
      continue;
    }
    if (char === 39 || char === 34) {
      if (spaced) {
        spacedWord();
        argStart = i;
        spaced = false;
      }
      if (argStart === -1) argStart = i;
      for (let j = i + 1; j < content.length; j++) {
        const inner = content.charCodeAt(j);
        if (inner === char) {
          const after = content.charAt(j + 1);
          if (after !== ' ' && after !== '') {
            // More follows the closing quote: it is all one word.
            i = j;
            continue scan;
          }
          words.push(word(argStart, j + 1));
          i = j;
          argStart = -1;
          continue scan;
        }
        if (inner === escape) j++;
      }
      break;
    }
    if (char === SPACE || char === TAB) {
      if (escaped) {
        // Blanks count only when the word does not go on over several lines.
        if (argStart !== -1) spaced = true;
      } else if (argStart !== -1) {
        words.push(word(argStart, i));
        argStart = -1;
      }
      continue;
    }
    if (char === CR || char === LF) {
      if (char === CR) i++;
      spaced = false;
      continue;
    }
    if (char === 35 /* # */) {
      if (escaped) {
        // A comment line inside the continuation.
        for (let j = i + 1; j < content.length; j++) {
          const after = content.charCodeAt(j);
          if (after === CR || after === LF) {
            i = after === CR ? j + 1 : j;
            spaced = false;
            continue scan;
          }
        }
        if (argStart !== -1) {
          words.push(word(argStart, mark));
          argStart = -1;
        }
        break;
      }
      if (argStart === -1) argStart = i;
      continue;
    }
    if (spaced) {
      spacedWord();
      argStart = i;
      spaced = false;
    }
    escaped = false;
    if (argStart === -1) argStart = i;
    if (char === 36 /* $ */ && content.charCodeAt(i + 1) === 123 /* { */) {
      // `${...}` is one word, blanks inside quotes or after an escape included.
      let single = false;
      let double = false;
      let escapedInside = false;
      for (let j = i + 1; j < content.length; j++) {
        const inner = content.charCodeAt(j);
        if (inner === escape) escapedInside = true;
        else if (inner === CR || inner === LF) continue;
        else if (inner === 39) {
          single = !single;
          escapedInside = false;
        } else if (inner === 34) {
          double = !double;
          escapedInside = false;
        } else if (inner === SPACE || inner === TAB) {
          if (escapedInside || single || double) continue;
          i = j - 1;
          continue scan;
        } else if (inner === 125 /* } */) {
          i = j;
          continue scan;
        } else escapedInside = false;
      }
      break;
    }
  }
  if (argStart !== -1 && argStart !== content.length) {
    const end = endingEscape ? content.length - 1 : content.length;
    words.push(word(argStart, end));
  }
  return words;
}

/**
 * A property's name or value as Docker reads it: quotes that wrap it removed, escapes
 * resolved, line continuations joined and the comment lines inside them left out.
 */
export function unescapedValue(written: string, escapeChar: string): string {
  let escaped = false;
  const skip = leadingContent(written, escapeChar.charCodeAt(0));
  // A value that starts on a later line may start with a comment line of the continuation.
  if (skip !== 0 && written.charAt(skip) === '#') escaped = true;
  let value = written.substring(skip);
  const first = value.charAt(0);
  const last = value.charAt(value.length - 1);
  const literal = first === "'" || first === '"';
  const inSingle = first === "'" && last === "'";
  let inDouble = false;
  if (first === '"') {
    for (let i = 1; i < value.length; i++) {
      if (value.charAt(i) === escapeChar) i++;
      else if (value.charAt(i) === '"' && i === value.length - 1) inDouble = true;
    }
  }
  if (inSingle || inDouble) value = value.substring(1, value.length - 1);
  let commentCheck = -1;
  let result = '';
  scan: for (let i = 0; i < value.length; i++) {
    let char = value.charAt(i);
    switch (char) {
      case escapeChar:
        if (i + 1 === value.length) {
          result += escapeChar;
          break scan;
        }
        char = value.charAt(i + 1);
        if (char === ' ' || char === '\t') {
          blanks: for (let j = i + 2; j < value.length; j++) {
            const after = value.charAt(j);
            switch (after) {
              case ' ':
              case '\t':
                break;
              case '\r':
              case '\n':
                escaped = true;
                i = after === '\r' ? j + 1 : j;
                continue scan;
              default:
                if (!inDouble && !inSingle && !literal) {
                  if (after === escapeChar) {
                    result += char;
                    i = i + 1;
                  } else {
                    result += char + after;
                    i = j;
                  }
                  continue scan;
                }
                break blanks;
            }
          }
        }
        if (inDouble || inSingle || literal) {
          // Quoted, an escape keeps its escape character, except before a line break (and `"` in double quotes).
          if (char === '\r' || char === '\n') {
            escaped = true;
            i += char === '\r' ? 2 : 1;
          } else if (!inDouble) {
            result += escapeChar;
          } else if (char !== '"') {
            if (char === escapeChar) i++;
            result += escapeChar;
          }
          continue scan;
        }
        if (char === escapeChar) {
          result += escapeChar;
          i++;
        } else if (char === '\r') {
          escaped = true;
          i += 2;
        } else if (char === '\n') {
          escaped = true;
          i++;
        } else {
          result += char;
          i++;
        }
        break;
      case ' ':
      case '\t':
        if (escaped && commentCheck === -1) commentCheck = i;
        result += char;
        break;
      case '\r':
      case '\n':
        if (char === '\r') i++;
        if (escaped && commentCheck !== -1) {
          // The blanks before the line break were a comment line's indentation: take them back.
          result = result.substring(0, result.length - (i - commentCheck - 1));
          commentCheck = -1;
        }
        break;
      case '#':
        if (escaped) {
          if (commentCheck !== -1) {
            result = result.substring(0, result.length - (i - commentCheck));
            commentCheck = -1;
          }
          for (let j = i + 1; j < value.length; j++) {
            const after = value.charAt(j);
            if (after === '\r' || after === '\n') {
              i = after === '\r' ? j + 1 : j;
              break;
            }
          }
          continue scan;
        }
        result += char;
        break;
      default:
        if (escaped) {
          escaped = false;
          commentCheck = -1;
        }
        result += char;
    }
  }
  return result;
}
