/** Turns unbash's words, assignments and redirections into ours. */
import type { Assignment, Redirection, Word, WordPart } from 'unbash';
import type { ShellAssignment, ShellRedirection, ShellWord } from './types';

/**
 * Where parser positions land in the caller's script. Inside an escaped backtick
 * substitution the parser works on decoded text, so positions there are replaced by the
 * range of the outermost such substitution.
 */
export interface Locator {
  script: string;
  approximate?: { start: number; end: number };
}

const EXPANDING = new Set<WordPart['type']>(['SimpleExpansion', 'ParameterExpansion', 'CommandExpansion', 'ArithmeticExpansion', 'ProcessSubstitution']);

function expands(parts: readonly WordPart[] | undefined): boolean {
  return parts?.some((part) => EXPANDING.has(part.type) || ('parts' in part && expands(part.parts))) ?? false;
}

// Built without object spread: spreading here made parsing twice as slow.
function range(locator: Locator, pos: number, end: number): { start: number; end: number } {
  return locator.approximate ?? { start: pos, end };
}

export function toWord(word: Word, locator: Locator): ShellWord {
  const { start, end } = range(locator, word.pos, word.end);
  const hasExpansion = expands(word.parts);
  const shellWord: ShellWord = { raw: locator.script.slice(start, end), start, end, value: hasExpansion ? undefined : word.value, hasExpansion };
  if (hasExpansion) shellWord.literalPrefix = literalPrefix(word.parts ?? []).text;
  return shellWord;
}

/** The known text of the parts before the first expansion; `complete` is false once one is met. */
function literalPrefix(parts: readonly WordPart[]): { text: string; complete: boolean } {
  let text = '';
  for (const part of parts) {
    if (part.type === 'Literal' || part.type === 'SingleQuoted' || part.type === 'AnsiCQuoted') {
      text += part.value;
    } else if (part.type === 'DoubleQuoted' || part.type === 'LocaleString') {
      const inner = literalPrefix(part.parts);
      text += inner.text;
      if (!inner.complete) return { text, complete: false };
    } else {
      return { text, complete: false };
    }
  }
  return { text, complete: true };
}

export function toAssignment(assignment: Assignment, locator: Locator): ShellAssignment {
  const { start, end } = range(locator, assignment.pos, assignment.end);
  const value = assignment.value.type === 'Word' ? toWord(assignment.value, locator) : undefined;
  return { name: assignment.name, value, raw: locator.script.slice(start, end), start, end };
}

/** `export A=$x` passes its assignment as an argument: as a word it keeps its text. */
export function assignmentAsWord(assignment: Assignment, locator: Locator): ShellWord {
  const { start, end } = range(locator, assignment.pos, assignment.end);
  const value = assignment.value;
  const hasExpansion = value.type === 'Word' ? expands(value.parts) : value.elements.some((element) => expands(element.parts));
  const literal = value.type === 'Word' && !hasExpansion ? `${assignment.name}${assignment.append ? '+=' : '='}${value.value}` : undefined;
  return { raw: locator.script.slice(start, end), start, end, value: literal, hasExpansion };
}

export function toRedirection(redirection: Redirection, locator: Locator): ShellRedirection {
  const { operator } = redirection;
  const { start, end } = range(locator, redirection.pos, redirection.end);
  const fd = redirection.descriptor?.type === 'FileDescriptor' ? redirection.descriptor.value : undefined;
  if (redirection.type !== 'HereDoc') {
    return { operator, fd, target: redirection.target && toWord(redirection.target, locator), start, end };
  }
  const body = range(locator, redirection.body.pos, redirection.body.end);
  const heredoc = {
    delimiter: redirection.delimiter?.value ?? '',
    quoted: redirection.delimiter?.quoted ?? false,
    stripTabs: operator === '<<-',
    body: locator.script.slice(body.start, body.end),
    bodyStart: body.start,
    bodyEnd: body.end,
  };
  return { operator, fd, heredoc, start, end };
}

/** Basename of the program; for `$DIR/bin/pip` the literal tail after the last `/` still names it. */
export function programName(word: Word): string | undefined {
  if (!expands(word.parts)) return basename(word.value);
  const tail = literalTail(word.parts);
  return tail?.includes('/') ? basename(tail) : undefined;
}

const basename = (path: string): string | undefined => path.slice(path.lastIndexOf('/') + 1) || undefined;

function literalTail(parts: readonly WordPart[] | undefined): string | undefined {
  const last = parts?.[parts.length - 1];
  if (last?.type === 'Literal' || last?.type === 'SingleQuoted') return last.value;
  return last?.type === 'DoubleQuoted' ? literalTail(last.parts) : undefined;
}
