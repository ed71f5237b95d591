// Server round trip and memory, in one run, against Docker's own Dockerfile language server
// (dockerfile-language-server-nodejs, what Docker's VS Code extensions run): each fixture
// opened in turn (didOpen → publishDiagnostics, p50/p95/p99), then 500 documents held open
// (resident memory of each server). Needs `npm run build` first (it runs dist/server.js).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, require } from './measure.mjs';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

const fixtures = readdirSync(join(root, 'test/fixtures/dockerfiles'))
  .map((name) => join(root, 'test/fixtures/dockerfiles', name, 'Dockerfile'))
  .filter((path) => existsSync(path))
  .map((path) => readFileSync(path, 'utf8'))
  .filter((text) => text.trim() !== '');
const HELD_OPEN = 500;

const servers = [
  { name: 'dockerfile-language-server-nodejs', args: [require.resolve('dockerfile-language-server-nodejs/bin/docker-langserver'), '--stdio'] },
  { name: 'Shipshape (every rule)', args: [join(root, 'dist/server.js'), '--stdio'] },
];

async function start({ args }) {
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    waiting.get(params.uri)?.();
    waiting.delete(params.uri);
  });
  // Both may ask for settings or register capabilities: answer like a plain client.
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, workspaceFolders: null });
  await connection.sendNotification('initialized', {});
  const open = (uri, text) => {
    const published = new Promise((resolve) => waiting.set(uri, resolve));
    void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
    return published;
  };
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
  return { open, rssMb, stop: () => child.kill() };
}

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

const rows = [];
for (const server of servers) {
  const running = await start(server);
  // Warm up on a few documents, then time each fixture alone.
  for (let i = 0; i < 20; i++) await running.open(`file:///warm/${i}/Dockerfile`, fixtures[i % fixtures.length]);
  const times = [];
  for (let round = 0; round < 3; round++) {
    for (const [i, text] of fixtures.entries()) {
      const started = performance.now();
      await running.open(`file:///timed/${round}/${i}/Dockerfile`, text);
      times.push(performance.now() - started);
    }
  }
  await Promise.all(Array.from({ length: HELD_OPEN }, (_, i) => running.open(`file:///held/${i}/Dockerfile`, fixtures[i % fixtures.length])));
  rows.push({ name: server.name, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), rss: running.rssMb() });
  running.stop();
}

const [reference] = rows;
console.log(`Machine: ${process.arch}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${fixtures.length} fixtures × 3 rounds, then ${HELD_OPEN} documents held open\n`);
console.log('| server | didOpen → diagnostics p50 | p95 | p99 | × reference (p50) | RSS with 500 open |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const row of rows) {
  console.log(`| ${row.name} | ${row.p50.toFixed(1)} ms | ${row.p95.toFixed(1)} ms | ${row.p99.toFixed(1)} ms | ${(row.p50 / reference.p50).toFixed(2)} | ${row.rss.toFixed(0)} MB |`);
}
