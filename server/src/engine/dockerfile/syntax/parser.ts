/**
 * Shipshape's Dockerfile parser. It reads a file exactly as dockerfile-ast 0.7 does (the
 * parser Docker's VS Code extension uses, whose answers the rules were written against; the
 * differential test in test/unit/dockerfile-syntax.test.ts holds the two to the same answers)
 * at a fraction of its cost: positions come from one line index instead of a TextDocument,
 * an instruction's words are read once and kept, and ranges are built when asked for.
 */
import { LineIndex } from '../../text/document';
import { heredocName } from './heredocs';
import type { Instruction } from './instruction';
import { createInstruction, Onbuild } from './instructions';
import { Comment, ParserDirective } from './nodes';
import { Arg } from './properties';
import { CR, HASH, LF, SPACE, TAB, Source } from './source';

const BACKSLASH = 92;

export class Dockerfile {
  constructor(
    private readonly instructions: Instruction[],
    private readonly comments: Comment[],
    private readonly directives: ParserDirective[],
    private readonly escapeCharacter: string,
  ) {}

  getInstructions(): Instruction[] {
    return this.instructions;
  }

  /** Comments, those inside line continuations included, in the order of the text. */
  getComments(): Comment[] {
    return this.comments;
  }

  getDirectives(): ParserDirective[] {
    return this.directives;
  }

  /** `\` unless an escape directive sets `` ` ``. */
  getEscapeCharacter(): string {
    return this.escapeCharacter;
  }

  /** The ARGs before the first FROM. */
  getInitialARGs(): Arg[] {
    const args: Arg[] = [];
    for (const instruction of this.instructions) {
      if (instruction.getKeyword() === 'FROM') break;
      if (instruction instanceof Arg) args.push(instruction);
    }
    return args;
  }
}

/** Parses a Dockerfile; `lines` may be an index of `text` the caller already has. */
export function parseDockerfile(text: string, lines: LineIndex = new LineIndex(text)): Dockerfile {
  return new Parser(new Source(text, lines)).parse();
}

class Parser {
  private readonly text: string;
  private escape = BACKSLASH;
  private readonly instructions: Instruction[] = [];
  private readonly comments: Comment[] = [];

  constructor(private readonly source: Source) {
    this.text = source.text;
  }

  parse(): Dockerfile {
    const { text, source } = this;
    const directives = this.readDirectives();
    const escapeCharacter = escapeDirective(directives);
    this.escape = escapeCharacter.charCodeAt(0);
    let start = 0;
    // Parsing starts on the line after as many lines as there are directives.
    if (directives.length > 0) start = directives.length < source.lines.lineCount ? source.lines.offsetAt({ line: directives.length, character: 0 }) : text.length;
    else if (text.charCodeAt(0) === 0xfeff) start = 1;
    for (let i = start; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (char === SPACE || char === TAB || char === CR || char === LF) continue;
      i = char === HASH ? this.readComment(i) : this.readInstruction(i);
    }
    return new Dockerfile(this.instructions, this.comments, directives, escapeCharacter);
  }

