#!/usr/bin/env node
// Neovim, headless, against the standalone language server (bin/shipshape-language-server.js)
// on a Dockerfile with known findings: diagnostics, settings, a quick fix, re-analysis. Needs
// `nvim` (Debian's 0.7.2 is enough; $NVIM overrides) and a build (`npm run build`). Prints
// one line per check of test/nvim/check.lua, then "N passed, N failed"; exits 1 on a failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nvim = process.env.NVIM ?? 'nvim';
const TIMEOUT_MS = 90_000;

function finish(lines) {
  const passed = lines.filter((line) => line.startsWith('ok - ')).length;
  const failed = lines.length - passed;
  for (const line of lines) console.log(line);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

const version = spawnSync(nvim, ['--version'], { encoding: 'utf8' });
if (version.status !== 0) finish([`not ok - Neovim is installed: cannot run ${nvim} (apt-get install neovim)`]);
console.log(version.stdout.split('\n')[0]);
if (!existsSync(join(root, 'dist', 'server.js'))) finish(['not ok - the server is built: no dist/server.js (npm run build)']);

const work = mkdtempSync(join(tmpdir(), 'shipshape-nvim-'));
let child;
const cleanup = () => {
  // nvim runs in its own process group with the server it started: end them together.
  if (child && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(work, { recursive: true, force: true });
};
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const dockerfile = join(work, 'Dockerfile');
writeFileSync(dockerfile, 'FROM node:latest\nWORKDIR /app\nCMD node server.js\n');
const results = join(work, 'results.txt');
const env = {
  ...process.env,
  SHIPSHAPE_NODE: process.execPath,
  SHIPSHAPE_SERVER: join(root, 'bin', 'shipshape-language-server.js'),
  SHIPSHAPE_NVIM_RESULTS: results,
  // Keep Neovim's state, cache and LSP log out of the user's home.
  XDG_CONFIG_HOME: join(work, 'config'),
  XDG_DATA_HOME: join(work, 'data'),
  XDG_STATE_HOME: join(work, 'state'),
  XDG_CACHE_HOME: join(work, 'cache'),
};

child = spawn(nvim, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(root, 'test', 'nvim', 'check.lua')}`, dockerfile], {
  cwd: work,
  env,
  detached: true,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
const timer = setTimeout(() => {
  console.log(`Neovim did not finish within ${TIMEOUT_MS / 1000} s`);
  process.kill(-child.pid, 'SIGKILL');
}, TIMEOUT_MS);
child.on('close', (code, signal) => {
  clearTimeout(timer);
  const lines = existsSync(results) ? readFileSync(results, 'utf8').split('\n').filter(Boolean) : [];
  if (code !== 0 || lines.length === 0) {
    const log = join(work, 'cache', 'nvim', 'lsp.log');
    lines.push(`not ok - Neovim exits cleanly after the checks: exit ${code ?? signal}${output ? `\n${output}` : ''}${existsSync(log) ? `\n${readFileSync(log, 'utf8')}` : ''}`);
  }
  finish(lines);
});
