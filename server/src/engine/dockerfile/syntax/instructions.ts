import type { Range } from '../../types';
import type { Flag } from './flags';
import { Instruction, JSONInstruction, ModifiableInstruction } from './instruction';
import type { Argument } from './nodes';
import { Arg, Env, Label } from './properties';
import { CR, isBlank, LF, SPACE, TAB, type Source } from './source';

/** Words up to the first one without `--` are flags. */
function untilPlainWord(value: string): boolean {
  return !value.includes('--');
}

export class Run extends JSONInstruction {
  protected override stopsFlags(value: string): boolean {
    return untilPlainWord(value);
  }
}

export class Copy extends JSONInstruction {
  protected override stopsFlags(value: string): boolean {
    return untilPlainWord(value);
  }
}

export class Add extends JSONInstruction {
  protected override stopsFlags(value: string): boolean {
    return untilPlainWord(value);
  }
}

export class Healthcheck extends ModifiableInstruction {
  protected stopsFlags(value: string): boolean {
    const word = value.toUpperCase();
    return word === 'CMD' || word === 'NONE';
  }

  /** `CMD` or `NONE` (as written), or null. */
  getSubcommand(): Argument | null {
    return this.getArguments()[0] ?? null;
  }
}

export class Onbuild extends Instruction {
  /** The trigger's keyword in capitals, or null. */
  getTrigger(): string | null {
    return this.getTriggerWord()?.toUpperCase() ?? null;
  }

  /** The trigger's keyword as written. */
  getTriggerWord(): string | null {
    const word = this.getArguments()[0];
    return word ? this.textBetween(word.start, word.end) : null;
  }

  getTriggerRange(): Range | null {
    return this.getArguments()[0]?.getRange() ?? null;
  }

  /** The instruction ONBUILD registers, read from its keyword to the end of the ONBUILD. */
  getTriggerInstruction(): Instruction | null {
    const word = this.getArguments()[0];
    if (!word) return null;
    return createInstruction(this.source, this.escape, this.textBetween(word.start, word.end), word.start, word.end, this.end);
  }
}

export class From extends ModifiableInstruction {
  // Assigned in the constructor (see Instruction).
  private declare variables: [number, number][] | undefined;

  constructor(source: Source, escape: number, instruction: string, start: number, keywordEnd: number, end: number) {
    super(source, escape, instruction, start, keywordEnd, end);
    this.variables = undefined;
  }

  protected stopsFlags(value: string): boolean {
    return untilPlainWord(value);
  }

  getImage(): string | null {
    return this.getArguments()[0]?.getValue() ?? null;
  }

  getImageRange(): Range | null {
    return this.getArguments()[0]?.getRange() ?? null;
  }

  getImageTag(): string | null {
    const range = this.tagSpan();
    return range ? this.textBetween(range[0], range[1]) : null;
  }

  getImageTagRange(): Range | null {
    const range = this.tagSpan();
    return range ? this.source.range(range[0], range[1]) : null;
  }

  /** The stage name after AS (as written), or null. */
  getBuildStage(): string | null {
    const word = this.stageWord();
    return word ? this.textBetween(word.start, word.end) : null;
  }

  getBuildStageRange(): Range | null {
    return this.stageWord()?.getRange() ?? null;
  }

  /** `--platform` when it is the only flag. */
  getPlatformFlag(): Flag | null {
    const flags = this.getFlags();
    return flags.length === 1 && flags[0].getName() === 'platform' ? flags[0] : null;
  }

  private stageWord(): Argument | undefined {
    const words = this.getArguments();
    return words.length > 2 && words[1].getValue().toUpperCase() === 'AS' ? words[2] : undefined;
  }

  /**
   * Settled offsets of the image's tag, found as dockerfile-ast finds it: after the last `:`
   * past the last `/` (so not a registry's port), before any `@digest`, and never inside a
   * variable (`${BASE:-alpine}`).
   */
  private tagSpan(): [number, number] | null {
    const image = this.getArguments()[0];
    if (!image) return null;
    const source = this.source;
    const start = image.start;
    const content = this.textBetween(image.start, image.end);
    const at = this.indexOutsideVariables(start, content, '@', false);
    const slash = content.indexOf('/');
    if (at === -1) {
      const colon = this.indexOutsideVariables(start, content, ':', true);
      if (colon > slash) return [source.settle(start + colon + 1), image.end];
    }
    const beforeDigest = content.substring(0, at);
    const colon = beforeDigest.indexOf(':');
    if (colon === -1) return null;
    if (slash === -1) return [source.settle(start + colon + 1), source.settle(start + at)];
    if (colon < slash) return null;
    return [source.settle(start + colon + 1), source.settle(start + beforeDigest.length)];
  }

