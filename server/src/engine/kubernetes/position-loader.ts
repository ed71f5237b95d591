/**
 * A fast way to the node tree `yaml`'s `parseAllDocuments` builds for a piece of a manifest:
 * js-yaml loads the text (about ten times faster than `yaml` tokenises it) and reports every
 * node it composes to a listener, with where it was in the text; this module turns those
 * reports into `yaml`'s own Document, YAMLMap, YAMLSeq, Pair, Scalar and Alias objects, with
 * the ranges, styles, anchors and YAML 1.1 values `yaml` gives them. Comments are not kept on
 * the nodes: the engine reads ignore comments from the text.
 *
 * Whenever the result could differ from `yaml`'s (js-yaml fails, tags, directives, explicit or
 * non-scalar keys, tabs, lone CR line ends, anything not modelled here) it declines, and the
 * caller parses the piece with `yaml` itself.
 */
import { FAILSAFE_SCHEMA, loadAll, YAMLException, type State } from 'js-yaml';
import { Alias, Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type DocumentOptions, type Node, type ParseOptions, type ScalarTag, type Schema, type SchemaOptions } from 'yaml';

type Options = ParseOptions & DocumentOptions & SchemaOptions & { version: '1.1' };

/** js-yaml's state as its listener sees it: the node's tag and anchor are there too, though its types leave them out. */
type ListenedState = State & { tag: string | null; anchor: string | null };

