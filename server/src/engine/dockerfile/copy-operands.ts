import type { Copy, Instruction, JSONInstruction } from './syntax';
import { comparePositions } from '../text/document';
import type { Range } from '../types';
import { argumentsText, execFormArguments, type DockerfileModel } from './model';

export interface Operand {
  /** The path as the builder sees it (JSON quotes removed). */
  value: string;
  /** The operand as written, quotes included. */
  range: Range;
  /** Written as a JSON string, so edits go inside the quotes. */
  json: boolean;
}

/** The paths of a COPY or ADD: sources and destination; heredoc sources (`<<EOF`) are counted apart. */
export interface CopyOperands {
  sources: Operand[];
  heredocSources: number;
  destination: Operand;
}

/** Read once per instruction: a dozen rules, the size estimate and the fixes ask. Frozen, as callers share it. */
const cache = new WeakMap<Instruction, Readonly<CopyOperands> | null>();

export function copyOperands(model: DockerfileModel, instruction: Instruction): Readonly<CopyOperands> | undefined {
  let operands = cache.get(instruction);
  if (operands === undefined) {
    operands = readCopyOperands(model, instruction) ?? null;
    cache.set(instruction, operands);
  }
  return operands ?? undefined;
}

function readCopyOperands(model: DockerfileModel, instruction: Instruction): Readonly<CopyOperands> | undefined {
  const operands = execFormArguments(argumentsText(model, instruction)) ? jsonOperands(instruction) : shellOperands(instruction);
  // `COPY onlyone` is malformed (the build fails): its one word is a source without a destination.
  if (operands.length < 2) return undefined;
  const destination = operands.pop() as Operand;
  const heredocSources = operands.filter((operand) => operand.value.startsWith('<<')).length;
  const sources = operands.filter((operand) => !operand.value.startsWith('<<'));
  sources.forEach((source) => Object.freeze(source));
  return Object.freeze({ sources: Object.freeze(sources) as Operand[], heredocSources, destination: Object.freeze(destination) });
}

function jsonOperands(instruction: Instruction): Operand[] {
  return (instruction as JSONInstruction).getJSONStrings().map((string) => ({ value: string.getJSONValue(), range: string.getRange(), json: true }));
}

function shellOperands(instruction: Instruction): Operand[] {
  const heredocs = 'getHeredocs' in instruction ? (instruction as Copy).getHeredocs() : [];
  // Heredoc bodies and their closing delimiters are content, not paths.
  const bodies = heredocs.flatMap((heredoc) => [heredoc.getContentRange(), heredoc.getDelimiterRange()]).filter((range): range is Range => range !== null);
  const bodyStart = bodies.length > 0 ? bodies.reduce((first, range) => (comparePositions(range.start, first.start) < 0 ? range : first)).start : undefined;
  return instruction
    .getArguments()
    .filter((argument) => !bodyStart || comparePositions(argument.getRange().start, bodyStart) < 0)
    .map((argument) => ({ value: argument.getValue(), range: argument.getRange(), json: false }));
}
