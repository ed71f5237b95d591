/**
 * Text edits on YAML as written: a value replaced, a key removed with its line, keys added in
 * the style around them (block or flow, the file's indentation, its line endings). The rest of
 * the file, comments and quoting included, is never re-serialised.
 */
import { Scalar, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { LineIndex } from '../text/document';
import type { TextEdit } from '../types';
import { isMap, isMergeKey, isPair, isScalar, isSeq, type YamlView } from './yaml-view';

/** A value to write: raw scalar text, a list, or keys in order. */
export type YamlValue = string | readonly YamlValue[] | { readonly [key: string]: YamlValue };

/** Keys to write, in order. */
export type Entries = { readonly [key: string]: YamlValue };

export interface Style {
  unit: string;
  sequence: string;
}

/**
 * The style of each file, by its line index: rules make an editor per fix, and reading the
 * style of a 50,000-line bundle for each of its thousands of fixes made the analysis quadratic.
 */
const styles = new WeakMap<YamlView['lines'], Style>();

export class YamlEditor {
  constructor(readonly view: YamlView) {}

  private get text(): string {
    return this.view.lines.text;
  }

  /** Replaces a pair's value (which must be written, not empty). */
  setValue(pair: Pair, text: string): TextEdit | undefined {
    const value = pair.value as Node | null;
    if (!value?.range || !this.owns(pair)) return undefined;
    return this.edit(value.range[0], value.range[1], text);
  }

  /**
   * Removes a key with its value. A map left empty goes too when its own pair is given, so
   * `securityContext: {privileged: true}` disappears rather than becoming `securityContext: {}`.
   */
  remove(map: YAMLMap, pair: Pair, parent?: { map: YAMLMap; pair: Pair }): TextEdit | undefined {
    if (!map.items.includes(pair) || this.view.isShared(map)) return undefined;
    if (map.items.length === 1 && parent && !map.flow) return this.remove(parent.map, parent.pair) ?? this.removeOnly(map, pair);
    return this.removeOnly(map, pair);
  }

  /** Removes an item of a sequence; the last one takes the sequence's own pair with it when given. */
  removeItem(seq: YAMLSeq, item: unknown, parent?: { map: YAMLMap; pair: Pair }): TextEdit | undefined {
    if (!seq.items.includes(item) || this.view.isShared(seq)) return undefined;
    if (seq.items.length === 1 && parent) return this.remove(parent.map, parent.pair);
    return this.removeOnly(seq, item);
  }

  private removeOnly(collection: YAMLMap | YAMLSeq, entry: unknown): TextEdit | undefined {
    const items: unknown[] = collection.items;
    const index = items.indexOf(entry);
    const start = entryStart(entry);
    const end = contentEnd(entry);
    if (collection.flow) {
      const next = items[index + 1];
      if (next) return this.edit(start, entryStart(next), '');
      const previous = items[index - 1];
      return this.edit(previous ? contentEnd(previous) : start, end, '');
    }
    const lines = this.view.lines;
    const startLine = lines.positionAt(start).line;
    const lineStart = lines.offsetAt({ line: startLine, character: 0 });
    const before = this.text.slice(lineStart, start);
    if (isSeq(collection) ? /^\s*-\s*$/.test(before) : before.trim() === '') {
      // The entry starts its line: the lines it spans go, with a comment at the end of the last.
      const endLine = lines.positionAt(this.lastCharacter(end)).line;
      return this.edit(lineStart, endLine + 1 < lines.lineCount ? lines.offsetAt({ line: endLine + 1, character: 0 }) : this.text.length, '');
    }
    // The first key of a `- ` item: the item keeps its dash and starts at the next key.
    const next = items[index + 1];
    return isMap(collection) && next ? this.edit(start, entryStart(next), '') : undefined;
  }

  /** Adds `key: value` at the end of a map, in its style. */
  add(map: YAMLMap, key: string, value: YamlValue): TextEdit | undefined {
    return this.addEntries(map, { [key]: value });
  }

  /** Adds keys in order at the end of a map, in its style, as one edit. */
  addEntries(map: YAMLMap, entries: Entries): TextEdit | undefined {
    if (!map.range || this.view.isShared(map)) return undefined;
    if (map.flow) {
      const close = map.range[1] - 1;
      const last = map.items[map.items.length - 1];
      const pairs = Object.entries(entries).map(([key, value]) => `${key}: ${flow(value)}`).join(', ');
      return last ? this.insert(contentEnd(last), `, ${pairs}`) : this.insert(close, pairs);
    }
    const first = map.items[0];
    if (!first) return undefined;
    const column = this.view.lines.positionAt(entryStart(first)).character;
    return this.appendLines(contentEnd(map.items[map.items.length - 1]), Object.entries(entries).flatMap(([key, value]) => this.block(key, value, column)));
  }

  /**
   * Sets `key: value` inside the map under `path` (e.g. `securityContext`), creating the maps on
   * the way that do not exist yet.
   */
  addUnder(map: YAMLMap, path: readonly string[], key: string, value: YamlValue): TextEdit | undefined {
    return this.addEntriesUnder(map, path, { [key]: value });
  }

  /** Sets several keys inside the map under `path` as one edit, creating the maps on the way. */
  addEntriesUnder(map: YAMLMap, path: readonly string[], entries: Entries): TextEdit | undefined {
    if (path.length === 0) return this.addEntries(map, entries);
    const pair = this.view.pair(map, path[0]);
    if (!pair) return this.add(map, path[0], nest(path.slice(1), entries));
    if (!this.owns(pair) || !map.items.includes(pair)) return undefined;
    const child = pair.value;
    if (isMap(child)) return child.items.length > 0 || child.flow ? this.addEntriesUnder(child, path.slice(1), entries) : undefined;
    // `securityContext:` with nothing under it: the keys go on the lines below.
    if (child === null || (isScalar(child) && child.value === null && child.source === '')) {
      const column = this.view.lines.positionAt(entryStart(pair)).character + this.styleOf().unit.length;
      const inner = nest(path.slice(1), entries) as Entries;
      return this.appendLines((pair.key as Node).range![1], Object.entries(inner).flatMap(([name, entry]) => this.block(name, entry, column)));
    }
    return undefined;
  }

  /** Appends an item to a sequence, in its style. */
  appendItem(seq: YAMLSeq, item: YamlValue): TextEdit | undefined {
    return this.appendItems(seq, [item]);
  }

  /** Appends items to a sequence, in its style, as one edit. */
  appendItems(seq: YAMLSeq, items: readonly YamlValue[]): TextEdit | undefined {
    if (!seq.range || items.length === 0 || this.view.isShared(seq)) return undefined;
    if (seq.flow) {
      const last = seq.items[seq.items.length - 1] as Node | undefined;
      const written = items.map(flow).join(', ');
      return last?.range ? this.insert(last.range[1], `, ${written}`) : this.insert(seq.range[1] - 1, written);
    }
    const last = seq.items[seq.items.length - 1] as Node | undefined;
    if (!last?.range) return undefined;
    const dash = this.text.lastIndexOf('-', last.range[0]);
    const column = this.view.lines.positionAt(dash).character;
    return this.appendLines(contentEnd(last), items.flatMap((item) => (typeof item === 'object' && !isList(item) ? this.item(item, column) : [`${' '.repeat(column)}- ${flow(item)}`])));
  }

  /** `- key: value` lines of a block sequence item whose dash sits at `column`. */
  private item(item: { readonly [key: string]: YamlValue }, column: number): string[] {
    const lines = Object.entries(item).flatMap(([key, value]) => this.block(key, value, column + 2));
    if (lines.length > 0) lines[0] = `${' '.repeat(column)}- ${lines[0].trimStart()}`;
    return lines;
  }

  /** A pair written in block style with its key at `column`. */
  private block(key: string, value: YamlValue, column: number): string[] {
    const indent = ' '.repeat(column);
    if (typeof value === 'string') return [`${indent}${key}: ${value}`];
    if (isList(value)) {
      if (value.every((entry) => typeof entry === 'string')) return [`${indent}${key}: ${flow(value)}`];
      const dashColumn = column + this.styleOf().sequence.length;
      return [`${indent}${key}:`, ...value.flatMap((entry) => (typeof entry === 'object' && !isList(entry) ? this.item(entry, dashColumn) : [`${' '.repeat(dashColumn)}- ${flow(entry)}`]))];
    }
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${indent}${key}: {}`];
    return [`${indent}${key}:`, ...entries.flatMap(([child, childValue]) => this.block(child, childValue, column + this.styleOf().unit.length))];
  }

  /** Inserts whole lines after the line where `end` falls (after a block scalar's last line). */
  private appendLines(end: number, lines: string[]): TextEdit {
    const atLineStart = end > 0 && this.text[end - 1] === '\n';
    const eol = this.eol(end);
    if (atLineStart) return this.insert(end, lines.map((line) => line + eol).join(''));
    const line = this.view.lines.positionAt(end).line;
    return this.insert(this.view.lines.lineEnd(line), lines.map((text) => eol + text).join(''));
  }

  private lastCharacter(end: number): number {
    return end > 0 && this.text[end - 1] === '\n' ? end - 1 : end;
  }

  private eol(offset: number): string {
    return this.view.lines.lineTerminator(this.view.lines.positionAt(offset).line);
  }

  /** Shared (anchored) or merged-in nodes are not edited: the change would reach other places. */
  private owns(pair: Pair): boolean {
    const value = pair.value as Node | null;
    return !isMergeKey(pair.key) && !this.view.isShared(value?.range ? value : (pair.key as Node));
  }

  private styleOf(): Style {
    return indentationStyle(this.view.lines);
  }

  private insert(offset: number, text: string): TextEdit {
    return this.edit(offset, offset, text);
  }

  private edit(start: number, end: number, newText: string): TextEdit {
    return { range: this.view.offsets(start, end), newText };
  }
}

/**
 * The file's indentation step and how far its block sequences sit under their key, read from
 * the first lines that show them: every edit of the file is written in it.
 */
export function indentationStyle(lineIndex: LineIndex): Style {
  let style = styles.get(lineIndex);
  if (!style) {
    let unit: number | undefined;
    let sequence: number | undefined;
    // Line by line: the first lines of a file usually tell, and a bundle is analysed on every keystroke.
    for (let i = 0; i + 1 < lineIndex.lineCount && (unit === undefined || sequence === undefined); i++) {
      const match = /^( *)[^\s#-][^:#]*:\s*(#.*)?$/.exec(lineIndex.lineText(i));
      if (!match) continue;
      const next = /^( *)(- )?/.exec(lineIndex.lineText(i + 1))!;
      const step = next[1].length - match[1].length;
      if (next[2] && sequence === undefined && step >= 0) sequence = step;
      else if (!next[2] && unit === undefined && step > 0) unit = step;
    }
    style = { unit: ' '.repeat(unit ?? 2), sequence: ' '.repeat(sequence ?? 0) };
    styles.set(lineIndex, style);
  }
  return style;
}

/**
 * One fix's edits with insertions at the same place ordered deepest first: keys added inside a
 * map or list that ends where its parent ends go before the keys added to the parent, which is
 * the order the text needs (edits at one place apply in the order given).
 */
export function nestedFirst(edits: readonly TextEdit[]): TextEdit[] {
  // A list item written at its key's column (`- name: tmp` under `volumeMounts:`) is still inside it.
  const indent = (edit: TextEdit) => {
    const [, spaces, dash] = /^(?:\r?\n)*( *)(- )?/.exec(edit.newText)!;
    return spaces.length + (dash ? 1 : 0);
  };
  // Only the order at one place matters: sorting by place first keeps the comparison consistent.
  return [...edits].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      indent(b) - indent(a),
  );
}

function isList(value: YamlValue): value is readonly YamlValue[] {
  return Array.isArray(value);
}

function nest(path: readonly string[], entries: Entries): YamlValue {
  return path.reduceRight<YamlValue>((inner, name) => ({ [name]: inner }), entries);
}

/** A value in flow style: `{a: 1, b: [x]}`. */
export function flow(value: YamlValue): string {
  if (typeof value === 'string') return value;
  if (isList(value)) return `[${value.map(flow).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, child]) => `${key}: ${flow(child)}`)
    .join(', ')}}`;
}

/** Where a map entry (its key) or a sequence item starts. */
function entryStart(entry: unknown): number {
  const node = (isPair(entry) ? entry.key : entry) as Node;
  return node.range![0];
}

/** Where a node's own text ends: the end of its last value, never trailing comments or blank lines. */
export function contentEnd(node: unknown): number {
  if (isPair(node)) return node.value && (node.value as Node).range ? contentEnd(node.value) : (node.key as Node).range![1];
  if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) return contentEnd(node.items[node.items.length - 1]);
  if (isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED)) return node.range![1];
  return (node as Node).range![1];
}
