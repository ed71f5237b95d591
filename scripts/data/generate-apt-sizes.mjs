// Writes server/src/engine/size/data/apt-<release>.json: what each common Debian package and its
// dependency closure puts on disk, for the apt estimator (server/src/engine/size/apt.ts). The
// engine reads only those files; run this (`npm run data:apt`) to refresh them, then commit.
//
//   node scripts/data/generate-apt-sizes.mjs [--release bookworm --release trixie] [--cache DIR]
//        [--root bookworm=DIR ...] [--as-of YYYY-MM-DD]
//
// Sources, all from Debian's archive (deb.debian.org):
// - dists/<release>/main/binary-amd64/Packages.xz: names, versions, Installed-Size, Depends,
//   Pre-Depends, Recommends, Provides, Priority. The Release file's date is recorded.
// - Every shipped package's .deb (pool/...): the size of each file it unpacks (`dpkg-deb -c`)
//   and of its control files (`dpkg-deb -I`). From them: the bytes of regular files, the bytes
//   the slim images' dpkg `path-exclude` rules drop (docs, man pages, locales), and the bytes
//   dpkg's own database gains (info/<package>.list, md5sums, maintainer scripts, the status
//   entry). Installed-Size overstates a slim image's layer (design.md: 323 MB said, 247 MB
//   measured for build-essential); these per-file sums are what unpacking really writes.
// - Which packages ship: the closure (Depends, Pre-Depends, Recommends) of scripts/data/apt-seeds.txt
//   and of every `apt-get install` in test/fixtures/dockerfiles, so the .vsix stays small.
// - Installed sets: `debian-minbase` is what debootstrap --variant=minbase installs (the packages
//   of Priority required, plus apt), which is how the official debian images are built; the
//   buildpack-deps sets follow that image family's Dockerfiles (lists below, with their source).
//   With --root <release>=DIR (a debootstrapped root) the minbase set is checked against it and
//   the bytes of dpkg's state files there are recorded.
// - pythonBytecode: the .pyc bytes Debian's py3compile writes per byte of Python source under
//   /usr/lib/python3*, measured by scripts/size-accuracy/measure.mjs --root-figures (it installs
//   python3 in the debootstrapped root and sums both) and recorded in scripts/data/python-bytecode.json.
// - aptListsBytes: what `apt-get update` leaves in /var/lib/apt/lists of a debian image (sources
//   <release>, <release>-updates, <release>-security, indexes kept compressed as the images
//   configure apt), measured by scripts/size-accuracy/measure.mjs --root-figures and recorded in
//   scripts/data/apt-lists.json.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MIRROR, cacheDir, cachedDownload, closure, parseRelation, pickProvider, providersOf, readPackages, releaseInfo } from './debian-index.mjs';

const root = new URL('../..', import.meta.url).pathname;
const { values: options } = parseArgs({
  options: {
    release: { type: 'string', multiple: true, default: ['bookworm', 'trixie'] },
    cache: { type: 'string' },
    root: { type: 'string', multiple: true, default: [] },
    'as-of': { type: 'string' },
  },
});
const asOf = options['as-of'] ?? new Date().toISOString().slice(0, 10);
const cache = cacheDir(options.cache);
const roots = Object.fromEntries(options.root.map((pair) => pair.split('=')));

// The dpkg filters of the official `-slim` images (and of distroless' Debian packages): last match wins.
export const SLIM_PATH_FILTERS = [
  ['exclude', '/usr/share/doc/*'],
  ['include', '/usr/share/doc/*/copyright'],
  ['exclude', '/usr/share/man/*'],
  ['exclude', '/usr/share/groff/*'],
  ['exclude', '/usr/share/info/*'],
  ['exclude', '/usr/share/lintian/*'],
  ['exclude', '/usr/share/linda/*'],
  ['exclude', '/usr/share/locale/*'],
];

/** dpkg matches filters with fnmatch(3) without FNM_PATHNAME: `*` also crosses `/`. */
function globToRegExp(glob) {
  return new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}
const FILTERS = SLIM_PATH_FILTERS.map(([kind, glob]) => [kind, globToRegExp(glob)]);
function slimExcludes(path) {
  let excluded = false;
  for (const [kind, pattern] of FILTERS) if (pattern.test(path)) excluded = kind === 'exclude';
  return excluded;
}

