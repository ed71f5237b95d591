import type { Instruction } from '../../dockerfile/syntax';
import type { Range } from '../../types';

/** Whether an instruction shares a line with the selection; no selection covers everything. */
export function inSelection(instruction: Instruction, selection: Range | undefined): boolean {
  if (!selection) return true;
  const { start, end } = instruction.getRange();
  return start.line <= selection.end.line && end.line >= selection.start.line;
}
