/**
 * Whole-line edits for conversions that add, move or drop instructions, written with the
 * file's own line terminator so a CRLF file stays CRLF.
 */
import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../../dockerfile/model';
import type { Position, TextEdit } from '../../types';

export function eolOf(model: DockerfileModel): string {
  return model.lines.lineTerminator(0);
}

function endOfText(model: DockerfileModel): Position {
  const last = model.lines.lineCount - 1;
  return { line: last, character: model.lines.lineText(last).length };
}

/** New lines placed before line `line` (or at the end of the text when it is past the end). */
export function insertLines(model: DockerfileModel, line: number, lines: readonly string[]): TextEdit {
  const eol = eolOf(model);
  if (line < model.lines.lineCount && !(line === model.lines.lineCount - 1 && model.lines.lineText(line) === '')) {
    const at = { line, character: 0 };
    return { range: { start: at, end: at }, newText: lines.map((text) => text + eol).join('') };
  }
  return appendLines(model, lines);
}

/** Lines added after everything, with a line break before them when the text lacks a final one. */
export function appendLines(model: DockerfileModel, lines: readonly string[]): TextEdit {
  const eol = eolOf(model);
  const end = endOfText(model);
  const lead = end.character > 0 ? eol : '';
  return { range: { start: end, end }, newText: lead + lines.map((text) => text + eol).join('') };
}

/** The text of an instruction's lines, for moving it elsewhere unchanged. */
export function instructionText(model: DockerfileModel, instruction: Instruction): string {
  return model.lines.textOf(instruction.getRange());
}

/** Removes an instruction's lines with their terminators; the last line takes the terminator before it instead. */
export function deleteInstruction(model: DockerfileModel, instruction: Instruction): TextEdit {
  const { start, end } = instruction.getRange();
  if (end.line + 1 < model.lines.lineCount) {
    return { range: { start: { line: start.line, character: 0 }, end: { line: end.line + 1, character: 0 } }, newText: '' };
  }
  const from = start.line > 0 ? { line: start.line - 1, character: model.lines.lineText(start.line - 1).length } : { line: 0, character: 0 };
  return { range: { start: from, end: endOfText(model) }, newText: '' };
}
