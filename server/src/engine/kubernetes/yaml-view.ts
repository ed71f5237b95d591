/**
 * Reading a parsed YAML document the way Kubernetes decodes it: aliases followed, `<<` merge
 * keys honoured, and every node's place in the text as an LSP range.
 */
import * as yaml from 'yaml';
import type { Alias, Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { LineIndex } from '../text/document';
import type { Range } from '../types';

/**
 * yaml's node checks, read from the package once: bundled (the server, the CLI), every use of an
 * imported name goes through a getter, which took a sixth of the rules' time on a large bundle.
 * The YAML edits use them too.
 */
export const { isAlias, isMap, isPair, isScalar, isSeq } = yaml;
const { visit } = yaml;

/** Merge keys may chain (`<<: *a` where `a` merges `b`); deeper chains are not followed. */
const MAX_MERGE_DEPTH = 8;

export class YamlView {
  /** Anchored nodes and aliases in document order, collected once (yaml's own lookup walks the document per alias). */
  private anchorsAndAliases?: Node[];

  /** The anchored nodes alone, which fixes stay out of; collected on the first fix. */
  private anchored?: Node[];

  /** The whole text's, which a document kept from an earlier analysis is read with; undefined once released. */
  private current: LineIndex | undefined;

  constructor(
    readonly document: Document.Parsed,
    lines: LineIndex,
  ) {
    this.current = lines;
  }

  get lines(): LineIndex {
    if (!this.current) throw new Error('a Kubernetes model was read after a newer one was built from another text');
    return this.current;
  }

  /** Reads the document as part of another text (its nodes' offsets already count from that text's start). */
  readWith(lines: LineIndex): void {
    this.current = lines;
  }

  /** Lets go of the text: a document kept for later analyses must not keep every old text alive. */
  release(): void {
    this.current = undefined;
  }

  /** The node itself, or the anchored node an alias points at. Aliases are followed, never expanded. */
  resolve(node: unknown): Node | undefined {
    if (isAlias(node)) return this.target(node);
    return isMap(node) || isSeq(node) || isScalar(node) ? node : undefined;
  }

  /** As YAML defines it: the last node with the alias's anchor before the alias. */
  private target(alias: Alias): Node | undefined {
    let found: Node | undefined;
    for (const node of this.collectAnchorsAndAliases()) {
      if (node === alias) break;
      if (!isAlias(node) && node.anchor === alias.source) found = node;
    }
    return found;
  }

  private collectAnchorsAndAliases(): Node[] {
    if (!this.anchorsAndAliases) {
      const nodes: Node[] = [];
      visit(this.document, { Node: (_key, node) => void ((isAlias(node) || node.anchor) && nodes.push(node)) });
      this.anchorsAndAliases = nodes;
    }
    return this.anchorsAndAliases;
  }

  /**
   * Whether the node is written inside an anchored node (or is one): that text is read again at
   * every alias of it, directly or through a merge key, so an edit there would reach those too.
   */
  isShared(node: Node): boolean {
    const [start, end] = node.range ?? [0, 0];
    return this.anchoredNodes().some((anchored) => anchored.range != null && anchored.range[0] <= start && end <= anchored.range[1]);
  }

  private anchoredNodes(): Node[] {
    if (!this.anchored) {
      const [documentStart, , documentEnd] = this.document.range;
      // Most documents have no anchor: that is told from their text without walking them.
      const written = this.lines.text.slice(documentStart, documentEnd).includes('&');
      this.anchored = written ? this.collectAnchorsAndAliases().filter((node) => !isAlias(node)) : [];
    }
    return this.anchored;
  }

  /** The pair for `key`, directly in the map or through its merge keys. */
  pair(map: YAMLMap | undefined, key: string, depth = 0): Pair | undefined {
    if (!map) return undefined;
    let merged: Pair | undefined;
    for (const item of map.items) {
      if (!isPair(item)) continue;
      const name = isScalar(item.key) ? item.key.value : undefined;
      if (name === key) return item;
      if (!merged && depth < MAX_MERGE_DEPTH && isMergeKey(item.key)) merged = this.fromMerge(item.value, key, depth + 1);
    }
    return merged;
  }

  /**
   * The map's pairs as Kubernetes reads them: its own, then those its merge keys bring that it
   * does not have (the first merged map holding a key wins, as in `pair`). The merge keys' own
   * pairs are not among them.
   */
  entries(map: YAMLMap | undefined, depth = 0): Pair[] {
    if (!map) return [];
    const own: Pair[] = [];
    const merges: unknown[] = [];
    for (const item of map.items) {
      if (!isPair(item)) continue;
      if (!isMergeKey(item.key)) own.push(item);
      else if (depth < MAX_MERGE_DEPTH) merges.push(item.value);
    }
    if (merges.length === 0) return own;
    const names = new Set(own.map(keyName));
    const entries = [...own];
    for (const merge of merges) {
      const source = this.resolve(merge);
      const maps = isMap(source) ? [source] : isSeq(source) ? source.items.map((item) => this.asMap(item)) : [];
      for (const merged of maps) {
        for (const pair of this.entries(merged, depth + 1)) {
          const name = keyName(pair);
          if (names.has(name)) continue;
          names.add(name);
          entries.push(pair);
        }
      }
    }
    return entries;
  }

  private fromMerge(value: unknown, key: string, depth: number): Pair | undefined {
    const source = this.resolve(value);
    if (isMap(source)) return this.pair(source, key, depth);
    if (!isSeq(source)) return undefined;
    for (const item of source.items) {
      const found = this.pair(this.asMap(item), key, depth);
      if (found) return found;
    }
    return undefined;
  }

  /** The value under `key`, aliases resolved. */
  get(map: YAMLMap | undefined, key: string): Node | undefined {
    return this.resolve(this.pair(map, key)?.value);
  }

  map(map: YAMLMap | undefined, key: string): YAMLMap | undefined {
    return this.asMap(this.pair(map, key)?.value);
  }

  seq(map: YAMLMap | undefined, key: string): YAMLSeq | undefined {
    const node = this.get(map, key);
    return isSeq(node) ? node : undefined;
  }

  scalar(map: YAMLMap | undefined, key: string): Scalar | undefined {
    const node = this.get(map, key);
    return isScalar(node) ? node : undefined;
  }

  /** A scalar's value as text (numbers too, as Kubernetes quantities and ports often are); undefined otherwise. */
  string(map: YAMLMap | undefined, key: string): string | undefined {
    return scalarText(this.scalar(map, key));
  }

  /** True only for a real boolean `true` (YAML 1.1, as Kubernetes reads it: `yes` and `on` too). */
  isTrue(map: YAMLMap | undefined, key: string): boolean {
    return this.scalar(map, key)?.value === true;
  }

  asMap(node: unknown): YAMLMap | undefined {
    const resolved = this.resolve(node);
    return isMap(resolved) ? resolved : undefined;
  }

  /** The maps of a sequence, aliases resolved; other items are skipped. */
  maps(seq: YAMLSeq | undefined): YAMLMap[] {
    if (!seq) return [];
    return seq.items.map((item) => this.asMap(item)).filter((item): item is YAMLMap => item !== undefined);
  }

  /** Where a node is written: from its first character to the end of its value (comments after it excluded). */
  range(node: Node | Pair): Range {
    if (isPair(node)) {
      const key = node.key as Node;
      const value = node.value as Node | null;
      return this.offsets(key.range![0], value?.range ? value.range[1] : key.range![1]);
    }
    return this.offsets(node.range![0], node.range![1]);
  }

  /** The key of a pair, e.g. `privileged` in `privileged: true`. */
  keyRange(pair: Pair): Range {
    return this.range(pair.key as Node);
  }

  /** The value of a pair, or its key when the value is empty. */
  valueRange(pair: Pair): Range {
    const value = pair.value as Node | null;
    return value?.range && value.range[1] > value.range[0] ? this.range(value) : this.keyRange(pair);
  }

  offsets(start: number, end: number): Range {
    return { start: this.lines.positionAt(start), end: this.lines.positionAt(end) };
  }
}

/**
 * A `<<` merge key. YAML 1.1 resolves a plain `<<` written as a key to a symbol, never to the
 * string `'<<'` (a quoted `"<<"` is an ordinary key); the position loader gives the same symbol.
 */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

/** What tells a pair's key from the others: its value for a scalar, the node itself otherwise. */
function keyName(pair: Pair): unknown {
  return isScalar(pair.key) ? pair.key.value : pair.key;
}

export function scalarText(scalar: Scalar | undefined): string | undefined {
  if (!scalar) return undefined;
  const value = scalar.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(scalar.source ?? value);
  return undefined;
}

/** Whether the node is a string scalar equal to `text`. */
export function isString(node: Node | undefined, text: string): boolean {
  return isScalar(node) && node.value === text;
}
