/**
 * The shell model rules query. Offsets are UTF-16 indexes into the script string that was
 * parsed, so callers map them back to the document (see dockerfile/shell-source.ts).
 */

export interface ShellWord {
  /** Always `script.slice(start, end)`. */
  raw: string;
  start: number;
  end: number;
  /**
   * The word after quote removal, when it is known without running anything. Globs,
   * braces and `~` are kept as written (`/var/lib/apt/lists/*`).
   */
  value?: string;
  /** A parameter, command, arithmetic or process substitution makes the value dynamic. */
  hasExpansion: boolean;
  /** With an expansion: the text before the first one, quotes removed (`ghcr.io/acme/cart:` in `"ghcr.io/acme/cart:$TAG"`). */
  literalPrefix?: string;
}

export interface ShellAssignment {
  name: string;
  /** Undefined for an array value `a=(x y)`. */
  value?: ShellWord;
  raw: string;
  start: number;
  end: number;
}

export interface HereDocument {
  /** The delimiter with quotes removed. */
  delimiter: string;
  /** A quoted delimiter (`<<'EOF'`) leaves the body unexpanded. */
  quoted: boolean;
  /** `<<-` strips leading tabs from the body and the closing line. */
  stripTabs: boolean;
  /** The body as written, `script.slice(bodyStart, bodyEnd)`. */
  body: string;
  bodyStart: number;
  bodyEnd: number;
}

export interface ShellRedirection {
  /** As written: `>`, `>>`, `<`, `>&`, `<&`, `&>`, `&>>`, `>|`, `<>`, `<<`, `<<-`, `<<<`. */
  operator: string;
  /** The descriptor written before the operator: 2 in `2>&1`. */
  fd?: number;
  /** The file, descriptor or string the operator applies to; absent for heredocs. */
  target?: ShellWord;
  heredoc?: HereDocument;
  start: number;
  end: number;
}

/** What joins a command to its neighbour in the same list; `newline` also covers comments. */
export type ShellConnector = '&&' | '||' | ';' | '|' | '|&' | '&' | 'newline';

/** Constructs a command sits inside, outermost first. */
export type ShellNesting = 'subshell' | 'group' | 'if' | 'loop' | 'case' | 'function' | 'substitution' | 'coproc';

export interface ShellProgram {
  word: ShellWord;
  /** Basename of the program as written (`/usr/bin/apt-get` → `apt-get`); undefined when it comes from an expansion. */
  name?: string;
}

export interface ShellCommand {
  start: number;
  end: number;
  /** Absent for a command of only assignments or redirections (`A=b`, `> file`). */
  program?: ShellProgram;
  /** Program first, then the arguments; assignments and redirections are not words. */
  words: ShellWord[];
  assignments: ShellAssignment[];
  redirections: ShellRedirection[];
  /** The operator between the previous element of the same list and this command. */
  before?: ShellConnector;
  /** The operator written after this command in its list, if any. */
  after?: ShellConnector;
  /** Position in a pipeline of two or more commands. */
  pipeline?: { index: number; length: number };
  /** Inside a `!` pipeline. */
  negated: boolean;
  /** Its and-or list ends with `&`. */
  background: boolean;
  nesting: ShellNesting[];
  /**
   * Inside a backtick substitution nested in another one with escaped backticks: the shell
   * decodes that text before parsing it, so every offset here is that of the enclosing
   * substitution. Edits must not target such a command.
   */
  approximate?: true;
}

export interface ShellError {
  message: string;
  offset: number;
}

/** The command that runs last as the script's own process. */
export interface FinalCommand {
  command: ShellCommand;
  /** The command is already `exec …`. */
  exec: boolean;
}

export interface ParsedShell {
  /** Every simple command, in order of where it starts (a substitution after the command holding it). */
  commands: ShellCommand[];
  /** Syntax errors; the commands still hold what could be recovered. */
  errors: ShellError[];
  /**
   * The last top-level command when the script ends with a simple command: `b` in `a && b`;
   * none when it ends in a pipeline, `!`, `&`, a compound command or a function definition.
   */
  final?: FinalCommand;
}
