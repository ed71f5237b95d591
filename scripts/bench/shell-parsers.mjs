// Measures the npm shell parsers we could use for RUN bodies and entrypoint scripts:
// correctness on test/unit/shell/corpus.ts, error reporting on broken input, whether a
// synchronous call is possible, bundled size and speed. Prints a Markdown table for
// docs/decisions/shell-parser.md.
//
//   node scripts/bench/shell-parsers.mjs [--dir <scratch dir>] [--runs 10000]
//
// The candidates are installed (pinned, scripts off) into a scratch directory outside the
// project so that only the chosen parser ever enters package.json.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = new URL('../..', import.meta.url).pathname;
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const dir = option('--dir', join(tmpdir(), 'shipshape-shell-bench'));
const runs = Number(option('--runs', '10000'));
const loadAtStart = loadavg()[0];

const PINNED = ['unbash@6.0.4', 'mvdan-sh@0.10.1', 'sh-syntax@0.7.0', 'web-tree-sitter@0.27.1', 'tree-sitter-bash@0.25.1', 'bash-parser@0.5.0'];
if (!existsSync(join(dir, 'node_modules'))) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"private":true}');
  console.error(`installing candidates into ${dir}`);
  execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', ...PINNED], { cwd: dir, stdio: 'inherit' });
}
const require = createRequire(join(dir, 'package.json'));
const modulePath = (name) => require.resolve(name);
const packageFile = (name, file) => join(dir, 'node_modules', name, file);

async function loadTs(entry) {
  const out = await build({ entryPoints: [join(root, entry)], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'error' });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
}
const { corpus, timingBodies } = await loadTs('test/unit/shell/corpus.ts');

// Each adapter turns a script into { commands: [{ pos, words }], error } where words are the
// raw source text of the program and its arguments; `error` is true when the parser threw or
// reported a syntax error.
const byPos = (commands) => commands.sort((a, b) => a.pos - b.pos);

async function unbashAdapter() {
  const { parse, forEachChild } = await import(pathToFileURL(modulePath('unbash')).href);
  return (script) => {
    const commands = [];
    let error = false;
    const visit = (node) => {
      if (node.errors?.length) error = true;
      if (node.type === 'Command' && node.name) {
        commands.push({ pos: node.pos, words: [node.name, ...node.args].map((word) => script.slice(word.pos, word.end)) });
      }
      forEachChild(node, visit);
    };
    visit(parse(script));
    return { commands: byPos(commands), error };
  };
}

function mvdanAdapter() {
  const { syntax } = require('mvdan-sh');
  return (script) => {
    const bytes = Buffer.from(script);
    const text = (node) => bytes.subarray(node.Pos().Offset(), node.End().Offset()).toString();
    const commands = [];
    const file = syntax.NewParser().Parse(script, '');
    syntax.Walk(file, (node) => {
      const type = node && syntax.NodeType(node);
      if (type === 'CallExpr' && node.Args.length > 0) {
        commands.push({ pos: node.Args[0].Pos().Offset(), words: node.Args.map(text) });
      } else if (type === 'DeclClause') {
        commands.push({ pos: node.Pos().Offset(), words: [node.Variant, ...node.Args].map(text) });
      }
      return true;
    });
    return { commands: byPos(commands), error: false };
  };
}

// sh-syntax only offers an async API that instantiates the WASM module on every call. Its
// Go runtime starts synchronously, though, so this glue compiles once and calls the exported
// `process` synchronously, to see what a synchronous use would cost. An instance cannot be
// reused: a second call panics inside the Go runtime.
function shSyntaxSync() {
  require(packageFile('sh-syntax', 'vendors/wasm_exec.cjs'));
  const module = new WebAssembly.Module(readFileSync(packageFile('sh-syntax', 'main.wasm')));
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  return (script) => {
    const go = new globalThis.Go();
    const instance = new WebAssembly.Instance(module, go.importObject);
    void go.run(instance);
    const { memory, wasmAlloc, process: run } = instance.exports;
    const put = (bytes) => {
      const pointer = wasmAlloc(bytes.byteLength);
      new Uint8Array(memory.buffer).set(bytes, pointer);
      return [pointer, bytes.byteLength, bytes.byteLength];
    };
    const [name, text, stop] = [put(encoder.encode('')), put(encoder.encode(script)), put(encoder.encode(''))];
    const result = new Uint8Array(memory.buffer).subarray(run(...name, ...text, false, true, 1, ...stop, 0, false, 2, true, true, true, false, false, false, false));
    return JSON.parse(decoder.decode(result.subarray(0, result.indexOf(0))));
  };
}

