// Mutants of real files for property tests: lines deleted, duplicated, swapped or spliced from
// another file, random bytes, quotes, brackets and operators inserted, huge tokens, truncation,
// line-ending mixes. Used by fuzz.mjs and by the Dockerfile parser's differential test.
import fc from 'fast-check';

/** Which file of a corpus to take and the mutations to make to it; huge tokens repeat at most `hugeTimes` times. */
export function mutantSubjects({ hugeTimes = 20_000 } = {}) {
  const mutation = fc.oneof(
    fc.record({ op: fc.constant('delete'), at: fc.nat() }),
    fc.record({ op: fc.constant('duplicate'), at: fc.nat() }),
    fc.record({ op: fc.constant('swap'), at: fc.nat(), with: fc.nat() }),
    fc.record({ op: fc.constant('splice'), at: fc.nat(), file: fc.nat(), line: fc.nat() }),
    fc.record({ op: fc.constant('bytes'), at: fc.nat(), column: fc.nat(), text: fc.string({ unit: 'binary', maxLength: 8 }) }),
    fc.record({ op: fc.constant('insert'), at: fc.nat(), column: fc.nat(), text: fc.constantFrom('"', "'", '[', ']', '{', '}', '\\', '`', '${', '$(', '<<EOF', '&&', '|', ';', '#', '--', ': ', '- ', '*a', '&a ', '\t', '\r', '\r\n', '\u0000', '\uFFFD', '\uD800') }),
    fc.record({ op: fc.constant('huge'), at: fc.nat(), column: fc.nat(), text: fc.constantFrom('a', ' ', '\t', '/', '$', '{', '[', '-', '\\', '#', '.'), times: fc.integer({ min: Math.min(100, hugeTimes), max: hugeTimes }) }),
    fc.record({ op: fc.constant('truncate'), at: fc.nat() }),
    fc.record({ op: fc.constant('endings'), to: fc.constantFrom('\r\n', '\n', '\r'), every: fc.integer({ min: 1, max: 3 }) }),
  );
  return fc.record({ file: fc.nat(), mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }) });
}

/** The mutant a subject describes, of a corpus of `{ path, kind, text }` files. */
export function mutantOf(corpus, { file, mutations }) {
  const source = corpus[file % corpus.length];
  let lines = source.text.split('\n');
  const pick = (n) => n % Math.max(lines.length, 1);
  for (const m of mutations) {
    const at = pick(m.at ?? 0);
    const line = lines[at] ?? '';
    const column = (m.column ?? 0) % (line.length + 1);
    switch (m.op) {
      case 'delete':
        lines.splice(at, 1);
        break;
      case 'duplicate':
        lines.splice(at, 0, line);
        break;
      case 'swap': {
        const other = pick(m.with);
        // Nothing to swap once every line is deleted (the swap would add an undefined line).
        if (lines.length > 0) [lines[at], lines[other]] = [lines[other], lines[at]];
        break;
      }
      case 'splice': {
        const donor = corpus[m.file % corpus.length].text.split('\n');
        lines.splice(at, 0, donor[m.line % donor.length]);
        break;
      }
      case 'bytes':
      case 'insert':
        lines[at] = line.slice(0, column) + m.text + line.slice(column);
        break;
      case 'huge':
        lines[at] = line.slice(0, column) + m.text.repeat(m.times) + line.slice(column);
        break;
      case 'truncate': {
        const text = lines.join('\n');
        lines = text.slice(0, m.at % (text.length + 1)).split('\n');
        break;
      }
      case 'endings':
        lines = lines.map((text, index) => (index % m.every === 0 ? text.replace(/\r$/, '') + (m.to === '\n' ? '' : m.to.replace('\n', '')) : text));
        break;
    }
  }
  return { path: source.path, kind: source.kind, text: lines.join('\n') };
}
