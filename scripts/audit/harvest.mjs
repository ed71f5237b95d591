#!/usr/bin/env node
// Real-world audit corpus: the Dockerfiles and Kubernetes manifests that a few container
// projects' Debian source packages ship, deduplicated by content and checked with the built
// CLI. Nothing here is committed: the sources land in a cache (SHIPSHAPE_AUDIT_CACHE, default
// ~/.cache/shipshape-audit) and the findings in <cache>/findings.json for docs/real-world-audit.md.
//
//   node scripts/build.mjs && node scripts/audit/harvest.mjs [--refresh]
//
// The packages are fetched by name with apt-get's own source download (a private deb-src list
// and state folder, so the machine's apt setup is untouched). Files stay where their project
// keeps them, so build contexts, .dockerignore files and kustomizations around them count.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadShipshape } from '../bench/measure.mjs';

// Container tooling whose sources hold Dockerfiles, Containerfiles and manifests written by
// their authors for real use (images, addons, examples, tests).
const PACKAGES = [
  'kubernetes',
  'docker.io',
  'golang-github-containers-buildah',
  'libpod',
  'golang-github-openshift-imagebuilder',
  'containerd',
  'etcd',
  'prometheus',
  'helm',
  'python-kubernetes',
  'python-openshift',
  'docker-compose',
  'python-docker',
  'docker-registry',
  'podman-compose',
  'kubernetes-split-yaml',
];
const SUITE = 'bookworm';
const BATCH = 150;

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cache = process.env.SHIPSHAPE_AUDIT_CACHE ?? join(homedir(), '.cache', 'shipshape-audit');
const refresh = process.argv.includes('--refresh');

function aptOptions() {
  const apt = join(cache, 'apt');
  for (const dir of ['lists/partial', 'cache/archives/partial']) mkdirSync(join(apt, dir), { recursive: true });
  writeFileSync(join(apt, 'sources.list'), `deb-src http://deb.debian.org/debian ${SUITE} main\n`);
  return [`-o`, `Dir::Etc::SourceList=${join(apt, 'sources.list')}`, '-o', 'Dir::Etc::SourceParts=/dev/null', '-o', `Dir::State::Lists=${join(apt, 'lists')}`, '-o', `Dir::Cache=${join(apt, 'cache')}`];
}

function fetchSources() {
  const options = aptOptions();
  const lists = readdirSync(join(cache, 'apt', 'lists'));
  if (refresh || !lists.some((name) => name.includes('Sources'))) execFileSync('apt-get', [...options, '-qq', 'update'], { stdio: 'inherit' });
  for (const name of PACKAGES) {
    const tree = join(cache, 'src', name);
    if (existsSync(tree) && !refresh) continue;
    const download = join(cache, 'download', name);
    rmSync(download, { recursive: true, force: true });
    mkdirSync(download, { recursive: true });
    // A version the mirror no longer holds is skipped, not fatal: the rest of the corpus still counts.
    const fetched = spawnSync('apt-get', [...options, '-qq', 'source', '--download-only', name], { cwd: download, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
    if (fetched.status !== 0) {
      console.error(`skipped ${name}: ${fetched.stderr.split('\n').find((line) => line.startsWith('E:')) ?? `apt-get exit ${fetched.status}`}`);
      continue;
    }
    rmSync(tree, { recursive: true, force: true });
    mkdirSync(tree, { recursive: true });
    // Upstream tarballs only (the main one and any component ones): Debian's packaging adds no Dockerfiles.
    for (const archive of readdirSync(download).filter((file) => /\.orig(-[\w.-]+)?\.tar\.\w+$/.test(file))) {
      const component = archive.match(/\.orig-([\w.-]+)\.tar/)?.[1];
      const into = component ? join(tree, component) : tree;
      mkdirSync(into, { recursive: true });
      execFileSync('tar', ['-xf', join(download, archive), '-C', into, '--no-same-owner']);
    }
  }
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git' && entry.name !== 'node_modules') yield* walk(path);
    } else if (entry.isFile()) yield path;
  }
}

/**
 * The first copy of every distinct Dockerfile and manifest, in a stable order, chosen as
 * `shipshape check <folder>` chooses them (the engine's own name and manifest tests).
 */
function collect({ documentKindForPath, looksLikeManifest }) {
  const seen = new Set();
  const files = [];
  for (const name of PACKAGES) {
    const tree = join(cache, 'src', name);
    if (!existsSync(tree)) continue;
    for (const path of [...walk(tree)].sort()) {
      const kind = { dockerfile: 'dockerfile', kubernetes: 'manifest' }[documentKindForPath(path)];
      if (!kind || statSync(path).size > 2_000_000) continue;
      const text = readFileSync(path);
      if (kind === 'manifest' && !looksLikeManifest(text.toString('utf8'))) continue;
      const hash = createHash('sha256').update(text).digest('hex');
      if (seen.has(hash)) continue;
      seen.add(hash);
      files.push({ path, kind, package: name });
    }
  }
  return files;
}

function check(files) {
  const cli = join(repo, 'bin', 'shipshape.js');
  const findings = [];
  const syntaxErrors = [];
  const problems = [];
  for (let start = 0; start < files.length; start += BATCH) {
    const batch = files.slice(start, start + BATCH).map((file) => file.path);
    const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--fail-on', 'none', ...batch], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (run.stderr.trim()) problems.push(...run.stderr.trim().split('\n'));
    if (run.status !== 0 && run.status !== 2) problems.push(`exit ${run.status} on batch starting ${batch[0]}`);
    const report = JSON.parse(run.stdout);
    findings.push(...report.findings);
    syntaxErrors.push(...report.syntaxErrors);
  }
  const shorten = (entry) => ({ ...entry, file: relative(join(cache, 'src'), entry.file) });
  return { findings: findings.map(shorten), syntaxErrors: syntaxErrors.map(shorten), problems };
}

fetchSources();
const files = collect(await loadShipshape());
const result = check(files);
function counts(items, key) {
  const tally = new Map();
  for (const item of items) tally.set(key(item), (tally.get(key(item)) ?? 0) + 1);
  return [...tally].sort((a, b) => b[1] - a[1]);
}
const corpus = files.map((file) => ({ ...file, path: relative(join(cache, 'src'), file.path) }));
writeFileSync(join(cache, 'findings.json'), JSON.stringify({ corpus, ...result }, null, 1));

const contributing = new Set(files.map((file) => file.package)).size;
console.log(`corpus: ${files.filter((f) => f.kind === 'dockerfile').length} Dockerfiles, ${files.filter((f) => f.kind === 'manifest').length} manifest files, from ${contributing} of ${PACKAGES.length} packages`);
for (const [name, count] of counts(files, (f) => f.package)) console.log(`  ${name}: ${count}`);
console.log(`findings: ${result.findings.length}; syntax errors: ${result.syntaxErrors.length}; CLI problems: ${result.problems.length}`);
for (const [rule, count] of counts(result.findings, (f) => f.rule)) console.log(`  ${rule}: ${count}`);
for (const problem of result.problems) console.log(`  problem: ${problem}`);
console.log(`details: ${join(cache, 'findings.json')}`);