async function shSyntaxAdapter() {
  const sync = shSyntaxSync();
  return (script) => {
    const { file, parseError, message } = sync(script);
    if (parseError || message) return { commands: [], error: true };
    // Its JSON keeps only Pos/End of a statement's command: no node type, no words.
    const commands = [];
    const visit = (node) => {
      if (node && typeof node === 'object') {
        if (Array.isArray(node.Args)) commands.push({ pos: node.Pos.Offset, words: node.Args.map((word) => Buffer.from(script).subarray(word.Pos.Offset, word.End.Offset).toString()) });
        Object.values(node).forEach(visit);
      }
    };
    visit(file);
    return { commands: byPos(commands), error: false };
  };
}

async function treeSitterAdapter() {
  const { Parser, Language } = await import(pathToFileURL(modulePath('web-tree-sitter')).href);
  await Parser.init();
  const parser = new Parser();
  parser.setLanguage(await Language.load(packageFile('tree-sitter-bash', 'tree-sitter-bash.wasm')));
  const skipped = new Set(['variable_assignment', 'file_redirect', 'heredoc_redirect', 'herestring_redirect', 'comment']);
  // export/declare/local/unset get their own node types; `[ ... ]` becomes a test_command,
  // not a command, and is not counted as one.
  return (script) => {
    const tree = parser.parse(script);
    const commands = [];
    const visit = (node) => {
      if (node.type === 'command' && node.childForFieldName('name')) {
        const words = node.namedChildren.filter((child) => !skipped.has(child.type)).map((child) => child.text);
        commands.push({ pos: node.childForFieldName('name').startIndex, words });
      } else if (node.type === 'declaration_command' || node.type === 'unset_command') {
        commands.push({ pos: node.startIndex, words: [node.child(0).text, ...node.namedChildren.map((child) => child.text)] });
      }
      node.namedChildren.forEach(visit);
    };
    visit(tree.rootNode);
    const error = tree.rootNode.hasError;
    tree.delete();
    return { commands: byPos(commands), error };
  };
}

function bashParserAdapter() {
  const parse = require('bash-parser');
  return (script) => {
    const commands = [];
    // Nested scripts (substitutions) carry no locations; order them just after their parent.
    const visit = (node, basePos) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((child) => visit(child, basePos));
      const pos = node.loc?.start?.char ?? basePos;
      if (node.type === 'Command' && node.name) {
        const words = [node.name, ...(node.suffix ?? []).filter((part) => part.type === 'Word')];
        commands.push({ pos, words: words.map((word) => (word.loc ? script.slice(word.loc.start.char, word.loc.end.char + 1) : word.text)) });
      }
      for (const [key, value] of Object.entries(node)) if (key !== 'loc') visit(value, pos + 0.5);
    };
    visit(parse(script, { insertLOC: true }), 0);
    return { commands: byPos(commands), error: false };
  };
}

const candidates = [
  { name: 'unbash', version: '6.0.4', make: unbashAdapter, entry: `import { parse, forEachChild } from 'unbash'; globalThis.p = [parse, forEachChild];`, sync: 'yes' },
  { name: 'mvdan-sh', version: '0.10.1', make: mvdanAdapter, entry: `import sh from 'mvdan-sh'; globalThis.p = sh;`, sync: 'yes' },
  {
    name: 'sh-syntax', version: '0.7.0', make: shSyntaxAdapter, entry: `import { parse } from 'sh-syntax'; globalThis.p = parse;`,
    wasm: [['sh-syntax', 'main.wasm']], sync: 'no (async API; sync only with private glue)',
  },
  {
    name: 'web-tree-sitter + tree-sitter-bash', version: '0.27.1 + 0.25.1', make: treeSitterAdapter,
    entry: `import { Parser } from 'web-tree-sitter'; globalThis.p = Parser;`,
    wasm: [['web-tree-sitter', 'web-tree-sitter.wasm'], ['tree-sitter-bash', 'tree-sitter-bash.wasm']], sync: 'parse yes, init async',
  },
  { name: 'bash-parser', version: '0.5.0', make: bashParserAdapter, entry: `import parse from 'bash-parser'; globalThis.p = parse;`, sync: 'yes' },
];

async function bundledSize(candidate) {
  const out = await build({
    stdin: { contents: candidate.entry, resolveDir: dir, loader: 'js' },
    bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent',
  });
  const js = out.outputFiles[0].contents;
  const wasm = (candidate.wasm ?? []).map(([name, file]) => readFileSync(packageFile(name, file)));
  const all = [js, ...wasm];
  return {
    js: js.byteLength,
    wasm: wasm.reduce((sum, bytes) => sum + bytes.byteLength, 0),
    gzip: all.reduce((sum, bytes) => sum + gzipSync(bytes, { level: 9 }).byteLength, 0),
  };
}

