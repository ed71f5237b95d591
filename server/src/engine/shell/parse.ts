/**
 * Shell scripts (RUN bodies, entrypoint scripts) as a flat list of simple commands with
 * their place in the script. The parser is unbash (see docs/decisions/shell-parser.md);
 * none of its types leave this folder.
 */
import { forEachChild, parse, type AndOr, type Command, type CommandNode, type CompoundList, type ParsedScript, type PipelineNode, type Script, type Statement, type SyntaxNode } from 'unbash';
import type { FinalCommand, ParsedShell, ShellCommand, ShellConnector, ShellError, ShellNesting } from './types';
import { assignmentAsWord, programName, toAssignment, toRedirection, toWord, type Locator } from './words';

interface Scope extends Locator {
  /** The text parser positions index: the script, or the decoded text of escaped backticks. */
  source: string;
  nesting: ShellNesting[];
}

interface Links {
  before?: ShellConnector;
  after?: ShellConnector;
  pipeline?: { index: number; length: number };
  negated: boolean;
  background: boolean;
}

/** Never throws: whatever cannot be parsed is reported in `errors`. */
export function parseShell(script: string): ParsedShell {
  const walker = new Walker(SUBSTITUTION.test(script));
  let final: FinalCommand | undefined;
  try {
    const root = parse(script);
    walker.finalNode = finalNodeOf(root);
    walker.script(root, { script, source: script, nesting: [] });
    final = walker.final?.program ? { command: walker.final, exec: walker.final.program.name === 'exec' } : undefined;
  } catch (error) {
    walker.error(`shell parser failed: ${error instanceof Error ? error.message : String(error)}`, 0);
  }
  return { commands: walker.commands.sort((a, b) => a.start - b.start), errors: walker.errors, final };
}