// buildpack-deps, the base of the full (non-slim) node, python, ruby, golang... images:
// https://github.com/docker-library/buildpack-deps (debian/<release>/curl, scm, Dockerfile).
const BUILDPACK_DEPS = {
  curl: ['ca-certificates', 'curl', 'gnupg', 'netbase', 'sq', 'wget'],
  scm: ['git', 'mercurial', 'openssh-client', 'subversion', 'procps'],
  full: [
    'autoconf', 'automake', 'bzip2', 'default-libmysqlclient-dev', 'dpkg-dev', 'file', 'g++', 'gcc', 'imagemagick',
    'libbz2-dev', 'libc6-dev', 'libcurl4-openssl-dev', 'libdb-dev', 'libevent-dev', 'libffi-dev', 'libgdbm-dev',
    'libglib2.0-dev', 'libgmp-dev', 'libjpeg-dev', 'libkrb5-dev', 'liblzma-dev', 'libmagickcore-dev',
    'libmagickwand-dev', 'libmaxminddb-dev', 'libncurses-dev', 'libncurses5-dev', 'libncursesw5-dev', 'libpng-dev',
    'libpq-dev', 'libreadline-dev', 'libsqlite3-dev', 'libssl-dev', 'libtool', 'libwebp-dev', 'libxml2-dev',
    'libxslt1-dev', 'libyaml-dev', 'make', 'patch', 'unzip', 'xz-utils', 'zlib1g-dev',
  ],
};
const BUILDPACK_SOURCE = 'https://github.com/docker-library/buildpack-deps (debian/<release>/{curl,scm,}/Dockerfile)';
// What other official images add to a Debian base with apt: the slim language images keep only
// these once their build dependencies are purged; golang adds its C toolchain to buildpack-deps:scm.
const IMAGE_EXTRAS = {
  'python-slim': { base: 'debian-minbase', packages: ['ca-certificates', 'netbase', 'tzdata'], source: 'https://github.com/docker-library/python (<version>/slim-<release>/Dockerfile)' },
  'node-slim': { base: 'debian-minbase', packages: ['libatomic1'], source: 'https://github.com/nodejs/docker-node (<version>/<release>-slim/Dockerfile)' },
  'golang-build': { base: 'buildpack-deps-scm', packages: ['g++', 'gcc', 'libc6-dev', 'make', 'pkg-config'], source: 'https://github.com/docker-library/golang (<version>/<release>/Dockerfile)' },
};