const same = (actual, expected) => JSON.stringify(actual) === JSON.stringify(expected);

function score(parse) {
  const failures = [];
  let valid = 0;
  let broken = 0;
  let recovered = 0;
  for (const entry of corpus) {
    let result;
    let threw = false;
    try {
      result = parse(entry.script);
    } catch {
      threw = true;
    }
    if (entry.broken) {
      if (threw || result.error) broken++;
      else failures.push(entry.name);
      if (!threw && result.commands.length > 0) recovered++;
    } else if (!threw && !result.error && same(result.commands.map((command) => command.words), entry.commands)) {
      valid++;
    } else {
      failures.push(entry.name);
    }
  }
  return { valid, broken, recovered, failures };
}

// The fastest of up to five rounds (fewer for slow parsers): on a shared, loaded machine
// the minimum is the number that repeats.
function time(parse) {
  const bodies = Array.from({ length: runs }, (_, index) => timingBodies[index % timingBodies.length]);
  for (const body of bodies.slice(0, 500)) parse(body);
  const rounds = [];
  while (rounds.length < 5 && rounds.reduce((sum, ms) => sum + ms, 0) < 15000) {
    const started = performance.now();
    for (const body of bodies) parse(body);
    rounds.push(performance.now() - started);
  }
  return Math.min(...rounds);
}

const validCount = corpus.filter((entry) => !entry.broken).length;
const brokenCount = corpus.length - validCount;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

async function measureCandidate(candidate) {
  const parse = await candidate.make();
  const size = await bundledSize(candidate);
  const { valid, broken, recovered, failures } = score(parse);
  const ms = time(parse);
  const row = [
    `${candidate.name} ${candidate.version}`,
    `${valid}/${validCount}`,
    `${broken}/${brokenCount}`,
    `${recovered}/${brokenCount}`,
    candidate.sync,
    kb(size.js),
    size.wasm ? kb(size.wasm) : '-',
    kb(size.gzip),
    `${ms.toFixed(0)} ms`,
  ];
  if (failures.length > validCount / 2) return { row, note: `- ${candidate.name} fails ${failures.length} cases` };
  return { row, note: failures.length ? `- ${candidate.name} fails: ${failures.join('; ')}` : undefined };
}

// Our wrapper on the chosen parser, against dockerfile-ast parsing the same bodies as RUN
// lines: the floor the analysis budget is measured from.
async function measureOurs() {
  const { DockerfileParser } = createRequire(join(root, 'package.json'))('dockerfile-ast');
  const { parseShell, describeCommand } = await loadTs('server/src/engine/shell/index.ts');
  const steps = [
    ['dockerfile-ast parse of `RUN <body>` (reference)', (body) => DockerfileParser.parse(`RUN ${body}`)],
    ['shipshape parseShell (unbash + command list)', parseShell],
    ['shipshape parseShell + describeCommand of every command', (body) => parseShell(body).commands.forEach(describeCommand)],
  ];
  return steps.map(([name, run]) => [name, `${time(run).toFixed(0)} ms`]);
}

// Each measurement runs in a fresh process, so no parser pays for another's heap.
const only = option('--only', undefined);
if (only !== undefined) {
  const result = only === 'ours' ? await measureOurs() : await measureCandidate(candidates[Number(only)]);
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}
const child = (which) => JSON.parse(execFileSync(process.execPath, [new URL(import.meta.url).pathname, '--only', which, '--dir', dir, '--runs', String(runs)], { maxBuffer: 1 << 24 }).toString());
const results = candidates.map((_, index) => child(String(index)));

console.log(`Corpus: ${validCount} valid scripts, ${brokenCount} broken ones. Timing: parse and walk to the command list, ${runs} RUN bodies, a fresh process per parser, after 500 warm-up parses, fastest of up to 5 rounds. Node ${process.version}, load average ${loadAtStart.toFixed(1)} at the start.\n`);
const header = ['parser', 'commands right', 'errors reported', 'partial result on error', 'synchronous', 'JS min', 'WASM', 'gzip total', `${runs} bodies`];
console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const { row } of results) console.log(`| ${row.join(' | ')} |`);
console.log(`\n${results.flatMap(({ note }) => note ?? []).join('\n')}\n`);
console.log(`| step | ${runs} bodies |\n|---|---|`);
for (const [name, ms] of child('ours')) console.log(`| ${name} | ${ms} |`);
