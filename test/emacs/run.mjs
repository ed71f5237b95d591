#!/usr/bin/env node
// Emacs with Eglot, in batch mode, against the standalone language server, configured as
// docs/editors.md says (test/emacs/check.el): diagnostics, a setting, fix-all, re-analysis.
// Needs Debian's emacs-nox, elpa-eglot and elpa-dockerfile-mode ($EMACS overrides the binary)
// and a build (`npm run build`). Prints one line per check, then "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const emacs = process.env.EMACS ?? 'emacs';

function finish(lines) {
  const passed = lines.filter((line) => line.startsWith('ok - ')).length;
  for (const line of lines) console.log(line);
  console.log(`${passed} passed, ${lines.length - passed} failed`);
  process.exit(passed > 0 && passed === lines.length ? 0 : 1);
}

const version = spawnSync(emacs, ['--version'], { encoding: 'utf8' });
if (version.status !== 0) finish([`not ok - Emacs is installed: cannot run ${emacs} (apt-get install emacs-nox elpa-eglot elpa-dockerfile-mode)`]);
console.log(version.stdout.split('\n')[0]);
if (!existsSync(join(root, 'dist', 'server.js'))) finish(['not ok - the server is built: no dist/server.js (npm run build)']);

const work = mkdtempSync(join(tmpdir(), 'shipshape-emacs-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
// `shipshape-language-server` on the PATH, as `npm install --global shipshape` puts it there.
mkdirSync(join(work, 'bin'));
symlinkSync(join(root, 'bin', 'shipshape-language-server.js'), join(work, 'bin', 'shipshape-language-server'));
const dockerfile = join(work, 'project', 'Dockerfile');
mkdirSync(dirname(dockerfile));
writeFileSync(dockerfile, 'FROM node:latest\nWORKDIR /app\nCMD node server.js\n');
const results = join(work, 'results.txt');
const run = spawnSync(emacs, ['--batch', '-q', '-l', join(root, 'test', 'emacs', 'check.el')], {
  cwd: dirname(dockerfile),
  encoding: 'utf8',
  timeout: 120_000,
  killSignal: 'SIGKILL',
  // HOME keeps Emacs' state and Eglot's events out of the user's; the server runs under this Node.
  env: { ...process.env, HOME: work, PATH: `${join(work, 'bin')}:${dirname(process.execPath)}:${process.env.PATH}`, SHIPSHAPE_DOCKERFILE: dockerfile, SHIPSHAPE_EMACS_RESULTS: results },
});
const lines = existsSync(results) ? readFileSync(results, 'utf8').split('\n').filter(Boolean) : [];
if (run.status !== 0 || lines.length === 0) lines.push(`not ok - Emacs exits cleanly after the checks: ${run.error ?? `exit ${run.status ?? run.signal}`}\n${run.stdout}${run.stderr}`);
finish(lines);
