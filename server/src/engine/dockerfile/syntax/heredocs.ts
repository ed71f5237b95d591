import type { Range } from '../../types';
import type { Argument } from './nodes';
import { CR, HASH, LF, SPACE, TAB, type Source } from './source';

/** A here-document of RUN, COPY or ADD: `<<EOF` on the instruction's line, its body, its delimiter line. */
export class Heredoc {
  constructor(
    private readonly startRange: Range,
    private readonly name: string,
    private readonly nameRange: Range,
    private readonly contentRange: Range | null,
    private readonly delimiterRange: Range | null,
  ) {}

  getName(): string {
    return this.name;
  }

  getStartRange(): Range {
    return this.startRange;
  }

  getNameRange(): Range {
    return this.nameRange;
  }

  /** Null when the here-document has no body (or no line after its start). */
  getContentRange(): Range | null {
    return this.contentRange;
  }

  /** Null when no line closes the here-document. */
  getDelimiterRange(): Range | null {
    return this.delimiterRange;
  }
}

/** The delimiter a `<<NAME` word opens (`<<-NAME`, `<<"NAME"`, `<<'NAME'`), or null when it opens none. */
export function heredocName(word: string): string | null {
  let value = word.substring(2);
  if (value.charAt(0) === '-') value = value.substring(1);
  if (value.charAt(0) === '"') {
    if (value.charAt(value.length - 1) !== '"') return null;
    value = value.substring(1, value.length - 1);
  }
  if (value.charAt(0) === "'") {
    if (value.charAt(value.length - 1) !== "'") return null;
    value = value.substring(1, value.length - 1);
  }
  return value.charAt(0) === '<' ? null : value;
}

/** What an instruction's heredoc reading needs to know of it. */
export interface HeredocHost {
  source: Source;
  escape: number;
  /** Settled end offset of the instruction. */
  end: number;
  range: Range;
}

/**
 * The here-documents of an instruction whose arguments are `words`, read as dockerfile-ast
 * reads them: the `<<` words before the first newline that no escape continues, then each
 * line equal to the next delimiter closes one.
 */
export function readHeredocs(host: HeredocHost, words: readonly Argument[]): Heredoc[] {
  // Without a `<<` word there is nothing to open (dockerfile-ast then answers none, or throws
  // on a line break no escape continues): most RUNs and COPYs skip the scan.
  if (!words.some((word) => word.getValue().startsWith('<<'))) return [];
  if (host.range.start.line === host.range.end.line) return unfinishedHeredocs(host, words);
  const { source, escape } = host;
  const text = source.text;
  const base = words[0].start;
  const length = host.end - base;
  const at = (k: number) => (k < length ? text.charCodeAt(base + k) : -1);
  const heredocs: Heredoc[] = [];
  const openers: Argument[] = [];
  let openersRead = false;
  let escaping = false;
  let contentStart = -1;
  let contentEnd = -1;
  let lineStart = -1;
  let current = 0;
  scan: for (let i = 0; i < length; i++) {
    const char = at(i);
    if (char === escape) {
      escaping = true;
      for (let j = i + 1; j < length; j++) {
        const next = at(j);
        if (next === SPACE || next === TAB) continue;
        i = next === CR ? j + 1 : j;
        continue scan;
      }
      continue;
    }
    if (char === CR) continue;
    if (char === LF) {
      if (escaping) continue;
      if (openersRead) {
        if (contentStart === -1) contentStart = i;
        contentEnd = i;
        const opener = openers[current];
        if (opener === undefined) return heredocs;
        const delimiter = delimiterRange(host, opener, base + lineStart, base + i);
        if (delimiter !== null) {
          heredocs.push(heredoc(host, opener, source.range(base + contentStart, base + lineStart - 1), delimiter));
          contentStart = -1;
          current++;
        }
        lineStart = -1;
      } else {
        const limit = base + i;
        for (const word of words) {
          if (word.start >= limit) break;
          if (word.getValue().startsWith('<<')) openers.push(word);
        }
        openersRead = true;
        lineStart = -1;
      }
      continue;
    }
    if (escaping && (char === SPACE || char === TAB)) continue;
    if (escaping && char === HASH) {
      for (let j = i + 1; j < length; j++) {
        if (at(j) === LF) {
          i = j;
          continue scan;
        }
      }
    }
    escaping = false;
    if (openersRead) {
      if (contentStart === -1) contentStart = i;
      if (lineStart === -1) lineStart = i;
    }
  }
  if (!openersRead) return unfinishedHeredocs(host, words);
  const last = openers[current];
  if (last === undefined) return heredocs;
  const delimiter = delimiterRange(host, last, base + lineStart, host.end);
  let content: Range | null = null;
  if (delimiter === null) content = { start: source.positionAt(base + contentStart), end: host.range.end };
  else if (contentEnd !== -1) content = source.range(base + contentStart, base + contentEnd);
  heredocs.push(heredoc(host, last, content, delimiter));
  for (current++; current < openers.length; current++) heredocs.push(heredoc(host, openers[current], null, null));
  return heredocs;
}

