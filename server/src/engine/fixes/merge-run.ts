/**
 * Merging one RUN into the next as a single `&&` chain, and the continuation style of the
 * file, so that whatever a fix adds to a RUN looks like the rest of it.
 */
import type { Instruction, Run } from '../dockerfile/syntax';
import { argumentsText, execFormArguments, type DockerfileModel } from '../dockerfile/model';
import { shellSource } from '../dockerfile/shell-source';
import { parseShell } from '../shell';
import type { Fix, FixSafety, Position } from '../types';

function flagsText(run: Run): string {
  return run.getFlags().map((flag) => flag.toString()).sort().join(' ');
}

/** Shell-form RUNs with a command and without heredocs: the only ones a line continuation can join. */
function joinable(model: DockerfileModel, run: Instruction): boolean {
  const text = argumentsText(model, run);
  return run.getKeyword() === 'RUN' && text.trim() !== '' && (run as Run).getHeredocs().length === 0 && !execFormArguments(text);
}

/** Two RUNs that one RUN can replace: both joinable, with the same flags (mounts, network...). */
export function canMergeRuns(model: DockerfileModel, previous: Instruction, run: Instruction): boolean {
  return joinable(model, previous) && joinable(model, run) && flagsText(previous as Run) === flagsText(run as Run);
}

export interface ContinuationStyle {
  /** `\n    && b` rather than `a && \n    b`. */
  operatorLeads: boolean;
  indent: string;
}

/** How the file (or the lines `from`..`to` of it, when they continue lines at all) writes chained commands. */
export function continuationStyle(model: DockerfileModel, from = 0, to = model.lines.lineCount - 1): ContinuationStyle {
  const escape = model.escapeChar;
  let leads = 0;
  let trails = 0;
  let indent: string | undefined;
  for (let line = Math.max(from, 0) + 1; line <= to; line++) {
    const previous = model.lines.lineText(line - 1).trimEnd();
    if (!previous.endsWith(escape)) continue;
    const text = model.lines.lineText(line);
    const body = text.trimStart();
    if (body === '' || body.startsWith('#')) continue;
    indent ??= text.slice(0, text.length - body.length);
    if (body.startsWith('&&')) leads++;
    if (previous.slice(0, -1).trimEnd().endsWith('&&')) trails++;
  }
  const whole = from <= 0 && to >= model.lines.lineCount - 1;
  // Lines without a chained command say nothing about where the operator goes: ask the file.
  const fallback = !whole && leads + trails === 0 ? continuationStyle(model) : undefined;
  return { operatorLeads: fallback?.operatorLeads ?? leads >= trails, indent: indent || fallback?.indent || '    ' };
}

/** ` && ` spread over a line continuation after `at`, in the style of lines `from`..`to` or else of the file. */
export function continuedAnd(model: DockerfileModel, at: Position, from?: number, to?: number): string {
  const eol = model.lines.lineTerminator(at.line);
  const { operatorLeads, indent } = continuationStyle(model, from, to);
  const escape = model.escapeChar;
  return operatorLeads ? ` ${escape}${eol}${indent}&& ` : ` && ${escape}${eol}${indent}`;
}

/**
 * Joins `run` onto `previous` (which must come right before it, see canMergeRuns): the
 * second RUN keyword and its flags become `&&`. Undefined when the join would change meaning.
 */
export function mergeRunsFix(model: DockerfileModel, previous: Instruction, run: Instruction, title: string, safety: FixSafety): Fix | undefined {
  const previousEnd = previous.getRange().end;
  const body = run.getArgumentsRange();
  if (!body) return undefined;
  const previousText = argumentsText(model, previous).trimEnd();
  // A trailing operator or escape would change the meaning of what follows.
  if (/(&|;|\||\\|`)$/.test(previousText)) return undefined;
  const bodyStart = (run as Run).getFlags().length > 0 ? afterFlags(run as Run) : body.start;
  const between = model.lines.textOf({ start: previousEnd, end: bodyStart });
  // Comments between the two would end up inside the continuation: leave that to a person.
  if (/^\s*#/m.test(between.split(/\r?\n/).slice(1).join('\n'))) return undefined;
  const script = shellSource(model, previous)?.text ?? '';
  // A comment ending the first RUN would swallow the joined command.
  if (/(^|\s)#/.test(script.slice(script.lastIndexOf('\n') + 1))) return undefined;
  const effectiveSafety = changesShellState(script) ? 'unsafe' : safety;
  return { title, edits: [{ range: { start: previousEnd, end: bodyStart }, newText: continuedAnd(model, previousEnd) }], safety: effectiveSafety, isPreferred: true };
}

/** Builtins whose effect outlives their command: after a merge, the second RUN's commands would see it. */
const STATEFUL_BUILTINS = new Set(['cd', 'pushd', 'popd', 'export', 'set', 'unset', 'source', '.', 'umask', 'ulimit', 'shopt', 'alias', 'trap', 'declare', 'typeset', 'readonly']);

/** Whether the first RUN leaves the shell changed (directory, variables, options) for what follows it. */
function changesShellState(script: string): boolean {
  return parseShell(script).commands.some(
    (command) => command.nesting.length === 0 && (command.program ? STATEFUL_BUILTINS.has(command.program.name ?? '') : command.assignments.length > 0),
  );
}

function afterFlags(run: Run): Position {
  const flags = run.getFlags();
  const lastFlag = flags[flags.length - 1];
  const args = run.getArguments();
  const firstArgument = args.find((argument) => {
    const start = argument.getRange().start;
    const flagEnd = lastFlag.getRange().end;
    return start.line > flagEnd.line || (start.line === flagEnd.line && start.character >= flagEnd.character);
  });
  return firstArgument ? firstArgument.getRange().start : lastFlag.getRange().end;
}
