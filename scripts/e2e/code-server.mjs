// Starts isolated code-server instances (a real VS Code, served to a browser) and the
// Debian Chromium that drives them, for the UI test and the extension-host suite.
// scripts/e2e/setup.sh installs both; SHIPSHAPE_E2E_CACHE points at its cache.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';

const cache = process.env.SHIPSHAPE_E2E_CACHE ?? join(homedir(), '.cache', 'shipshape-e2e');
const node24 = join(cache, 'node24', 'bin', 'node');
const entry = join(cache, 'code-server', 'lib', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromiumPath = process.env.SHIPSHAPE_E2E_CHROMIUM ?? '/usr/bin/chromium';

// Quiet, reproducible workbench: no welcome page, AI panels, update checks or trust prompts.
const settings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
};

// Every running instance and temp dir, so that a crash or a signal (CI's timeout) still
// stops and removes them all.
const running = new Set();
const tempDirs = [];
process.on('exit', () => {
  running.forEach((child) => killGroup(child, 'SIGKILL'));
  for (const dir of tempDirs) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch (error) {
      console.error(`[e2e] could not remove ${dir}: ${error.message}`);
    }
  }
});
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]]) {
  process.once(signal, () => {
    console.error(`[e2e] ${signal}: stopping code-server`);
    process.exit(128 + number);
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** A fresh temp dir, removed when the process exits. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `shipshape-${prefix}-`));
  tempDirs.push(dir);
  return dir;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Starts code-server with fresh user-data and extension folders in a temp dir, after
 * installing `vsix` when given; `args` go to code-server as they are.
 * Resolves once /healthz answers, to { url, host, stop(resultsDir) }: stop() ends the
 * instance and copies its logs into resultsDir when given.
 */
export async function startCodeServer({ vsix, args = [] } = {}) {
  if (!existsSync(entry) || !existsSync(node24)) {
    throw new Error(`code-server is not installed in ${cache}: run scripts/e2e/setup.sh`);
  }
  const dir = tempDir('code-server');
  mkdirSync(join(dir, 'user', 'User'), { recursive: true });
  writeFileSync(join(dir, 'user', 'User', 'settings.json'), JSON.stringify(settings, null, 2));
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
    EXTENSIONS_GALLERY: '{}',
  };
  const profile = ['--config', join(dir, 'config.yaml'), '--user-data-dir', join(dir, 'user'), '--extensions-dir', join(dir, 'ext')];
  if (vsix) {
    execFileSync(node24, [entry, ...profile, '--install-extension', vsix], { env, stdio: 'pipe', timeout: 120_000 });
  }

  const port = await freePort();
  const log = join(dir, 'code-server.log');
  const output = openSync(log, 'a');
  // detached = setsid: code-server forks helpers (extension host, pty host, file watcher)
  // that only a signal to the whole process group stops.
  const child = spawn(
    node24,
    [entry, ...profile, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
      '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', ...args],
    { env, detached: true, stdio: ['ignore', output, output] },
  );
  running.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  async function stop(resultsDir) {
    if (running.delete(child)) {
      killGroup(child, 'SIGTERM');
      await Promise.race([exited, sleep(5000)]);
      killGroup(child, 'SIGKILL');
    }
    if (resultsDir) {
      mkdirSync(resultsDir, { recursive: true });
      cpSync(log, join(resultsDir, 'code-server.log'));
      // VS Code's own logs: extension host, output channels (the Shipshape one included).
      if (existsSync(join(dir, 'user', 'logs'))) cpSync(join(dir, 'user', 'logs'), join(resultsDir, 'vscode-logs'), { recursive: true });
    }
  }

  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ; await sleep(250)) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`code-server exited with ${child.exitCode} before answering:\n${readFileSync(log, 'utf8').slice(-3000)}`);
    }
    if (await fetch(`${url}/healthz`).then((response) => response.ok, () => false)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s:\n${readFileSync(log, 'utf8').slice(-3000)}`);
    }
  }
  return { url, host: `127.0.0.1:${port}`, stop };
}

/** A headless Chromium with a throwaway profile: resolves to { page, close() }. */
export async function launchBrowser() {
  const profile = tempDir('chromium');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  return { page, close: () => context.close() };
}
