import type { LineIndex } from '../../text/document';
import type { Position, Range } from '../../types';

/**
 * The Dockerfile being parsed, with the position arithmetic of an LSP TextDocument (which the
 * ranges of dockerfile-ast, and so every rule's expectations, follow): an offset is clamped to
 * the text, and one between the `\r` and the `\n` of a CRLF stands for the `\r`. Offsets kept
 * by the syntax tree are "settled" that way, so that comparing two of them compares positions.
 */
export class Source {
  constructor(
    readonly text: string,
    readonly lines: LineIndex,
  ) {}

  settle(offset: number): number {
    const text = this.text;
    if (offset <= 0) return 0;
    if (offset >= text.length) return text.length;
    return text.charCodeAt(offset) === 10 && text.charCodeAt(offset - 1) === 13 ? offset - 1 : offset;
  }

  positionAt(offset: number): Position {
    return this.lines.positionAt(this.settle(offset));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The text between two offsets, settled first (a reversed pair is swapped, as `substring` does). */
  slice(start: number, end: number): string {
    return this.text.substring(this.settle(start), this.settle(end));
  }
}

export const SPACE = 32;
export const TAB = 9;
export const CR = 13;
export const LF = 10;
export const HASH = 35;

export function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CR || code === LF;
}

export function isNewline(code: number): boolean {
  return code === CR || code === LF;
}