/** What `yaml` does not see the way js-yaml does, found by one scan of the text: tabs, CR without LF, document ends, directives, explicit keys. */
const UNMODELLED = /\t|\r(?!\n)|^(?:\.\.\.|%)|(?:^|[\s[{,])\?(?:[ \n]|$)/m;
/** `yaml` rejects an implicit key whose `:` is further than this from the key's start. */
const MAX_IMPLICIT_KEY = 1024;

/** Thrown to give up on a piece; the caller parses it with `yaml`. */
class Declined extends Error {}

/** A value `yaml` would warn or err about. */
function decline(): never {
  throw new Declined();
}

// Read once: the engine's bundle reaches `yaml`'s exports through getters.
const { PLAIN, QUOTE_DOUBLE, QUOTE_SINGLE, BLOCK_LITERAL, BLOCK_FOLDED } = Scalar;

/** What a composed node is, for what depends on it (cheaper to ask than `instanceof` through the bundle's getters). */
type Shape = 'scalar' | 'block scalar' | 'block collection' | 'flow collection' | 'alias';

/** A node js-yaml reported, before its parent places it (its last range end depends on where it sits). */
interface Composed {
  /** undefined: js-yaml composed nothing here (an empty value, or a key it only tried to read). */
  node: Scalar | YAMLMap | YAMLSeq | Alias | undefined;
  shape: Shape | undefined;
  /** js-yaml's result, to recognise a node js-yaml composed twice (once inside the other). */
  result: unknown;
  /** Where js-yaml started looking for the node. */
  open: number;
  /** Where its value ends (`range[1]`). */
  valueEnd: number;
}

/** The documents of `text` as `parseAllDocuments(text, options)` gives them, or undefined when this loader cannot promise that. */
export function loadWithPositions(text: string, options: Options): Document.Parsed[] | undefined {
  // js-yaml drops a byte order mark, which would shift every position.
  if (UNMODELLED.test(text) || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    return new PositionLoader(text, options).load();
  } catch (error) {
    if (error instanceof Declined || error instanceof YAMLException) return undefined;
    throw error;
  }
}

/** Plain scalars' tags by their text, per set of options (the schema they make): most keys and many values repeat across a bundle. */
const plainTagsByOptions = new WeakMap<Options, Map<string, ScalarTag>>();
const PLAIN_TAGS_KEPT = 10_000;

class PositionLoader {
  /** Per node js-yaml is composing, innermost last: where it started looking, and where its children start in `composed`. */
  private readonly opens: number[] = [];
  private readonly firstChildren: number[] = [];
  /** The nodes js-yaml finished, each its parent's child until the parent finishes; the documents' roots at the end. */
  private readonly composed: Composed[] = [];
  /** How many of `composed` are in use (the rest are left over from finished parents). */
  private composedCount = 0;
  /** The document being loaded: its schema resolves the scalars. */
  private readonly loaded: Document.Parsed;
  private readonly schema: Schema;
  private readonly stringTag: ScalarTag;
  private readonly plainTags: Map<string, ScalarTag>;

  constructor(
    private readonly text: string,
    private readonly options: Options,
  ) {
    this.loaded = new Document(undefined, options) as Document.Parsed;
    this.schema = this.loaded.schema;
    this.stringTag = (this.schema.tags as ScalarTag[]).find((tag) => tag.tag === 'tag:yaml.org,2002:str')!;
    let plainTags = plainTagsByOptions.get(options);
    if (!plainTags) plainTagsByOptions.set(options, (plainTags = new Map()));
    this.plainTags = plainTags;
  }

  load(): Document.Parsed[] {
    loadAll(this.text, undefined, {
      schema: FAILSAFE_SCHEMA,
      // Duplicate keys are allowed, as `uniqueKeys: false` allows them.
      json: true,
      listener: (event, state) => (event === 'open' ? this.open(state.position) : this.close(state as ListenedState)),
    });
    // The documents' roots are what is left composed.
    if (this.composedCount > 1) throw new Declined();
    const document = this.composedCount === 0 ? undefined : this.document(this.composed[0]);
    return document ? [document] : [];
  }

  private document(root: Composed): Document.Parsed | undefined {
    const { text } = this;
    const document = this.loaded;
    const marked = /^---(?:[ \r\n]|$)/.test(text);
    // js-yaml takes the first three dashes of `----` for a marker; `yaml` does not.
    if (!marked && text.startsWith('---')) throw new Declined();
    if (marked) document.directives!.docStart = true;
    if (!root.node) {
      // Only comments and blank lines: `yaml` sees no document there. An empty document after `---` gets the comments after it: not modelled.
      if (!marked) return undefined;
      throw new Declined();
    }
    // Manifests are maps: where `yaml` ends a document holding only a scalar (blank lines, comments after it) is not modelled.
    if (root.shape !== 'block collection' && root.shape !== 'flow collection') throw new Declined();
    const contents = this.place(root, 'block', root.open);
    // `yaml` wants a block collection on a line of its own after `---`.
    if (marked && root.shape === 'block collection' && !text.slice(3, contents.range![0]).includes('\n')) throw new Declined();
    document.contents = contents as Document.Parsed['contents'];
    // The document starts on the line of its first token (an anchor, the content).
    const first = afterSpace(text, 0, true);
    const start = marked ? 0 : text.lastIndexOf('\n', first - 1) + 1;
    const contentEnd = contents.range![2];
    // A last empty value keeps the line end after it (a value could still follow on the next line).
    const end = this.endsWithEmptyValue(contents) ? contentEnd : text.length;
    document.range = [start, contentEnd, end];
    return document;
  }

  private endsWithEmptyValue(node: Node): boolean {
    let last: unknown = node;
    while (last instanceof YAMLMap || last instanceof YAMLSeq) {
      if (last.flow || last.items.length === 0) return false;
      const item: unknown = last.items[last.items.length - 1];
      last = item instanceof Pair ? item.value : item;
    }
    return last instanceof Scalar && last.source === '' && last.range![2] === last.range![1];
  }

  private open(position: number): void {
    this.opens.push(position);
    this.firstChildren.push(this.composedCount);
  }

  private close(state: ListenedState): void {
    const open = this.opens.pop()!;
    const firstChild = this.firstChildren.pop()!;
    const { text, composed } = this;
    // js-yaml reads the text with a line end added when it has none.
    const close = Math.min(state.position, text.length);
    const { kind, result } = state;
    if (state.tag !== null && state.tag !== '?') throw new Declined();
    // js-yaml tries a block mapping inside the node it composes: when no `:` follows, the node it read as the key is this node.
    for (let i = firstChild; i < this.composedCount; i++) {
      const child = composed[i];
      if (child.node && child.result === result) {
        if (state.anchor !== null && child.node.anchor !== state.anchor) throw new Declined();
        composed[firstChild] = child;
        this.composedCount = firstChild + 1;
        return;
      }
    }
    const start = this.contentStart(open, close);
    const first = text.charCodeAt(start);
    let node: Composed['node'];
    let shape: Shape | undefined;
    let valueEnd = close;
    if (kind === 'scalar') {
      const scalar = this.scalar(first, result as string, start, close);
      node = scalar;
      shape = first === 0x7c /* | */ || first === 0x3e /* > */ ? 'block scalar' : 'scalar';
      valueEnd = scalar.range![1];
    } else if (kind === 'mapping' || kind === 'sequence') {
      const flow = first === 0x7b /* { */ || first === 0x5b; /* [ */
      node = flow ? this.flowCollection(kind, firstChild, start, close) : this.blockCollection(kind, firstChild, result, start);
      shape = flow ? 'flow collection' : 'block collection';
      if (!flow) valueEnd = node.range![1];
    } else if (first === 0x2a /* * */) {
      let end = start + 1;
      while (end < text.length && !isSeparator(text.charCodeAt(end))) end++;
      node = new Alias(text.slice(start + 1, end));
      node.range = [start, end, end];
      shape = 'alias';
      valueEnd = end;
    } else if (state.anchor !== null) {
      throw new Declined(); // an anchored empty node
    }
    if (node && state.anchor !== null) {
      // `yaml` warns that an anchor ending in `:` is ambiguous.
      if (shape === 'alias' || state.anchor.endsWith(':')) throw new Declined();
      node.anchor = state.anchor;
    }
    composed[firstChild] = { node, shape, result, open, valueEnd };
    this.composedCount = firstChild + 1;
  }

  /** Where the node js-yaml started looking for at `open` starts: after spaces, line ends, comments and its anchor. */
  private contentStart(open: number, limit: number): number {
    const { text } = this;
    let at = open;
    while (at < limit) {
      const code = text.charCodeAt(at);
      if (code === 0x20 || code === 0x0a || code === 0x0d) at++;
      else if (code === 0x23 /* # */) at = lineEnd(text, at);
      else if (code === 0x26 /* & */) while (at < limit && !isSeparator(text.charCodeAt(at))) at++;
      else break;
    }
    return at;
  }

  private scalar(first: number, source: string, start: number, close: number): Scalar {
    const { text } = this;
    let type: Scalar.Type;
    let valueEnd: number;
    let scalar: Scalar;
    if (first === 0x22 /* " */ || first === 0x27 /* ' */) {
      type = first === 0x22 ? QUOTE_DOUBLE : QUOTE_SINGLE;
      valueEnd = close;
      scalar = new Scalar(source);
    } else if (first === 0x7c /* | */ || first === 0x3e /* > */) {
      type = first === 0x7c ? BLOCK_LITERAL : BLOCK_FOLDED;
      valueEnd = this.blockScalarEnd(start);
      scalar = new Scalar(source);
    } else {
      type = PLAIN;
      valueEnd = close;
      while (valueEnd > start && isSpace(text.charCodeAt(valueEnd - 1))) valueEnd--;
      scalar = this.plain(source, false);
    }
    scalar.type = type;
    scalar.source = source;
    scalar.range = [start, valueEnd, valueEnd];
    return scalar;
  }

  /** A plain scalar's value as YAML 1.1 resolves it; `atKey` lets `<<` be a merge key. */
  private plain(source: string, atKey: boolean): Scalar {
    const { plainTags } = this;
    let tag = atKey ? undefined : plainTags.get(source);
    if (!tag) {
      tag = this.stringTag;
      for (const candidate of this.schema.tags as ScalarTag[]) {
        if ((candidate.default === true || (atKey && candidate.default === 'key')) && candidate.test?.test(source)) {
          tag = candidate;
          break;
        }
      }
      if (!atKey) {
        if (plainTags.size >= PLAIN_TAGS_KEPT) plainTags.clear();
        plainTags.set(source, tag);
      }
    }
    // Most are strings, which resolve to themselves.
    if (tag === this.stringTag) return new Scalar(source);
    const resolved = tag.resolve(source, decline, this.options as never);
    const scalar = isScalar(resolved) ? resolved : new Scalar(resolved);
    if (tag.format) scalar.format = tag.format;
    return scalar;
  }

  /** Where `yaml` ends a block scalar whose header starts at `header`. */
  private blockScalarEnd(header: number): number {
    const { text } = this;
    let at = header + 1;
    let keep = false;
    while (at < text.length && !isSpace(text.charCodeAt(at))) {
      const code = text.charCodeAt(at);
      if (code === 0x2b /* + */) keep = true;
      else if (code !== 0x2d /* - */) throw new Declined(); // an explicit indentation
      at++;
    }
    const headerEnd = lineEnd(text, at);
    if (headerEnd >= text.length) return text.length;
    // Content lines: blank ones, and those indented at least as much as the first non-blank one.
    let indent = -1;
    let lineStart = headerEnd + 1;
    let contentEnd = lineStart;
    while (lineStart < text.length) {
      let column = lineStart;
      while (text.charCodeAt(column) === 0x20) column++;
      const end = lineEnd(text, lineStart);
      const blank = isLineBreak(text, column) || column === end;
      if (!blank) {
        if (indent === -1) indent = column - lineStart;
        if (column - lineStart < indent) break;
      }
      const next = Math.min(end + 1, text.length);
      if (keep || !blank || (indent !== -1 && column - lineStart > indent)) contentEnd = next;
      lineStart = next;
    }
    if (keep) return lineStart;
    return contentEnd;
  }

  /** The collection whose items are the nodes composed from `first` on. */
  private blockCollection(kind: 'mapping' | 'sequence', first: number, result: unknown, start: number): YAMLMap | YAMLSeq {
    const { text, composed } = this;
    let end = start;
    const indent = start - (text.lastIndexOf('\n', start - 1) + 1);
    if (kind === 'sequence') {
      // js-yaml composes nothing for an item left empty before a line break: such lists are left to `yaml`.
      if (this.composedCount - first !== (result as unknown[]).length) throw new Declined();
      const seq = new YAMLSeq(this.schema);
      for (let i = first; i < this.composedCount; i++) {
        const child = composed[i];
        const item = this.place(child, 'block', child.open, indent);
        seq.items.push(item);
        end = item.range![2];
      }
      seq.range = [start, end, end];
      return seq;
    }
    const map = new YAMLMap(this.schema);
    for (let i = first; i < this.composedCount; i++) {
      const keyChild = composed[i];
      if (!keyChild.node) continue; // js-yaml looked for another key and found none
      if (keyChild.shape !== 'scalar') throw new Declined();
      const key = keyChild.node as Scalar;
      const valueChild = ++i < this.composedCount ? composed[i] : undefined;
      if (!valueChild) throw new Declined();
      if (text.lastIndexOf(':', valueChild.open) - key.range![0] > MAX_IMPLICIT_KEY) throw new Declined();
      const value = this.place(valueChild, 'block', valueChild.open, indent);
      map.items.push(new Pair(this.asKey(key), value));
      end = value.range![2];
    }
    if (map.items.length === 0) throw new Declined();
    map.range = [(map.items[0].key as Scalar).range![0], end, end];
    return map;
  }

  private flowCollection(kind: 'mapping' | 'sequence', first: number, start: number, close: number): YAMLMap | YAMLSeq {
    const { text, composed } = this;
    const end = close;
    if (kind === 'sequence') {
      const seq = new YAMLSeq(this.schema);
      seq.flow = true;
      for (let i = first; i < this.composedCount; i++) {
        const child = composed[i];
        if (!child.node || text.charCodeAt(afterSpace(text, child.valueEnd, true)) === 0x3a /* : */) throw new Declined();
        seq.items.push(this.place(child, 'flow', child.open));
      }
      seq.range = [start, end, end];
      return seq;
    }
    const map = new YAMLMap(this.schema);
    map.flow = true;
    for (let i = first; i < this.composedCount; i++) {
      if (composed[i].shape !== 'scalar') throw new Declined();
      const key = composed[i].node as Scalar;
      const hasValue = text.charCodeAt(afterSpace(text, composed[i].valueEnd, true)) === 0x3a;
      if (!hasValue) {
        map.items.push(new Pair(this.asKey(key), null));
        continue;
      }
      const valueChild = ++i < this.composedCount ? composed[i] : undefined;
      if (!valueChild) throw new Declined();
      map.items.push(new Pair(this.asKey(key), this.place(valueChild, 'flow', valueChild.open)));
    }
    map.range = [start, end, end];
    return map;
  }

  /** A key's range ends with its text; a plain `<<` becomes a merge key as `yaml` resolves it at a key. */
  private asKey(key: Scalar): Scalar {
    // `yaml` wants implicit keys on one line.
    if (this.text.lastIndexOf('\n', key.range![1] - 1) >= key.range![0]) throw new Declined();
    if (key.type !== PLAIN || key.source !== '<<') return key;
    const merge = this.plain('<<', true);
    merge.type = key.type;
    merge.source = key.source;
    merge.range = key.range;
    return merge;
  }

  /**
   * The node as its parent holds it, with the end of what belongs to it (`range[2]`), as
   * `yaml`'s parser hands out comments: in a block, the rest of its line, then comment lines
   * indented deeper than the collection holding it (`indent`; -1 for a document's root); in a
   * flow collection, the space and comments up to the next indicator. `open` is where js-yaml
   * started looking for the node: where an empty value is.
   */
  private place(child: Composed, context: 'block' | 'flow', open: number, indent = -1): Scalar | YAMLMap | YAMLSeq | Alias {
    const { text } = this;
    const { node } = child;
    if (!node) {
      const at = context === 'flow' ? open : afterSpace(text, open, false);
      const empty = this.plain('', false);
      empty.type = PLAIN;
      empty.source = '';
      let end = at;
      if (context === 'block') {
        // Comment lines after an empty value are its own in `yaml`, until content at some indent: not modelled.
        if (nextComment(text, restOfLine(text, at)) !== undefined) throw new Declined();
        // With a comment, the empty value runs to the next line's indentation, or to a blank line before more content, or to the end.
        if (text.charCodeAt(at) === 0x23) {
          end = afterSpace(text, restOfLine(text, at), false);
          if (isLineBreak(text, end) && afterSpace(text, end, true) === text.length) end = text.length;
        }
      }
      empty.range = [at, at, end];
      return empty;
    }
    const range = node.range!;
    if (child.shape === 'block scalar') return node;
    if (child.shape === 'block collection') {
      if (context === 'block') range[2] = this.trailingComments(range[0], range[1]);
      return node;
    }
    // `yaml` wants white space before a comment; js-yaml takes `"quoted"#text` or `{}#text` as a comment.
    if (text.charCodeAt(range[1]) === 0x23) throw new Declined();
    if (context === 'flow') {
      range[2] = afterSpace(text, range[1], true);
      return node;
    }
    // `yaml` ends a scalar or flow collection at a line indented no deeper than the collection holding it; js-yaml does not always.
    for (let line = text.indexOf('\n', range[0]); line !== -1 && line < range[1]; line = text.indexOf('\n', line + 1)) {
      const column = afterSpace(text, line + 1, false) - line - 1;
      if (column <= indent && !isLineBreak(text, line + 1 + column)) throw new Declined();
    }
    let end = restOfLine(text, range[1]);
    if (indent >= 0) {
      for (let comment = nextComment(text, end); comment && comment.indent > indent; comment = nextComment(text, end)) end = comment.end;
    }
    range[2] = end;
    return node;
  }

  /**
   * Where a block collection that starts at `start` and whose last item ends at `itemsEnd`
   * ends, comments after it included: `yaml` leaves them to the collection around it (or the
   * document) when the collection starts its lines or every comment is indented less than it.
   */
  private trailingComments(start: number, itemsEnd: number): number {
    const { text } = this;
    const indent = start - (text.lastIndexOf('\n', start - 1) + 1);
    if (indent === 0) return itemsEnd;
    let end = itemsEnd;
    let kept = false;
    for (let comment = nextComment(text, end); comment; comment = nextComment(text, end)) {
      if (comment.indent >= indent) kept = true;
      end = comment.end;
    }
    // Kept, they take the blank lines and indentation up to the next content with them.
    return kept ? afterSpace(text, end, true) : itemsEnd;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d;
}

/** A line end (LF or CRLF) starts at `at`. */
function isLineBreak(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === 0x0a || (code === 0x0d && text.charCodeAt(at + 1) === 0x0a);
}

/** Ends an anchor or alias name: white space and flow indicators. */
function isSeparator(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x2c || code === 0x5b || code === 0x5d || code === 0x7b || code === 0x7d || Number.isNaN(code);
}

/** The index of the line end at or after `at` (the text's length on the last line). */
function lineEnd(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}

/** After spaces, and in a flow collection also line ends and comments. */
function afterSpace(text: string, at: number, acrossLines: boolean): number {
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 0x20) at++;
    else if (acrossLines && (code === 0x0a || code === 0x0d)) at++;
    else if (acrossLines && code === 0x23) at = lineEnd(text, at);
    else break;
  }
  return at;
}

/** After the spaces, the comment and the line end that follow a value in a block. */
function restOfLine(text: string, at: number): number {
  at = afterSpace(text, at, false);
  if (text.charCodeAt(at) === 0x23) at = lineEnd(text, at);
  if (text.charCodeAt(at) === 0x0d && text.charCodeAt(at + 1) === 0x0a) at += 2;
  else if (text.charCodeAt(at) === 0x0a) at++;
  return at;
}

/** The comment line after `at` (a line start), past blank lines: its column and where the line after it starts; undefined when content or the end comes first. */
function nextComment(text: string, at: number): { indent: number; end: number } | undefined {
  while (at < text.length) {
    let column = at;
    while (text.charCodeAt(column) === 0x20) column++;
    const code = text.charCodeAt(column);
    if (isLineBreak(text, column)) at = lineEnd(text, column) + 1;
    else if (code === 0x23) return { indent: column - at, end: Math.min(lineEnd(text, column) + 1, text.length) };
    else return undefined;
  }
  return undefined;
}