/** What starts a command or process substitution, the only places a script nests inside a command's words. */
const SUBSTITUTION = /`|[$<>]\(/;

class Walker {
  readonly commands: ShellCommand[] = [];
  readonly errors: ShellError[] = [];
  /** The simple command that ends the script, when one does, and what it became. */
  finalNode?: Command;
  final?: ShellCommand;
  private readonly reported = new Set<string>();

  /** `substitutes`: the script has a substitution somewhere; without one, no word needs searching for nested scripts. */
  constructor(private readonly substitutes: boolean) {}

  error(message: string, offset: number): void {
    // A nested script's error is also reported by the script around it.
    const key = `${offset}:${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.errors.push({ message, offset });
  }

  script(node: ParsedScript, scope: Scope): void {
    for (const error of node.errors ?? []) this.error(error.message, scope.approximate?.start ?? error.pos);
    this.list(node.commands, scope);
  }

  private list(statements: readonly Statement[], scope: Scope): void {
    let before: ShellConnector | undefined;
    for (const statement of statements) {
      const background = statement.background ?? false;
      const after = background ? '&' : separatorAfter(scope.source, statement.end);
      this.element(statement.command, { before, after, negated: false, background }, scope);
      before = after;
    }
  }

  private element(node: PipelineNode | AndOr, links: Links, scope: Scope): void {
    if (node.type === 'AndOr' || node.type === 'Pipeline') {
      const last = node.commands.length - 1;
      const negated = links.negated || (node.type === 'Pipeline' && node.prefixes.some((prefix) => prefix.type === 'Negation'));
      node.commands.forEach((child, index) => {
        const before = index === 0 ? links.before : node.operators[index - 1];
        const after = index === last ? links.after : node.operators[index];
        const pipeline = node.type === 'Pipeline' && last > 0 ? { index, length: last + 1 } : links.pipeline;
        this.element(child, { before, after, pipeline, negated, background: links.background }, scope);
      });
    } else {
      this.command(node, links, scope);
    }
  }

  private command(node: CommandNode, links: Links, scope: Scope): void {
    const inside = (kind: ShellNesting) => within(scope, kind);
    switch (node.type) {
      case 'Command':
        return this.simple(node, links, scope);
      case 'Redirected':
        node.redirects.forEach((redirect) => this.expansions(redirect, scope));
        return this.command(node.command, links, scope);
      case 'Subshell':
        return this.list(node.body.commands, inside('subshell'));
      case 'BraceGroup':
        return this.list(node.body.commands, inside('group'));
      case 'If': {
        const branch = inside('if');
        for (const part of [node, ...node.elif]) {
          this.list(part.clause.commands, branch);
          this.list(part.then.commands, branch);
        }
        if (node.else) this.list(node.else.commands, branch);
        return;
      }
      case 'For':
      case 'Select':
        node.wordlist?.forEach((word) => this.expansions(word, scope));
        return this.list(node.body.commands, inside('loop'));
      case 'ArithmeticFor':
        [node.initialize, node.test, node.update].forEach((expression) => expression && this.expansions(expression, scope));
        return this.list(node.body.commands, inside('loop'));
      case 'While':
        this.list(node.clause.commands, inside('loop'));
        return this.list(node.body.commands, inside('loop'));
      case 'Case':
        this.expansions(node.word, scope);
        for (const item of node.items) {
          item.pattern.forEach((pattern) => this.expansions(pattern, scope));
          this.list(item.body.commands, inside('case'));
        }
        return;
      case 'Function':
      case 'Coproc':
        return this.body(node.body, inside(node.type === 'Function' ? 'function' : 'coproc'));
      case 'TestCommand':
      case 'ArithmeticCommand':
        return this.expansions(node, scope);
    }
  }

  /** A function's braces belong to the definition, so they add no `group`. */
  private body(body: CommandNode | CompoundList, scope: Scope): void {
    if (body.type === 'CompoundList') return this.list(body.commands, scope);
    if (body.type === 'BraceGroup') return this.list(body.body.commands, scope);
    this.command(body, { negated: false, background: false }, scope);
  }

  private simple(node: Command, links: Links, scope: Scope): void {
    const words = node.name ? [node.name, ...node.args].map((word) => (word.type === 'Word' ? toWord(word, scope) : assignmentAsWord(word, scope))) : [];
    const range = scope.approximate ?? { start: node.pos, end: node.end };
    const command: ShellCommand = {
      start: range.start,
      end: range.end,
      program: node.name && { word: words[0], name: programName(node.name) },
      words,
      assignments: node.prefix.flatMap((item) => (item.type === 'Assignment' ? [toAssignment(item, scope)] : [])),
      redirections: node.redirects.map((redirect) => toRedirection(redirect, scope)),
      before: links.before,
      after: links.after,
      pipeline: links.pipeline,
      negated: links.negated,
      background: links.background,
      nesting: scope.nesting,
    };
    if (scope.approximate) command.approximate = true;
    this.commands.push(command);
    if (node === this.finalNode) this.final = command;
    this.expansions(node, scope);
  }

  /** Commands inside the substitutions of a command's words, a redirection or a test. */
  private expansions(node: SyntaxNode, scope: Scope): void {
    if (!this.substitutes) return;
    forEachChild(node, (child) => {
      if (child.type !== 'Script') return this.expansions(child, scope);
      const decoded = child.source !== undefined;
      const approximate = scope.approximate ?? (decoded ? { start: node.pos, end: node.end } : undefined);
      this.script(child, within({ script: scope.script, source: child.source ?? scope.source, approximate, nesting: scope.nesting }, 'substitution'));
    });
  }
}

function within(scope: Scope, kind: ShellNesting): Scope {
  return { script: scope.script, source: scope.source, approximate: scope.approximate, nesting: [...scope.nesting, kind] };
}

const SEPARATOR = /(?:[ \t]|\\\r?\n)*(;;|;&|;|&|\r?\n|#[^\n]*\n)?/y;

/** What is written after a statement; `;;` and `;&` end a case item and join nothing. */
function separatorAfter(source: string, index: number): ShellConnector | undefined {
  SEPARATOR.lastIndex = index;
  const separator = SEPARATOR.exec(source)?.[1];
  if (separator === ';' || separator === '&') return separator;
  return separator && !separator.startsWith(';') ? 'newline' : undefined;
}

/** The simple command the script ends with, unless it runs in the background or in a pipeline. */
function finalNodeOf(root: Script): Command | undefined {
  const last = root.commands[root.commands.length - 1];
  if (!last || last.background) return undefined;
  let node = last.command;
  if (node.type === 'AndOr') node = node.commands[node.commands.length - 1];
  if (node.type === 'Pipeline') {
    if (node.commands.length !== 1 || node.prefixes.length > 0) return undefined;
    node = node.commands[0];
  }
  if (node.type !== 'Command') return undefined;
  // A call to a function the script defines runs in the shell itself: no program to exec.
  const name = node.name?.text;
  return root.commands.some(({ command }) => command.type === 'Function' && command.name.text === name) ? undefined : node;
}