  /** The `# name=value` lines that open the file, up to the first line that is not one. */
  private readDirectives(): ParserDirective[] {
    const { text, source } = this;
    const directives: ParserDirective[] = [];
    const length = text.length;
    lines: for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < length; i++) {
      const char = text.charCodeAt(i);
      if (char === SPACE || char === TAB) continue;
      if (char !== HASH) break;
      let nameStart = -1;
      let nameEnd = -1;
      for (let j = i + 1; j < length; j++) {
        const inner = text.charCodeAt(j);
        if (inner === SPACE || inner === TAB) {
          if (nameStart !== -1 && nameEnd === -1) nameEnd = j;
        } else if (inner === CR || inner === LF) {
          break lines;
        } else if (inner === 61 /* = */) {
          if (nameEnd === -1) nameEnd = j;
          let valueStart = -1;
          let valueEnd = -1;
          let lineEnd = length;
          for (let k = j + 1; k < length; k++) {
            const value = text.charCodeAt(k);
            if (value === CR || value === LF) {
              if (valueStart !== -1 && valueEnd === -1) valueEnd = k;
              lineEnd = k;
              break;
            }
            if (value === SPACE || value === TAB) {
              if (valueStart !== -1 && valueEnd === -1) valueEnd = k;
            } else if (valueStart === -1) valueStart = k;
          }
          // `# =value` is a comment.
          if (nameStart === -1) break lines;
          if (valueStart === -1) {
            valueStart = j + 1;
            valueEnd = lineEnd;
          } else if (valueEnd === -1) valueEnd = length;
          directives.push(new ParserDirective(source, source.settle(i), source.settle(lineEnd), source.slice(nameStart, nameEnd), source.slice(valueStart, valueEnd)));
          // The next directive may follow on this line, after the value.
          i = text.charCodeAt(valueEnd) === CR ? valueEnd + 1 : valueEnd;
          continue lines;
        } else if (nameStart === -1) {
          nameStart = j;
        }
      }
      // A `#` line without `=` that runs to the end of the text: no directive follows it.
      break;
    }
    return directives;
  }

  /** A comment from `#` to the end of its line; returns where the line ends. */
  private readComment(start: number): number {
    const { text, source } = this;
    let end = start + 1;
    while (end < text.length && text.charCodeAt(end) !== CR && text.charCodeAt(end) !== LF) end++;
    this.comments.push(new Comment(source, source.settle(start), source.settle(end)));
    return end;
  }

  /** An instruction from its keyword's first character; returns where it ends. */
  private readInstruction(start: number): number {
    const { text } = this;
    const escape = this.escape;
    const length = text.length;
    let keyword = text.charAt(start);
    let keywordEnd = -1;
    let continued = false;
    scan: for (let i = start + 1; i < length; i++) {
      const char = text.charCodeAt(i);
      if (char === escape) {
        continued = true;
        const next = text.charCodeAt(i + 1);
        if (next === CR || next === LF) {
          if (keywordEnd === -1) keywordEnd = i;
          i++;
        } else if (next === SPACE || next === TAB) {
          for (let j = i + 2; j < length; j++) {
            const after = text.charCodeAt(j);
            if (after === SPACE || after === TAB) continue;
            if (after === CR || after === LF) {
              i = j;
              continue scan;
            }
            // An escaped blank before an argument ends the keyword, escape included.
            keywordEnd = i + 1;
            keyword += text.charAt(i);
            i = j - 2;
            continue scan;
          }
          keywordEnd = i + 1;
          keyword += text.charAt(i);
          break;
        } else {
          keywordEnd = i + 1;
          keyword += text.charAt(i);
          continued = false;
        }
      } else if (char === SPACE || char === TAB) {
        if (continued) {
          // After a line continuation, a blank line goes on with the keyword.
          let blankToEnd = false;
          for (let j = i + 1; j < length; j++) {
            const after = text.charCodeAt(j);
            if (after === SPACE || after === TAB) continue;
            if (after === CR || after === LF) {
              i = j;
              blankToEnd = true;
            }
            break;
          }
          if (blankToEnd) continue;
          continued = false;
        }
        if (keywordEnd === -1) keywordEnd = i;
        return this.readArguments(keyword, start, keywordEnd, i);
      } else if (char === CR || char === LF) {
        if (continued) continue;
        // A keyword alone on its line: dockerfile-ast's keyword range runs to the line break.
        this.add(keyword, start, i, i);
        return i;
      } else if (char === HASH && continued) {
        continue;
      } else {
        keywordEnd = i + 1;
        keyword += text.charAt(i);
        continued = false;
      }
    }
    if (keywordEnd === -1) keywordEnd = length;
    this.add(keyword, start, keywordEnd, length);
    return length;
  }

  /**
   * The arguments after the keyword, up to a line break no escape continues (comment lines
   * inside a continuation are comments), then the here-documents the line opens.
   */
  private readArguments(keyword: string, start: number, keywordEnd: number, from: number): number {
    const { text } = this;
    const escape = this.escape;
    const length = text.length;
    let continued = false;
    scan: for (let i = from + 1; i < length; i++) {
      const char = text.charCodeAt(i);
      if (char === CR || char === LF) {
        if (continued) continue;
        return this.addWithHeredocs(keyword, start, keywordEnd, i);
      }
      if (char === escape) {
        const next = text.charCodeAt(i + 1);
        if (next === LF || next === CR) {
          continued = true;
          i++;
        } else if (next === SPACE || next === TAB) {
          for (let j = i + 2; j < length; j++) {
            const after = text.charCodeAt(j);
            if (after === SPACE || after === TAB) continue;
            if (after === CR || after === LF) continued = true;
            i = j;
            continue scan;
          }
          this.add(keyword, start, keywordEnd, length);
          return length;
        }
        continue;
      }
      if (char === HASH) {
        if (continued) i = this.readComment(i);
      } else if (char !== SPACE && char !== TAB) {
        continued = false;
      }
    }
    this.add(keyword, start, keywordEnd, length);
    return length;
  }

  private add(keyword: string, start: number, keywordEnd: number, end: number): Instruction {
    const { source } = this;
    const instruction = createInstruction(source, this.escape, keyword, source.settle(start), source.settle(keywordEnd), source.settle(end));
    this.instructions.push(instruction);
    return instruction;
  }

  /** Adds the instruction that ends at `lineEnd`, extended over the bodies of the here-documents it opens. */
  private addWithHeredocs(keyword: string, start: number, keywordEnd: number, lineEnd: number): number {
    const instruction = this.add(keyword, start, keywordEnd, lineEnd);
    const end = this.heredocsEnd(instruction, lineEnd);
    if (end !== lineEnd) this.instructions[this.instructions.length - 1] = createInstruction(this.source, this.escape, keyword, instruction.start, instruction.keywordEnd, this.source.settle(end));
    return end;
  }

  /** Where the bodies of the here-documents that an instruction's line opens end. */
  private heredocsEnd(instruction: Instruction, lineEnd: number): number {
    let opener: Instruction | null = instruction;
    if (opener instanceof Onbuild) opener = opener.getTriggerInstruction();
    if (opener === null) return lineEnd;
    const keyword = opener.getKeyword();
    if (keyword !== 'RUN' && keyword !== 'COPY' && keyword !== 'ADD') return lineEnd;
    if (!this.text.substring(opener.keywordEnd, lineEnd).includes('<')) return lineEnd;
    const names: string[] = [];
    let tabbed = false;
    for (const word of opener.getArguments()) {
      const value = word.getValue();
      if (!value.startsWith('<<') || value.length <= 2) continue;
      if (value.startsWith('<<-')) tabbed = true;
      const name = heredocName(value);
      if (name !== null) names.push(name);
    }
    let end = lineEnd;
    for (const name of names) end = this.heredocEnd(name, end, tabbed);
    return end;
  }

  /** The end of the first line from `from` on that is `name` (after tabs, for `<<-`). */
  private heredocEnd(name: string, from: number, tabbed: boolean): number {
    const { text } = this;
    let wordStart = -1;
    let lineStart = true;
    for (let i = from; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (char === SPACE) lineStart = false;
      else if (char === TAB) {
        if (!tabbed) lineStart = false;
      } else if (char === CR || char === LF) {
        if (wordStart !== -1 && text.substring(wordStart, i) === name) return i;
        wordStart = -1;
        lineStart = true;
      } else if (lineStart) {
        wordStart = i;
        lineStart = false;
      }
    }
    return text.length;
  }
}

/** The escape directive's character, when one names `\` or `` ` ``. */
function escapeDirective(directives: readonly ParserDirective[]): string {
  for (const directive of directives) {
    if (directive.getName().toLowerCase() !== 'escape') continue;
    const value = directive.getValue();
    if (value === '\\' || value === '`') return value;
  }
  return '\\';
}
