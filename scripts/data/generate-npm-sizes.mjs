// Writes server/src/engine/size/data/npm-packages.json: what `npm install <package>` puts in
// node_modules for common packages, measured: the seeds (scripts/data/npm-seeds.txt) are
// installed together with the ordinary npm client into a temporary folder (linux/x64, so
// platform packages such as @esbuild/linux-x64 are the ones an amd64 image gets; install scripts
// are not run), every installed package folder is measured (regular file sizes, its own nested
// node_modules left out), and each seed's closure is read from package-lock.json the way Node
// resolves (the nearest node_modules up the tree). Run `npm run data:npm` to refresh, then commit.
//
//   node scripts/data/generate-npm-sizes.mjs [--work DIR] [--as-of YYYY-MM-DD]
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('../..', import.meta.url).pathname;
const { values: options } = parseArgs({ options: { work: { type: 'string' }, 'as-of': { type: 'string' } } });
const asOf = options['as-of'] ?? new Date().toISOString().slice(0, 10);
const seeds = readFileSync(join(root, 'scripts/data/npm-seeds.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

const work = options.work ?? mkdtempSync(join(tmpdir(), 'shipshape-npm-'));
mkdirSync(work, { recursive: true });
writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'size-seeds', private: true, dependencies: Object.fromEntries(seeds.map((name) => [name, 'latest'])) }));
execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps'], { cwd: work, stdio: 'inherit' });
const npmVersion = execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim();
const lock = JSON.parse(readFileSync(join(work, 'package-lock.json'), 'utf8')).packages;

/** Bytes of the regular files under a package folder, its nested node_modules left out. */
function folderBytes(dir) {
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) bytes += folderBytes(path);
    else if (entry.isFile()) bytes += lstatSync(path).size;
  }
  return bytes;
}

/** The lock path Node resolves `name` to from the package at `from` (walking up node_modules). */
function resolve(from, name) {
  let base = from;
  for (;;) {
    const candidate = `${base ? `${base}/` : ''}node_modules/${name}`;
    if (lock[candidate]) return candidate;
    if (!base) return undefined;
    const index = base.lastIndexOf('/node_modules/');
    base = index < 0 ? '' : base.slice(0, index);
  }
}

const sizes = new Map();
const keyOf = (path) => `${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${lock[path].version}`;
function closure(start) {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const path = queue.shift();
    const entry = lock[path];
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
      const target = resolve(path, name);
      // Optional packages for other platforms are in the lock but not on disk.
      if (target && !seen.has(target) && existsSync(join(work, target))) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return [...seen];
}

const packages = {};
const seedsOut = {};
for (const seed of seeds) {
  const path = `node_modules/${seed}`;
  if (!lock[path]) {
    console.warn(`${seed}: not installed, left out`);
    continue;
  }
  const members = closure(path);
  for (const member of members) {
    const key = keyOf(member);
    if (!sizes.has(key)) sizes.set(key, folderBytes(join(work, member)));
    packages[key] = sizes.get(key);
  }
  seedsOut[seed] = { version: lock[path].version, closure: members.map(keyOf).sort() };
}

const output = join(root, 'server/src/engine/size/data/npm-packages.json');
const data = {
  asOf,
  source: `npm install --ignore-scripts (npm ${npmVersion}, registry.npmjs.org, linux/x64) of scripts/data/npm-seeds.txt; bytes of regular files per installed package folder`,
  seeds: seedsOut,
  packages,
};
writeFileSync(output, `${JSON.stringify(data)}\n`);
console.log(`${output}: ${Object.keys(seedsOut).length} seeds, ${Object.keys(packages).length} packages, ${(JSON.stringify(data).length / 1024).toFixed(0)} KB`);
if (!options.work) rmSync(work, { recursive: true, force: true });
