// Server round trip and memory, in one run, against Docker's own Dockerfile language server
// (dockerfile-language-server-nodejs, what Docker's VS Code extensions run): each fixture
// opened in turn (didOpen → publishDiagnostics, p50/p95/p99), then 500 documents held open
// (resident memory of each server); then typing: bursts of keystrokes (incremental didChange,
// one every 30 ms, as a quick typist) into a realistic Dockerfile and manifest and into large
// ones, timed from the last keystroke of a burst to the diagnostics of that last version.
// Needs `node scripts/build.mjs --production` first: it runs dist/server.js, minified as the
// .vsix ships it (the development bundle keeps comments, and its source text alone is 6 MB of
// each thread's heap).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root, require } from './measure.mjs';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const fixtures = readdirSync(join(root, 'test/fixtures/dockerfiles'))
  .map((name) => join(root, 'test/fixtures/dockerfiles', name, 'Dockerfile'))
  .filter((path) => existsSync(path))
  .map((path) => readFileSync(path, 'utf8'))
  .filter((text) => text.trim() !== '');
const HELD_OPEN = 500;
const SETTLE_MS = 2000;
const KEYSTROKE_MS = 30;
const BURSTS = 20;
const WORD = 'curl -v';

const read = (path) => readFileSync(join(root, path), 'utf8');
const realisticDockerfile = read('test/fixtures/dockerfiles/official-python/Dockerfile');
const realisticManifest = read('examples/k8s/deployment.yaml');
/** About `lines` lines of the realistic file, repeated (as stages or as documents). */
const repeated = (text, separator, lines) => Array.from({ length: Math.ceil(lines / text.split('\n').length) }, () => text).join(separator);
const typingInputs = [
  { name: 'Dockerfile, 96 lines (official-python)', languageId: 'dockerfile', file: 'Dockerfile', text: realisticDockerfile },
  { name: 'Dockerfile, 10,000 lines', languageId: 'dockerfile', file: 'Dockerfile', text: repeated(realisticDockerfile, '\n', 10_000) },
  { name: 'manifest, 105 lines (examples/k8s)', languageId: 'yaml', file: 'deployment.yaml', text: realisticManifest },
  { name: 'manifest, 50,000 lines', languageId: 'yaml', file: 'deployment.yaml', text: repeated(realisticManifest, '---\n', 50_000) },
];

const servers = [
  { name: 'dockerfile-language-server-nodejs', args: [require.resolve('dockerfile-language-server-nodejs/bin/docker-langserver'), '--stdio'], languages: ['dockerfile'] },
  // With the V8 flag VS Code's client starts it with (client/src/extension.ts); every finding published, as for other editors.
  { name: 'Shipshape (every rule)', args: ['--max-semi-space-size=1', join(root, 'dist/server.js'), '--stdio'], languages: ['dockerfile', 'yaml'] },
  // As VS Code's client also starts it: at most the 1,000 diagnostics per file VS Code shows.
  { name: 'Shipshape (every rule) capped at 1,000 per file, as VS Code starts it', args: ['--max-semi-space-size=1', join(root, 'dist/server.js'), '--stdio'], languages: ['dockerfile', 'yaml'], initializationOptions: { maxDiagnosticsPerFile: 1000 }, typingOnly: true },
  // ShellCheck runs in processes beside the analyses: how much of the typing figure it is.
  { name: 'Shipshape without ShellCheck', args: ['--max-semi-space-size=1', join(root, 'dist/server.js'), '--stdio'], languages: ['dockerfile'], settings: { shellcheck: { enable: false } }, typingOnly: true },
];

async function start({ args, settings = null, initializationOptions }) {
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  /** Publishes per document, in order: docker-langserver sends no version, one publish per change. */
  const publishes = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    publishes.set(params.uri, (publishes.get(params.uri) ?? 0) + 1);
    waiting.get(params.uri)?.(params);
  });
  // Both may ask for settings or register capabilities: answer like a plain client.
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, workspaceFolders: null, initializationOptions });
  await connection.sendNotification('initialized', {});
  /** Resolves at the first publish for `uri` that `accept` takes (given the publish count so far). */
  const published = (uri, accept = () => true) =>
    new Promise((resolve) =>
      waiting.set(uri, (params) => {
        if (!accept(params, publishes.get(uri))) return;
        waiting.delete(uri);
        resolve(params);
      }),
    );
  const open = (uri, text, languageId = 'dockerfile') => {
    const done = published(uri);
    void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return done;
  };
  const close = (uri) => connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  /** Types `word` one character at a time at `position`; resolves with the ms from the last keystroke to its diagnostics. */
  const type = async (uri, fromVersion, position, word) => {
    const before = publishes.get(uri) ?? 0;
    const lastVersion = fromVersion + word.length;
    // Shipshape names the version; docker-langserver publishes once per change, in order.
    const done = published(uri, (params, count) => params.version === lastVersion || (params.version === undefined && count >= before + word.length));
    let sentLast = 0;
    for (let i = 0; i < word.length; i++) {
      const at = { line: position.line, character: position.character + i };
      sentLast = performance.now();
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: fromVersion + i + 1 }, contentChanges: [{ range: { start: at, end: at }, text: word[i] }] });
      if (i < word.length - 1) await new Promise((resolve) => setTimeout(resolve, KEYSTROKE_MS));
    }
    await done;
    return performance.now() - sentLast;
  };
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
  /** CPU time the server used so far, all its threads and the child processes it waited for (ShellCheck): less noisy than wall time on a shared machine. */
  const cpuMs = () => {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime, stime, cutime, cstime (fields 14-17 of proc(5)), in clock ticks of 10 ms.
    return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) * 10;
  };
  return { open, close, type, rssMb, cpuMs, stop: () => child.kill() };
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

