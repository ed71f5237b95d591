import type { Copy, Instruction } from './syntax';
import { comparePositions } from '../text/document';
import type { Range } from '../types';
import type { DockerfileModel } from './model';
import { shellSource } from './shell-source';

export interface VariableReference {
  name: string;
  /** The name alone, without `$`, braces or modifier. */
  range: Range;
  /** `${NAME:-default}`, `${NAME+alt}`, `${NAME?message}`: the author planned for it being unset. */
  guarded: boolean;
}

// The flags BuildKit expands (`--from` and `--mount` are resolved otherwise, or not at all).
const EXPANDED_FLAGS = ['chown', 'chmod', 'checksum'];

// Sticky: matched where the scan stands, without slicing the rest of the text at every `$`.
const BRACED = /\$\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}/y;
const BARE = /\$([A-Za-z_][A-Za-z0-9_]*)/y;

/**
 * The `$NAME` and `${NAME}` references the builder itself expands in an instruction's flags and
 * arguments, read the way BuildKit's word lexer reads them: single quotes and the escape
 * character keep a `$` literal; comment lines inside a continuation and heredoc bodies are skipped.
 */
export function variableReferences(model: DockerfileModel, instruction: Instruction): VariableReference[] {
  // Most instructions have no `$` at all: nothing to read them for.
  if (!model.lines.textOf(instruction.getRange()).includes('$')) return [];
  const references: VariableReference[] = [];
  const flags = 'getFlags' in instruction ? (instruction as Copy).getFlags() : [];
  for (const flag of flags) {
    if (!EXPANDED_FLAGS.includes(flag.getName().toLowerCase())) continue;
    const value = flag.getValue();
    const range = flag.getValueRange();
    if (!value || !range) continue;
    const start = model.lines.offsetAt(range.start);
    for (const found of scanWord(value, model.escapeChar)) {
      references.push({ name: found.name, guarded: found.guarded, range: { start: model.lines.positionAt(start + found.start), end: model.lines.positionAt(start + found.end) } });
    }
  }
  const source = shellSource(model, instruction);
  if (!source) return references;
  const heredocStart = firstHeredocBody(instruction);
  for (const found of scanWord(source.text, model.escapeChar)) {
    const range = source.rangeOf(found.start, found.end);
    if (heredocStart && comparePositions(range.start, heredocStart) >= 0) break;
    references.push({ name: found.name, guarded: found.guarded, range });
  }
  return references;
}

function firstHeredocBody(instruction: Instruction) {
  const heredocs = 'getHeredocs' in instruction ? (instruction as Copy).getHeredocs() : [];
  return heredocs[0]?.getContentRange()?.start ?? heredocs[0]?.getDelimiterRange()?.start;
}

function scanWord(text: string, escapeChar: string): { name: string; start: number; end: number; guarded: boolean }[] {
  const found: { name: string; start: number; end: number; guarded: boolean }[] = [];
  let inDouble = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escapeChar) {
      i++;
    } else if (c === "'" && !inDouble) {
      const close = text.indexOf("'", i + 1);
      if (close < 0) break;
      i = close;
    } else if (c === '"') {
      inDouble = !inDouble;
    } else if (c === '$') {
      BRACED.lastIndex = i;
      BARE.lastIndex = i;
      const braced = BRACED.exec(text);
      const match = braced ?? BARE.exec(text);
      if (!match) continue;
      const nameStart = i + (braced ? 2 : 1);
      found.push({ name: match[1], start: nameStart, end: nameStart + match[1].length, guarded: braced ? /^:?[-+?]/.test(braced[2]) : false });
      // A modifier's operand is only expanded when it is used; it is not a reference of its own.
      i += match[0].length - 1;
    }
  }
  return found;
}
