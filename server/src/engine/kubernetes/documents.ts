/**
 * The YAML documents of a file, parsed one at a time and kept by their text, so that a
 * keystroke in a 35,000-line bundle re-parses the document it falls in and only shifts the
 * positions of the others. What comes out is what `parseAllDocuments` gives for the whole text.
 */
import { isNode, parseAllDocuments, visit, type Document } from 'yaml';

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

const cache = new Map<string, Parsed>();
let cachedCharacters = 0;

export function parseDocuments(text: string): Document.Parsed[] {
  if (DIRECTIVE.test(text)) return parseAllDocuments(text, PARSE_OPTIONS) as Document.Parsed[];
  const documents: Document.Parsed[] = [];
  const used = new Set<Parsed>();
  for (const { chunk, base } of chunks(text)) {
    let parsed = cache.get(chunk);
    // The same text twice in one file: its nodes can hold one set of positions only.
    if (parsed && used.has(parsed)) parsed = undefined;
    if (parsed) {
      shift(parsed.documents, base - parsed.base);
      cache.delete(chunk); // refreshed as the most recently used
    } else {
      parsed = { documents: parseAllDocuments(chunk, PARSE_OPTIONS) as Document.Parsed[], base: 0 };
      shift(parsed.documents, base);
      cachedCharacters += chunk.length;
    }
    parsed.base = base;
    used.add(parsed);
    if (!cache.has(chunk)) cache.set(chunk, parsed);
    documents.push(...parsed.documents);
  }
  for (const [chunk] of cache) {
    if (cachedCharacters <= CACHE_CHARACTERS) break;
    cache.delete(chunk);
    cachedCharacters -= chunk.length;
  }
  return documents;
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
    visit(document, (_key, node) => {
      if (isNode(node)) moveRange(node.range, delta);
    });
  }
}

function moveRange(range: number[] | null | undefined, delta: number): void {
  if (!range) return;
  for (let i = 0; i < range.length; i++) range[i] += delta;
}