// --only round-trip | typing: one part alone; --document <part of its name>: the typing inputs that match.
const { values: options } = parseArgs({ options: { only: { type: 'string' }, document: { type: 'string' } } });
const rows = [];
for (const server of options.only === 'typing' ? [] : servers.filter((candidate) => !candidate.typingOnly)) {
  const running = await start(server);
  // Warm up on a few documents, then time each fixture alone.
  const opened = [];
  for (let i = 0; i < 20; i++) {
    opened.push(`file:///warm/${i}/Dockerfile`);
    await running.open(opened.at(-1), fixtures[i % fixtures.length]);
  }
  const times = [];
  const cpuBefore = running.cpuMs();
  for (let round = 0; round < 3; round++) {
    for (const [i, text] of fixtures.entries()) {
      opened.push(`file:///timed/${round}/${i}/Dockerfile`);
      const started = performance.now();
      await running.open(opened.at(-1), text);
      times.push(performance.now() - started);
    }
  }
  const cpuPerOpen = (running.cpuMs() - cpuBefore) / times.length;
  // Exactly HELD_OPEN documents open when the memory is read, after a pause for the work they
  // started (ShellCheck, garbage collection) to settle.
  for (const uri of opened) await running.close(uri);
  await Promise.all(Array.from({ length: HELD_OPEN }, (_, i) => running.open(`file:///held/${i}/Dockerfile`, fixtures[i % fixtures.length])));
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  rows.push({ name: server.name, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), cpuPerOpen, rss: running.rssMb() });
  running.stop();
}

// Typing, in a fresh server per input: each burst types WORD at the end of a line in the middle
// of the file (a RUN's last line, a manifest's last line of a document), the next burst after that.
const typingRows = [];
for (const input of options.only === 'round-trip' ? [] : typingInputs.filter((candidate) => candidate.name.includes(options.document ?? ''))) {
  for (const server of servers.filter((candidate) => candidate.languages.includes(input.languageId))) {
    const running = await start(server);
    const uri = `file:///typing/${input.file}`;
    await running.open(uri, input.text, input.languageId);
    const lines = input.text.split('\n');
    let line = Math.floor(lines.length / 2);
    while (lines[line].trim() === '' || lines[line].endsWith('\\')) line++;
    let version = 1;
    const latencies = [];
    for (let burst = 0; burst < BURSTS; burst++) {
      const character = lines[line].length + burst * WORD.length;
      latencies.push(await running.type(uri, version, { line, character }, WORD));
      version += WORD.length;
    }
    typingRows.push({ input: input.name, name: server.name, p50: percentile(latencies, 50), p95: percentile(latencies, 95) });
    running.stop();
  }
}

const reference = servers[0];
console.log(`Machine: ${process.arch}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${fixtures.length} fixtures × 3 rounds, then ${HELD_OPEN} documents held open\n`);
console.log('| server | didOpen → diagnostics p50 | p95 | p99 | × reference (p50) | CPU per open | RSS with 500 open |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  console.log(`| ${row.name} | ${row.p50.toFixed(1)} ms | ${row.p95.toFixed(1)} ms | ${row.p99.toFixed(1)} ms | ${(row.p50 / rows[0].p50).toFixed(2)} | ${row.cpuPerOpen.toFixed(1)} ms | ${row.rss.toFixed(0)} MB |`);
}
console.log(`\nTyping: ${BURSTS} bursts of "${WORD}" (one keystroke every ${KEYSTROKE_MS} ms), last keystroke → diagnostics of that version\n`);
console.log('| document | server | p50 | p95 | × reference (p95) |');
console.log('|---|---|---:|---:|---:|');
for (const row of typingRows) {
  const referenceRow = typingRows.find((other) => other.input === row.input && other.name === reference.name);
  console.log(`| ${row.input} | ${row.name} | ${row.p50.toFixed(1)} ms | ${row.p95.toFixed(1)} ms | ${referenceRow ? (row.p95 / referenceRow.p95).toFixed(2) : '–'} |`);
}