/** On a one-line instruction, every `<<NAME` word opens a here-document with no body. */
function unfinishedHeredocs(host: HeredocHost, words: readonly Argument[]): Heredoc[] {
  const heredocs: Heredoc[] = [];
  for (const word of words) {
    const value = word.getValue();
    if (value.startsWith('<<') && heredocName(value) !== null) heredocs.push(heredoc(host, word, null, null));
  }
  return heredocs;
}

function heredoc(host: HeredocHost, opener: Argument, content: Range | null, delimiter: Range | null): Heredoc {
  const [nameStart, nameEnd] = nameSpan(host, opener);
  return new Heredoc(opener.getRange(), spelledName(host, nameStart, nameEnd), host.source.range(nameStart, nameEnd), content, delimiter);
}

/** Offsets of the delimiter's name in the `<<NAME` word (quotes kept when quoted). */
function nameSpan(host: HeredocHost, opener: Argument): [number, number] {
  const { source, escape } = host;
  const content = source.text.substring(opener.start, opener.end);
  let lessThanSeen = false;
  let hyphenAllowed = false;
  let start = -1;
  let end = -1;
  let escaping = false;
  let quote = -1;
  scan: for (let i = 0; i < content.length; i++) {
    const char = content.charCodeAt(i);
    if (char === 34 || char === 39) {
      if (quote === char) break;
      quote = char;
      continue;
    }
    if (char === escape) {
      if (content.indexOf('\n', i + 1) !== -1) escaping = true;
      continue;
    }
    if (char === SPACE || char === TAB || char === CR || char === LF) continue;
    if (char === 60 /* < */) {
      if (lessThanSeen) hyphenAllowed = true;
      else lessThanSeen = true;
      continue;
    }
    if (char === 45 /* - */ && hyphenAllowed) {
      hyphenAllowed = false;
      continue;
    }
    if (escaping && (char === 45 || char === HASH)) {
      const newline = content.indexOf('\n', i + 1);
      if (newline !== -1) {
        i = newline;
        continue scan;
      }
    }
    if (start === -1) start = i;
    if (quote === -1) break;
    end = i + 1;
  }
  if (start === -1) return [opener.end, opener.end];
  return [source.settle(opener.start + start), quote !== -1 ? source.settle(opener.start + end) : opener.end];
}

/** The delimiter's name as the closing line must spell it: escaped line breaks and continuation comments left out. */
function spelledName(host: HeredocHost, start: number, end: number): string {
  const { source, escape } = host;
  const content = source.text.substring(start, end);
  let escaping = false;
  let name = '';
  scan: for (let i = 0; i < content.length; i++) {
    const char = content.charCodeAt(i);
    if (char === escape) {
      escaping = true;
      for (let j = i + 1; j < content.length; j++) {
        const next = content.charCodeAt(j);
        if (next === SPACE || next === TAB) continue;
        if (next === CR) i = j + 1;
        else if (next === LF) i = j;
        else {
          name += content.charAt(j);
          i = j;
        }
        continue scan;
      }
      continue;
    }
    if (char === HASH && escaping) {
      const newline = content.indexOf('\n', i + 1);
      if (newline !== -1) {
        i = newline;
        continue;
      }
    }
    if (escaping && (char === HASH || char === SPACE || char === TAB || char === CR || char === LF)) continue;
    name += content.charAt(i);
  }
  return name;
}

/** The range of the line between `start` and `end` when it closes the here-document `opener` opens. */
function delimiterRange(host: HeredocHost, opener: Argument, start: number, end: number): Range | null {
  const { source } = host;
  const line = source.slice(start, end);
  if (opener.getValue().startsWith('<<-')) {
    let tabs = 0;
    while (line.charCodeAt(tabs) === TAB) tabs++;
    if (line.substring(tabs) !== name(opener, host)) return null;
    return { start: { line: source.positionAt(start).line, character: tabs }, end: source.positionAt(end) };
  }
  return line === name(opener, host) ? source.range(start, end) : null;
}

function name(opener: Argument, host: HeredocHost): string {
  const [start, end] = nameSpan(host, opener);
  return spelledName(host, start, end);
}