function readSeeds() {
  const curated = readFileSync(join(root, 'scripts/data/apt-seeds.txt'), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .flatMap((line) => line.split(/\s+/))
    .filter(Boolean);
  return [...curated, ...fixtureInstalls(join(root, 'test/fixtures/dockerfiles'))];
}

/** Names after `apt-get install` / `apt install` in the fixtures' Dockerfiles (flags and variables skipped). */
function fixtureInstalls(dir) {
  const names = [];
  for (const entry of readdirSync(dir, { recursive: true })) {
    const path = join(dir, entry);
    if (!/(^|\/)Dockerfile[^/]*$/.test(entry) || !statSync(path).isFile()) continue;
    const text = readFileSync(path, 'utf8').replace(/\\\r?\n/g, ' ');
    for (const match of text.matchAll(/\bapt(?:-get)?\s+(?:-\S+\s+)*install\b([^&;|\n]*)/g)) {
      names.push(...match[1].split(/\s+/).filter((word) => /^[a-z0-9][a-z0-9+.-]+$/.test(word)));
    }
  }
  return names;
}

// Python modules Debian byte-compiles when the package is configured (py3compile in the
// postinst of python3.X and of every dh_python3 package): the stdlib and dist-packages.
const PYTHON_SOURCE = /^\/usr\/lib\/python3(?:\.\d+)?\/.*\.py$/;

/** Bytes a package writes when dpkg unpacks it, from its .deb (cached per version). */
async function debFiles(stanza) {
  const summaryDir = join(cache, 'deb-summaries');
  mkdirSync(summaryDir, { recursive: true });
  const summaryPath = join(summaryDir, `${stanza.Package}_${stanza.Version.replace(/[^\w.+-]/g, '_')}.v3.json`);
  if (existsSync(summaryPath)) return JSON.parse(readFileSync(summaryPath, 'utf8'));
  const deb = await cachedDownload(`${MIRROR}/${stanza.Filename}`, cache);
  const listing = execFileSync('dpkg-deb', ['-c', deb], { encoding: 'utf8', maxBuffer: 1 << 28 });
  let fileBytes = 0;
  let pythonSourceBytes = 0;
  let excludedBytes = 0;
  let listBytes = 0;
  let excludedCount = 0;
  for (const line of listing.split('\n')) {
    const match = /^(\S)\S*\s+\S+\s+(\d+)\s+\S+\s+\S+\s+\.(\/.*?)(?: -> .*| link to .*)?$/.exec(line);
    if (!match) continue;
    const [, type, size, rawPath] = match;
    const path = rawPath === '/' ? '/.' : rawPath.replace(/\/$/, '');
    const excluded = type !== 'd' && slimExcludes(path);
    if (excluded) excludedCount += 1;
    else listBytes += Buffer.byteLength(path) + 1;
    if (type !== '-') continue;
    fileBytes += Number(size);
    if (excluded) excludedBytes += Number(size);
    if (PYTHON_SOURCE.test(path)) pythonSourceBytes += Number(size);
  }
  // `dpkg-deb -I`: " 1234 bytes,    12 lines   *  postinst   #!/bin/sh" per control member.
  let controlBytes = 0;
  let statusBytes = 0;
  let debconfTemplates = false;
  for (const match of execFileSync('dpkg-deb', ['-I', deb], { encoding: 'utf8' }).matchAll(/^\s+(\d+) bytes,\s+\d+ lines\s+\*?\s+(\S+)/gm)) {
    if (match[2] === 'control') statusBytes = Number(match[1]);
    else controlBytes += Number(match[1]);
    if (match[2] === 'templates') debconfTemplates = true;
  }
  const summary = { fileBytes, excludedBytes, excludedCount, infoBytes: listBytes + controlBytes, statusBytes, debconfTemplates, pythonSourceBytes };
  writeFileSync(summaryPath, JSON.stringify(summary));
  return summary;
}

/** Runs `work` over `items`, `limit` at a time. */
async function inParallel(items, limit, work) {
  const results = new Map();
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const item = items[next++];
      results.set(item, await work(item));
    }
  }));
  return results;
}

/** Bytes of the dpkg and debconf state files an install rewrites whole, in a debootstrapped root. */
function stateBytes(rootDir) {
  const files = ['var/lib/dpkg/status', 'var/cache/debconf/config.dat', 'var/cache/debconf/templates.dat', 'etc/ld.so.cache'];
  return Object.fromEntries(files.map((file) => [file, existsSync(join(rootDir, file)) ? statSync(join(rootDir, file)).size : 0]));
}

const RELATION_FIELDS = ['Pre-Depends', 'Depends'];

