/**
 * Text a RUN writes into configuration files, for rules that look for settings such as
 * `gpgcheck=0`: echo/printf output sent to a file or a pipe (`| tee`), heredocs and here-strings
 * given to cat/tee, what a sed script puts in (its `s` replacements and `a`/`i`/`c` lines, not
 * what it matches), and the lines add-apt-repository adds.
 */
import type { Range } from '../../../types';
import { literal, spanRange, type RunCommand, type WordText } from './run-commands';

export interface WrittenText {
  text: string;
  /** Document range of a span of `text`. */
  rangeOf(start: number, end: number): Range;
}

const TO_FILE = new Set(['>', '>>', '>|', '&>', '&>>']);

/** Every match of `pattern` (which must be global) in what the command writes, with its document range. */
export function findWritten(run: RunCommand, pattern: RegExp): { text: string; range: Range }[] {
  return writtenTexts(run).flatMap((written) =>
    [...written.text.matchAll(pattern)].map((match) => ({ text: match[0], range: written.rangeOf(match.index, match.index + match[0].length) })),
  );
}

function writtenTexts(run: RunCommand): WrittenText[] {
  const { command, description } = run;
  if (!description) return [];
  const fromWords = (texts: (WordText | undefined)[]) => texts.flatMap((text) => (text ? [written(run, text)] : []));
  switch (description.tool) {
    case 'echo':
    case 'printf': {
      const redirected = command.redirections.some((redirection) => TO_FILE.has(redirection.operator) && (redirection.fd ?? 1) === 1);
      if (!redirected && command.after !== '|' && command.after !== '|&') return [];
      // `\n` and `\t` become two blanks, so offsets still match the word.
      return fromWords(description.operands.map(literal)).map((text) => ({ ...text, text: text.text.replace(/\\[nt]/g, ' \n') }));
    }
    case 'cat':
    case 'tee':
      return command.redirections.flatMap((redirection) => {
        const { heredoc, target } = redirection;
        if (heredoc) return [{ text: heredoc.body, rangeOf: (start: number, end: number) => run.script.rangeOf(heredoc.bodyStart + start, heredoc.bodyStart + end) }];
        return redirection.operator === '<<<' && target ? fromWords([literal(target)]) : [];
      });
    case 'sed':
      return sedExpressions(run).flatMap((expression) => {
        const whole = written(run, expression);
        return sedInsertions(expression.text).map(([start, end]) => ({ text: expression.text.slice(start, end), rangeOf: (from: number, to: number) => whole.rangeOf(start + from, start + to) }));
      });
    case 'add-apt-repository':
      return fromWords(description.operands.map(literal));
    default:
      return [];
  }
}

function written(run: RunCommand, text: WordText): WrittenText {
  return { text: text.text, rangeOf: spanRange(run.script, text, run.command) };
}

/** `sed -e x -e y`, or the first operand when no `-e`/`-f` gives the script. */
function sedExpressions({ description }: RunCommand): WordText[] {
  if (!description) return [];
  const options = description.allFlags.filter((flag) => flag.name === '-e');
  if (options.length === 0) return description.flags.has('-f') ? [] : description.operands.slice(0, 1).flatMap((word) => literal(word) ?? []);
  return options.flatMap((flag) => {
    const text = flag.valueWord && literal(flag.valueWord);
    if (!text || flag.value === undefined) return [];
    if (flag.valueWord !== flag.word) return [text];
    // `-es/a/b/` and `--expression=…` hold the script after the option's own letters.
    const by = text.text.length - flag.value.length;
    return [{ text: flag.value, start: text.start === undefined ? undefined : text.start + by, word: text.word }];
  });
}

/** Spans of a sed script that end up in the output: `s` replacements and `a`/`i`/`c` text. */
function sedInsertions(script: string): [number, number][] {
  const spans: [number, number][] = [];
  const until = (delimiter: string, from: number): number => {
    let at = from;
    while (at < script.length && script[at] !== delimiter && script[at] !== '\n') at += script[at] === '\\' ? 2 : 1;
    return Math.min(at, script.length);
  };
  let at = 0;
  while (at < script.length) {
    const char = script[at];
    if (char === '/') {
      // A regex address: its text is matched, not written.
      at = until('/', at + 1) + 1;
    } else if (char === '\\' && at + 1 < script.length) {
      at = until(script[at + 1], at + 2) + 1;
    } else if (char === 's' || char === 'y') {
      const delimiter = script[at + 1] ?? '';
      const middle = until(delimiter, at + 2);
      const end = until(delimiter, middle + 1);
      if (char === 's') spans.push([middle + 1, end]);
      at = until(';', end + 1) + 1;
    } else if (char === 'a' || char === 'i' || char === 'c') {
      // GNU one-liners `a text` and `a\` followed by the text.
      const start = /^[a-z]\\?\s*/.exec(script.slice(at))?.[0].length ?? 1;
      const end = script.indexOf('\n', at + start);
      spans.push([at + start, end < 0 ? script.length : end]);
      at = end < 0 ? script.length : end + 1;
    } else {
      at++;
    }
  }
  return spans.filter(([start, end]) => end > start);
}
