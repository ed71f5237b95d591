import type { Healthcheck, Instruction, Run } from './syntax';
import type { Position, Range } from '../types';
import { lastAtMost } from '../text/document';
import type { DockerfileModel } from './model';

/**
 * The shell text of a shell-form instruction as the builder hands it to the shell, with the
 * document offset of every character, so findings inside the script land on the exact word.
 */
export interface ShellSource {
  text: string;
  /** Document position of a text offset (the end offset maps just past the last character). */
  positionAt(offset: number): Position;
  rangeOf(start: number, end: number): Range;
}

/** The line without trailing spaces and tabs; `/[ \t]*$/` took seconds on a long run of spaces inside a line. */
function withoutTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

/**
 * Joins escaped line breaks and drops comment lines inside a continuation, as Docker does.
 * A RUN that is only a heredoc (`RUN <<EOF`) runs the heredoc's body as its script.
 */
export function shellSource(model: DockerfileModel, instruction: Instruction): ShellSource | undefined {
  let source = sources.get(instruction);
  if (source === undefined) {
    source = readShellSource(model, instruction) ?? null;
    sources.set(instruction, source);
  }
  return source ?? undefined;
}

/** Read once per instruction: the script model, variable references, ShellCheck and fixes all ask. */
const sources = new WeakMap<Instruction, ShellSource | null>();

function readShellSource(model: DockerfileModel, instruction: Instruction): ShellSource | undefined {
  const argumentsRange = instruction.getArgumentsRange();
  if (!argumentsRange) return undefined;
  const heredocBody = onlyHeredocBody(model, instruction);
  if (heredocBody) return verbatim(model, heredocBody);
  const startOffset = bodyStart(model, instruction);
  const endOffset = model.lines.offsetAt(argumentsRange.end);
  const raw = model.text.slice(startOffset, endOffset);
  const offsets = new OffsetRuns();
  let text = '';
  const escape = model.escapeChar;
  const lines = raw.split(/(\r\n|\n|\r)/);
  let cursor = startOffset;
  let continuing = false;
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i];
    const terminator = lines[i + 1] ?? '';
    const isLast = i + 2 >= lines.length;
    if (continuing && /^\s*#/.test(line)) {
      cursor += line.length + terminator.length;
      continue;
    }
    const withoutTail = withoutTrailingBlanks(line);
    continuing = !isLast && withoutTail.endsWith(escape);
    const kept = continuing ? withoutTail.slice(0, -1) : line + terminator;
    offsets.add(cursor, kept.length);
    text += kept;
    cursor += line.length + terminator.length;
  }
  offsets.add(endOffset, 1);
  return mapped(model, text, offsets);
}

/** Where the command starts: after flags, and after the CMD word of a HEALTHCHECK. */
export function bodyStart(model: DockerfileModel, instruction: Instruction): number {
  const argumentsRange = instruction.getArgumentsRange() as Range;
  if (instruction.getKeyword() === 'HEALTHCHECK') {
    const subcommand = (instruction as Healthcheck).getSubcommand();
    if (subcommand) return skipBlanks(model, model.lines.offsetAt(subcommand.getRange().end));
  }
  const flags = 'getFlags' in instruction ? (instruction as Run).getFlags() : [];
  if (flags.length === 0) return model.lines.offsetAt(argumentsRange.start);
  return skipBlanks(model, model.lines.offsetAt(flags[flags.length - 1].getRange().end));
}

/** Blanks and escaped line breaks, by escape character; sticky, so they match where the scan stands. */
const BLANKS = { '\\': /(?:[ \t]|\\\r?\n)*/y, '`': /(?:[ \t]|`\r?\n)*/y };

function skipBlanks(model: DockerfileModel, offset: number): number {
  const blanks = model.escapeChar === '`' ? BLANKS['`'] : BLANKS['\\'];
  blanks.lastIndex = offset;
  return blanks.exec(model.text) ? blanks.lastIndex : offset;
}

/** The command part of RUN, CMD, ENTRYPOINT or HEALTHCHECK CMD. */
export function commandRange(model: DockerfileModel, instruction: Instruction): Range | undefined {
  const argumentsRange = instruction.getArgumentsRange();
  if (!argumentsRange) return undefined;
  const start = bodyStart(model, instruction);
  const end = model.lines.offsetAt(argumentsRange.end);
  return start < end ? { start: model.lines.positionAt(start), end: argumentsRange.end } : undefined;
}

function onlyHeredocBody(model: DockerfileModel, instruction: Instruction): Range | undefined {
  if (instruction.getKeyword() !== 'RUN') return undefined;
  const heredocs = (instruction as Run).getHeredocs();
  if (heredocs.length !== 1) return undefined;
  const start = bodyStart(model, instruction);
  const firstLine = model.lines.lineText(model.lines.positionAt(start).line).slice(model.lines.positionAt(start).character);
  if (!/^<<-?(["']?)[A-Za-z_][A-Za-z0-9_]*\1\s*$/.test(firstLine)) return undefined;
  return heredocs[0].getContentRange() ?? undefined;
}

function verbatim(model: DockerfileModel, range: Range): ShellSource {
  const start = model.lines.offsetAt(range.start);
  const end = model.lines.offsetAt(range.end);
  const offsets = new OffsetRuns();
  offsets.add(start, end - start + 1);
  return mapped(model, model.text.slice(start, end), offsets);
}

/**
 * The document offset of each character of a script (and one past its end), stored as runs of
 * consecutive offsets: one per kept line rather than one number per character.
 */
class OffsetRuns {
  private readonly starts: number[] = [];
  private readonly documentStarts: number[] = [];
  length = 0;

  add(documentStart: number, count: number): void {
    if (count <= 0) return;
    const last = this.starts.length - 1;
    if (last < 0 || this.documentStarts[last] + (this.length - this.starts[last]) !== documentStart) {
      this.starts.push(this.length);
      this.documentStarts.push(documentStart);
    }
    this.length += count;
  }

  at(index: number): number {
    const run = lastAtMost(this.starts, index);
    return this.documentStarts[run] + (index - this.starts[run]);
  }
}

/**
 * The builder reads lines without their carriage returns, so a CRLF file's scripts reach the
 * shell with plain line feeds; `\r` left in would end up inside the last word of each line.
 */
function withoutCarriageReturns(text: string, offsets: OffsetRuns): { text: string; offsets: OffsetRuns } {
  if (!text.includes('\r')) return { text, offsets };
  let kept = '';
  const keptOffsets = new OffsetRuns();
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && (text[i + 1] === '\n' || i + 1 === text.length)) continue;
    kept += text[i];
    keptOffsets.add(offsets.at(i), 1);
  }
  keptOffsets.add(offsets.at(offsets.length - 1), 1);
  return { text: kept, offsets: keptOffsets };
}

function mapped(model: DockerfileModel, rawText: string, rawOffsets: OffsetRuns): ShellSource {
  const { text, offsets } = withoutCarriageReturns(rawText, rawOffsets);
  const positionAt = (offset: number) => model.lines.positionAt(offsets.at(Math.min(Math.max(offset, 0), offsets.length - 1)));
  return {
    text,
    positionAt,
    rangeOf(start, end) {
      // The end of a word is just past its last character, which may sit before a line break.
      const last = end > start ? model.lines.positionAt(offsets.at(end - 1) + 1) : positionAt(end);
      return { start: positionAt(start), end: last };
    },
  };
}
