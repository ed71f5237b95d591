import type { Range } from '../../types';
import type { Source } from './source';

/** A word of an instruction: its value with escapes resolved, and where it is written. */
export class Argument {
  // Assigned in the constructor, not declared with initial values (see Instruction).
  protected declare readonly source: Source;
  private declare readonly value: string;
  /** Settled offsets of the word in the text. */
  declare readonly start: number;
  declare readonly end: number;
  private declare range: Range | undefined;

  constructor(source: Source, value: string, start: number, end: number) {
    this.source = source;
    this.value = value;
    this.start = start;
    this.end = end;
    this.range = undefined;
  }

  getValue(): string {
    return this.value;
  }

  getRange(): Range {
    return (this.range ??= this.source.range(this.start, this.end));
  }

  toString(): string {
    return this.value;
  }
}

/** A string of an exec-form (JSON) array; its value keeps the quotes. */
export class JSONArgument extends Argument {
  getJSONValue(): string {
    const value = this.getValue();
    return value.substring(1, value.length - 1);
  }
}

/** A line of the text that the syntax tree knows by its range alone. */
export class Line {
  private range: Range | undefined;

  constructor(
    protected readonly source: Source,
    readonly start: number,
    readonly end: number,
  ) {}

  getRange(): Range {
    return (this.range ??= this.source.range(this.start, this.end));
  }
}

export class Comment extends Line {}

/** A `# name=value` line at the top of the file (escape, syntax, check). */
export class ParserDirective extends Line {
  constructor(
    source: Source,
    start: number,
    end: number,
    private readonly name: string,
    private readonly value: string,
  ) {
    super(source, start, end);
  }

  getName(): string {
    return this.name;
  }

  getValue(): string {
    return this.value;
  }
}
