/**
 * Fix builders that edit one command of a RUN script: append a command to the `&&` chain a
 * command belongs to, or insert an option after a word.
 */
import type { DockerfileModel } from '../dockerfile/model';
import type { ShellCommand, ShellConnector } from '../shell';
import type { Fix, FixSafety, Range } from '../types';
import { continuedAnd } from './merge-run';

/** The script a command belongs to, as the fix builders need it. */
export interface EditableScript {
  /** Every command of the script, in order of where it starts. */
  commands: readonly ShellCommand[];
  rangeOf(start: number, end: number): Range;
  /** Whether the document spells the script out character by character (shell-form, not an exec-form array). */
  editable: boolean;
  /** A heredoc body or a nested `sh -c` string: no line continuations go in there. */
  inline: boolean;
}

const LIST_OPERATORS: readonly ShellConnector[] = ['&&', '||', '|', '|&'];

/** The last command of the and-or list `command` is part of; undefined when the list goes on into a compound command. */
function endOfList(commands: readonly ShellCommand[], command: ShellCommand): ShellCommand | undefined {
  let last = command;
  let index = commands.indexOf(command);
  while (last.after && LIST_OPERATORS.includes(last.after)) {
    // Skip the commands inside the last one's substitutions.
    let next = index + 1;
    while (next < commands.length && commands[next].start < last.end) next++;
    const candidate = commands[next];
    const sameLevel = candidate && candidate.before === last.after && candidate.nesting.join() === last.nesting.join();
    if (!sameLevel) return undefined;
    [last, index] = [candidate, next];
  }
  return last.background ? undefined : last;
}

/**
 * Runs `text` after the and-or list holding `command` (`a && b` becomes `a && b && text`),
 * on a continuation line of its own when the list ends a multi-line RUN.
 */
export function appendCommandFix(model: DockerfileModel, script: EditableScript, command: ShellCommand, text: string, title: string, safety: FixSafety): Fix | undefined {
  if (!script.editable || command.approximate) return undefined;
  const last = endOfList(script.commands, command);
  if (!last) return undefined;
  const at = script.rangeOf(last.start, last.end).end;
  const endsLine = !/\S/.test(model.lines.lineText(at.line).slice(at.character));
  const firstLine = script.rangeOf(script.commands[0].start, script.commands[0].start).start.line;
  // The RUN's own continuation style first, the file's when the RUN has none.
  const joiner = !script.inline && firstLine < at.line && endsLine ? continuedAnd(model, at, firstLine, at.line) : ' && ';
  return { title, edits: [{ range: { start: at, end: at }, newText: `${joiner}${text}` }], safety, isPreferred: true };
}

/** Inserts ` option` right after a word (the `install` of `apt-get install`). */
export function insertAfterFix(script: EditableScript, command: ShellCommand, word: { start: number; end: number }, option: string, title: string, safety: FixSafety): Fix | undefined {
  if (!script.editable || command.approximate) return undefined;
  const at = script.rangeOf(word.start, word.end).end;
  return { title, edits: [{ range: { start: at, end: at }, newText: ` ${option}` }], safety, isPreferred: true };
}
