/**
 * Conversion of a shell-form command line to exec form. Words without shell syntax become a
 * plain JSON array; a command that needs the shell (variables, chains, redirections) is
 * wrapped in the stage's shell with `exec` in front of its last command, so the app still
 * becomes PID 1. Anything else (pipes, `||`, background jobs, compound commands) gets no
 * conversion: a wrapper that keeps the shell as PID 1 would not fix anything.
 */
export type ExecFormConversion =
  | { kind: 'words'; words: string[] }
  | { kind: 'shell'; script: string };

interface Scan {
  words: string[];
  needsShell: boolean;
  /** Offsets in the command where a top-level `&&` or `;` list member starts. */
  listStarts: number[];
  /** Pipes, `||`, `&`, subshells, braces or keywords: no safe place for `exec`. */
  complex: boolean;
}

const COMPOUND_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', '{', '}', '!']);

function scan(command: string): Scan {
  const words: string[] = [];
  const listStarts = [0];
  let needsShell = false;
  let complex = false;
  let word: string | undefined;
  let wordStartsCommand = true;
  const endWord = () => {
    if (word === undefined) return;
    if (wordStartsCommand && (COMPOUND_KEYWORDS.has(word) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(word))) {
      needsShell = true;
      if (COMPOUND_KEYWORDS.has(word)) complex = true;
    }
    wordStartsCommand = false;
    words.push(word);
    word = undefined;
  };
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === ' ' || c === '\t' || c === '\n') {
      endWord();
      continue;
    }
    if (c === "'") {
      const close = command.indexOf("'", i + 1);
      if (close < 0) return { words, needsShell: true, listStarts, complex: true };
      word = (word ?? '') + command.slice(i + 1, close);
      i = close;
      continue;
    }
    if (c === '"') {
      let value = '';
      let j = i + 1;
      for (; j < command.length && command[j] !== '"'; j++) {
        if (command[j] === '$' || command[j] === '`') needsShell = true;
        if (command[j] === '\\' && '"\\$`\n'.includes(command[j + 1] ?? '')) j++;
        value += command[j];
      }
      if (j >= command.length) return { words, needsShell: true, listStarts, complex: true };
      word = (word ?? '') + value;
      i = j;
      continue;
    }
    if (c === '\\') {
      word = (word ?? '') + (command[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '&' && command[i + 1] === '&') {
      endWord();
      needsShell = true;
      wordStartsCommand = true;
      listStarts.push(i + 2);
      i++;
      continue;
    }
    if (c === ';') {
      endWord();
      needsShell = true;
      wordStartsCommand = true;
      listStarts.push(i + 1);
      continue;
    }
    if ('|&()`'.includes(c)) {
      needsShell = true;
      complex = true;
    } else if ('$<>*?[~#'.includes(c) && (c !== '#' || word === undefined) && (c !== '~' || word === undefined)) {
      needsShell = true;
    }
    word = (word ?? '') + c;
  }
  endWord();
  return { words, needsShell, listStarts, complex };
}

export function convertToExecForm(command: string): ExecFormConversion | undefined {
  const trimmed = command.trim();
  if (trimmed === '') return undefined;
  const result = scan(trimmed);
  if (!result.needsShell) return { kind: 'words', words: result.words };
  if (result.complex) return undefined;
  const lastStart = result.listStarts[result.listStarts.length - 1];
  const last = trimmed.slice(lastStart).trim();
  if (last === '') return undefined;
  if (/^exec(\s|$)/.test(last)) return { kind: 'shell', script: trimmed };
  const lastOffset = trimmed.indexOf(last, lastStart);
  return { kind: 'shell', script: `${trimmed.slice(0, lastOffset)}exec ${last}` };
}

/** A JSON array as Dockerfiles conventionally write it: `["a", "b"]`. */
export function formatJsonArray(items: readonly string[]): string {
  return `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
}
