/**
 * Whole-line edits for conversions that add, move or drop instructions, written with the
 * file's own line terminator so a CRLF file stays CRLF.
 */
import type { Instruction } from '../../dockerfile/syntax';
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

/** Lines added after everything; a text without a final line break still ends without one. */
export function appendLines(model: DockerfileModel, lines: readonly string[]): TextEdit {
  const eol = eolOf(model);
  const end = endOfText(model);
  const newText = end.character > 0 ? lines.map((text) => eol + text).join('') : lines.map((text) => text + eol).join('');
  return { range: { start: end, end }, newText };
}

/** The text of an instruction's lines, for moving it elsewhere unchanged. */
export function instructionText(model: DockerfileModel, instruction: Instruction): string {
  return model.lines.textOf(instruction.getRange());
}

/**
 * Moves instructions to the end of the file: their lines are removed (neighbours as one span,
 * so the edits never overlap) and `appended` is added after everything. When the file's last
 * line, without a final line break, is among them, one edit replaces it with `appended`.
 */
export function moveToEnd(model: DockerfileModel, instructions: readonly Instruction[], appended: readonly string[]): TextEdit[] {
  const spans: [number, number][] = [];
  for (const instruction of [...instructions].sort((a, b) => a.getRange().start.line - b.getRange().start.line)) {
    const { start, end } = instruction.getRange();
    const previous = spans[spans.length - 1];
    if (previous && previous[1] + 1 >= start.line) previous[1] = Math.max(previous[1], end.line);
    else spans.push([start.line, end.line]);
  }
  const edits: TextEdit[] = spans.map(([first, last]) => ({ range: { start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } }, newText: '' }));
  const lastSpan = spans[spans.length - 1];
  if (lastSpan && lastSpan[1] + 1 >= model.lines.lineCount) {
    edits[edits.length - 1] = { range: { start: { line: lastSpan[0], character: 0 }, end: endOfText(model) }, newText: appended.join(eolOf(model)) };
    return edits;
  }
  return [...edits, appendLines(model, appended)];
}