async function generate(release) {
  const info = await releaseInfo(release, cache);
  const { url, packages } = await readPackages(release, cache);
  const providers = providersOf(packages);
  const seeds = readSeeds().filter((name) => packages.has(name) || providers.has(name));
  const shipped = closure(seeds, { packages, providers, recommends: true });

  const minbaseRoots = ['apt', ...[...packages.values()].filter((s) => s.Priority === 'required').map((s) => s.Package)];
  let minbase = closure(minbaseRoots, { packages, providers });
  // debootstrap merges /usr itself, so where a package asks for "usrmerge | usr-is-merged" it installs usr-is-merged.
  if (minbase.has('usrmerge')) minbase = closure(['usr-is-merged', ...minbaseRoots], { packages, providers });
  for (const name of minbase) shipped.add(name);
  const sets = { 'debian-minbase': { packages: [...minbase].sort(), source: `debootstrap --variant=minbase ${release}: Priority required + apt, from ${url}` } };
  const curl = closure(BUILDPACK_DEPS.curl, { packages, providers, installed: minbase });
  const curlSet = new Set([...minbase, ...curl]);
  const scm = closure(BUILDPACK_DEPS.scm, { packages, providers, installed: curlSet });
  const scmSet = new Set([...curlSet, ...scm]);
  const full = closure(BUILDPACK_DEPS.full, { packages, providers, installed: scmSet });
  sets['buildpack-deps-curl'] = { base: 'debian-minbase', packages: [...curl].sort(), source: BUILDPACK_SOURCE };
  sets['buildpack-deps-scm'] = { base: 'buildpack-deps-curl', packages: [...scm].sort(), source: BUILDPACK_SOURCE };
  sets['buildpack-deps'] = { base: 'buildpack-deps-scm', packages: [...full].sort(), source: BUILDPACK_SOURCE };
  for (const [id, extra] of Object.entries(IMAGE_EXTRAS)) {
    const base = extra.base === 'buildpack-deps-scm' ? scmSet : minbase;
    const added = closure(extra.packages.filter((name) => packages.has(name)), { packages, providers, installed: base });
    sets[id] = { base: extra.base, packages: [...added].sort(), source: extra.source };
  }
  for (const set of Object.values(sets)) for (const name of set.packages) shipped.add(name);

  const rootDir = roots[release];
  if (rootDir) {
    const real = execFileSync('chroot', [rootDir, 'dpkg-query', '-W', '-f', '${Package}\\n'], { encoding: 'utf8' }).trim().split('\n');
    const missing = real.filter((name) => !minbase.has(name));
    const extra = [...minbase].filter((name) => !real.includes(name));
    if (missing.length || extra.length) console.warn(`${release}: minbase differs from ${rootDir}: missing ${missing.join(' ') || '-'}; extra ${extra.join(' ') || '-'}`);
    sets['debian-minbase'].stateBytes = stateBytes(rootDir);
  }

  const names = [...shipped].sort();
  let done = 0;
  const files = await inParallel(names, 6, async (name) => {
    const summary = await debFiles(packages.get(name));
    if (++done % 250 === 0) console.log(`${release}: ${done}/${names.length} packages read`);
    return summary;
  });

  // Relations keep every alternative (an installed one satisfies the group), versions dropped.
  const relation = (stanza, fields) => fields.flatMap((field) => parseRelation(stanza[field])).map((group) => group.join('|')).join(',');
  const referenced = new Set();
  const table = {};
  for (const name of names) {
    const stanza = packages.get(name);
    const summary = files.get(name);
    const depends = relation(stanza, RELATION_FIELDS);
    const recommends = relation(stanza, ['Recommends']);
    for (const group of [depends, recommends]) for (const alt of group.split(/[,|]/)) if (alt && !packages.has(alt)) referenced.add(alt);
    table[name] = {
      v: stanza.Version,
      i: Number(stanza['Installed-Size']) * 1024,
      f: summary.fileBytes,
      x: summary.excludedBytes,
      m: summary.infoBytes,
      s: summary.statusBytes,
      ...(summary.debconfTemplates ? { t: 1 } : {}),
      ...(summary.pythonSourceBytes ? { y: summary.pythonSourceBytes } : {}),
      ...(depends ? { d: depends } : {}),
      ...(recommends ? { r: recommends } : {}),
    };
  }
  // Providers of the virtual names the shipped relations mention, most important first (apt's pick).
  const virtuals = {};
  for (const name of [...referenced].sort()) {
    const candidates = providers.get(name);
    if (!candidates) continue;
    const first = pickProvider(name, packages, providers, new Set());
    virtuals[name] = [first, ...candidates.filter((candidate) => candidate !== first)];
  }
  const lists = JSON.parse(readFileSync(join(root, 'scripts/data/apt-lists.json'), 'utf8'))[release];
  const bytecode = JSON.parse(readFileSync(join(root, 'scripts/data/python-bytecode.json'), 'utf8'))[release];
  const data = {
    release,
    debianVersion: info.version,
    indexDate: info.date,
    asOf,
    source: url,
    filesSource: `${MIRROR}/pool/... (.deb of each package: dpkg-deb -c, dpkg-deb -I)`,
    slimPathFilters: SLIM_PATH_FILTERS,
    aptLists: lists,
    pythonBytecode: bytecode,
    installedSets: sets,
    virtuals,
    packages: table,
  };
  const output = join(root, `server/src/engine/size/data/apt-${release}.json`);
  writeFileSync(output, `${JSON.stringify(data)}\n`);
  console.log(`${output}: ${names.length} packages, ${(statSync(output).size / 1024).toFixed(0)} KB`);
}

for (const release of options.release) await generate(release);