  /** The first (or last) `searched` of the image's text that no variable of the instruction covers. */
  private indexOutsideVariables(documentOffset: number, content: string, searched: string, last: boolean): number {
    let index = last ? content.lastIndexOf(searched) : content.indexOf(searched);
    const variables = this.variableSpans();
    for (let i = 0; i < variables.length; i++) {
      const position = documentOffset + index;
      const [start, end] = variables[i];
      if (start < position && position < end) {
        if (last) index = content.substring(0, index).lastIndexOf(searched);
        else {
          const after = end - documentOffset;
          const subIndex = content.substring(after).indexOf(searched);
          index = subIndex === -1 ? -1 : subIndex + after;
        }
        if (index === -1) return -1;
        i = -1;
      }
    }
    return index;
  }

  /** Settled spans of the variables in every word of the instruction, flags included. */
  private variableSpans(): [number, number][] {
    if (this.variables === undefined) {
      this.variables = [];
      for (const word of this.getRawArguments()) {
        const written = this.textBetween(word.start, word.end);
        if (!written.includes('$')) continue;
        for (const [start, end] of variablesIn(written, this.escape)) this.variables.push([this.source.settle(word.start + start), this.source.settle(word.start + end)]);
      }
    }
    return this.variables;
  }
}

/**
 * Spans (within `word`) of the variables dockerfile-ast sees in a word: `${...}` up to its
 * `}`, and `$name` up to a character that cannot be in a name. Reading stops after a `$name`
 * that runs to the end of the word and at a `${` without `}`.
 */
function variablesIn(word: string, escape: number): [number, number][] {
  const spans: [number, number][] = [];
  const nextNewline = (from: number) => word.indexOf('\n', from);
  scan: for (let i = 0; i < word.length; i++) {
    const char = word.charCodeAt(i);
    if (char === escape) {
      if (word.charCodeAt(i + 1) === 36) i++;
      continue;
    }
    if (char !== 36 /* $ */) continue;
    if (word.charCodeAt(i + 1) === 123 /* { */) {
      for (let j = i + 2; j < word.length; j++) {
        const inner = word.charCodeAt(j);
        if (inner === escape) {
          const newline = nextNewline(j + 1);
          if (newline !== -1) j = newline;
        } else if (inner === 125 /* } */) {
          spans.push([i, j + 1]);
          i = j;
          continue scan;
        }
      }
      break;
    }
    if (isBlank(word.charCodeAt(i + 1)) || i === word.length - 1) continue;
    names: for (let j = i + 1; j < word.length; j++) {
      const inner = word.charCodeAt(j);
      if (inner === CR || inner === LF || inner === SPACE || inner === TAB) continue;
      if (inner === 36 || inner === 39 || inner === 34) {
        spans.push([i, j]);
        i = j - 1;
        continue scan;
      }
      if (inner === escape) {
        const newline = nextNewline(j + 1);
        if (newline !== -1) {
          j = newline;
          continue names;
        }
        spans.push([i, j]);
        break scan;
      }
      if (!/^[a-z0-9_]$/i.test(word.charAt(j))) {
        spans.push([i, j]);
        i = j - 1;
        continue scan;
      }
    }
    spans.push([i, word.length]);
    break;
  }
  return spans;
}

/** The instruction object for a keyword (as written), with the API its keyword has. */
export function createInstruction(source: Source, escape: number, keyword: string, start: number, keywordEnd: number, end: number): Instruction {
  const args = [source, escape, keyword, start, keywordEnd, end] as const;
  switch (keyword.toUpperCase()) {
    case 'RUN':
      return new Run(...args);
    case 'COPY':
      return new Copy(...args);
    case 'ADD':
      return new Add(...args);
    case 'FROM':
      return new From(...args);
    case 'ENV':
      return new Env(...args);
    case 'ARG':
      return new Arg(...args);
    case 'LABEL':
      return new Label(...args);
    case 'HEALTHCHECK':
      return new Healthcheck(...args);
    case 'ONBUILD':
      return new Onbuild(...args);
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
    case 'VOLUME':
      return new JSONInstruction(...args);
    default:
      return new Instruction(...args);
  }
}
