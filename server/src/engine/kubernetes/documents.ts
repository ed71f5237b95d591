/**
 * The YAML documents of a file, parsed one at a time and kept by their text, so that a
 * keystroke in a 35,000-line bundle re-parses the document it falls in and only shifts the
 * positions of the others. What comes out is what `parseAllDocuments` gives for the whole text.
 */
import { isCollection, isNode, isPair, parseAllDocuments, type Document } from 'yaml';
import { loadWithPositions } from './position-loader';

/** As Kubernetes reads YAML: version 1.1 (`yes` is true, merge keys work), duplicate keys allowed. */
export const PARSE_OPTIONS = { version: '1.1', prettyErrors: false, uniqueKeys: false } as const;

/** A `---` or `...` line starts or ends a document wherever it is, even inside a block scalar. */
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?=[ \t\r\n]|$)/gm;
/** Directives (`%YAML`, `%TAG`) belong to the document after them: such files are parsed whole. */
const DIRECTIVE = /^%/m;
/** About a dozen large bundles' worth of parsed documents, across the files analysed lately. */
const CACHE_CHARACTERS = 16 * 1024 * 1024;

interface Parsed {
  documents: Document.Parsed[];
  /** Where the chunk starts in the text its positions now count from. */
  base: number;
}

/**
 * A chunk's parsed copies, kept under a copy of its text: the text is the cache's key, and a cut
 * of the whole text (what `chunks` gives) would keep that whole version of the file alive, so
 * every keystroke in a bundle would keep another. The parse reads the copy, so the strings in its
 * nodes are cuts of the copy too.
 */
interface CacheEntry {
  text: string;
  /** The same text twice in one file needs a copy per place, as nodes hold one set of positions. */
  copies: Parsed[];
}

const cache = new Map<string, CacheEntry>();
let cachedCharacters = 0;

/** A piece of the text parsed on its own: the text before the next `---` that starts a document. */
export interface ParsedChunk {
  /** A string of its own rather than a cut of the whole text (except a file with directives, whose piece is the text), so it can be kept. */
  text: string;
  /** Where the piece starts in the whole text. */
  start: number;
  documents: Document.Parsed[];
}

/** The documents of the text, grouped by the piece they were parsed from (a file with directives is one piece). */
export function parseChunks(text: string): ParsedChunk[] {
  if (DIRECTIVE.test(text)) return [{ text, start: 0, documents: parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[] }];
  const parsedChunks: ParsedChunk[] = [];
  /** How many copies of each chunk this text has used so far. */
  const used = new Map<string, number>();
  for (const { chunk, base } of chunks(text)) {
    const entry = cache.get(chunk) ?? { text: copyOf(chunk), copies: [] };
    const copy = used.get(chunk) ?? 0;
    used.set(chunk, copy + 1);
    let parsed = entry.copies[copy];
    if (parsed) {
      shift(parsed.documents, base - parsed.base);
    } else {
      parsed = { documents: parseChunk(entry.text), base: 0 };
      shift(parsed.documents, base);
      entry.copies.push(parsed);
      cachedCharacters += chunk.length;
    }
    parsed.base = base;
    cache.delete(chunk); // refreshed as the most recently used
    cache.set(entry.text, entry);
    parsedChunks.push({ text: entry.text, start: base, documents: parsed.documents });
  }
  for (const [chunk, { copies }] of cache) {
    if (cachedCharacters <= CACHE_CHARACTERS) break;
    cache.delete(chunk);
    cachedCharacters -= chunk.length * copies.length;
  }
  return parsedChunks;
}

/**
 * A copy of a cut of a string. V8 keeps a cut as a pointer into the whole; flattening a
 * concatenation makes new characters.
 */
function copyOf(text: string): string {
  return ` ${text}`.slice(1);
}

/** Off only in the test that compares the position loader's trees with `yaml`'s. */
let positionLoaderEnabled = true;

export function usePositionLoader(enabled: boolean): void {
  positionLoaderEnabled = enabled;
}

/** js-yaml with positions where it can promise `yaml`'s tree, `yaml` itself where it cannot. */
function parseChunk(chunk: string): Document.Parsed[] {
  return (positionLoaderEnabled && loadWithPositions(chunk, PARSE_OPTIONS)) || (parseAllDocuments(chunk, PARSE_OPTIONS) as Document.Parsed[]);
}

/** Drops every kept document: the next analysis of each file parses it whole (benchmarks time that). */
export function forgetParsedDocuments(): void {
  cache.clear();
  cachedCharacters = 0;
}

/** The text cut before every document marker, with where each piece starts. */
function* chunks(text: string): Generator<{ chunk: string; base: number }> {
  let start = 0;
  for (const match of text.matchAll(DOCUMENT_MARKER)) {
    // `...` ends a document: the next one starts after it.
    if (match[0] === '---' && match.index > start) {
      yield { chunk: text.slice(start, match.index), base: start };
      start = match.index;
    }
  }
  yield { chunk: text.slice(start), base: start };
}

/** Moves every position of the documents (nodes, the documents' own ranges, errors) by `delta`. */
function shift(documents: Document.Parsed[], delta: number): void {
  if (delta === 0) return;
  for (const document of documents) {
    moveRange(document.range, delta);
    for (const problem of [...document.errors, ...document.warnings]) {
      problem.pos[0] += delta;
      problem.pos[1] += delta;
    }
    moveNode(document.contents, delta);
  }
}

/** A plain walk rather than `visit`, whose generality (paths, replacements) costs more than the moves on a large bundle. */
function moveNode(node: unknown, delta: number): void {
  if (isPair(node)) {
    moveNode(node.key, delta);
    moveNode(node.value, delta);
    return;
  }
  if (!isNode(node)) return;
  moveRange(node.range, delta);
  if (isCollection(node)) for (const item of node.items) moveNode(item, delta);
}

function moveRange(range: number[] | null | undefined, delta: number): void {
  if (!range) return;
  for (let i = 0; i < range.length; i++) range[i] += delta;
}
