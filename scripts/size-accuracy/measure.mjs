// Compares the apt estimate (server/src/engine/size/apt.ts, bundled on the fly) with reality: a
// minimal Debian root made by debootstrap and set up as the official `-slim` images are (dpkg
// path-exclude rules for docs, man pages and locales; apt keeps indexes compressed and drops
// downloaded .debs), then each package set installed with --no-install-recommends in a fresh
// copy, and the bytes the layer holds measured. Writes the table into docs/size-accuracy.md.
//
//   node scripts/size-accuracy/measure.mjs [--release bookworm]
//        [--work DIR] [--only curl,git] [--root-figures]
//
// Needs root, debootstrap and Debian's archive (deb.debian.org). Slow (a few minutes): not part
// of `npm test`. --root-figures measures what `apt-get update` leaves in /var/lib/apt/lists and
// how many .pyc bytes Debian compiles per byte of Python source, into scripts/data/apt-lists.json
// and python-bytecode.json (read by generate-apt-sizes.mjs); making the base root records the
// root's own size, full and slim, in scripts/data/debian-roots.json (read by generate-base-images.mjs).
//
// What "bytes the layer holds" means: the sizes of the regular files that are new or changed
// after the install (a changed file is stored whole in the layer, as an image layer does; a hard
// link once, as the layer's tar stores it), after `apt-get clean` and `rm -rf /var/lib/apt/lists/*`.
// Directories and symlinks are not counted.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';

const repo = new URL('../..', import.meta.url).pathname;
const { values: options } = parseArgs({
  options: {
    release: { type: 'string', default: 'bookworm' },
    work: { type: 'string', default: '/tmp/shipshape-size-accuracy' },
    only: { type: 'string' },
    'root-figures': { type: 'boolean', default: false },
  },
});
const release = options.release;
const work = options.work;
mkdirSync(work, { recursive: true });
const MIRROR = 'http://deb.debian.org/debian';

/** The package sets measured: what Dockerfiles commonly install in one RUN (none the base has already, such as bookworm's tzdata: nothing to measure). */
export const CASES = [
  ['curl'], ['wget'], ['ca-certificates'], ['git'], ['build-essential'], ['gcc'], ['make'],
  ['python3'], ['python3-pip'], ['python3-venv'], ['nginx'], ['openjdk-17-jre-headless'], ['gnupg'], ['unzip'], ['jq'],
  ['postgresql-client'], ['libpq-dev'], ['nodejs'], ['openssh-client'], ['vim-tiny'], ['imagemagick'],
  ['ffmpeg'], ['ca-certificates', 'curl'], ['procps'], ['locales'], ['git', 'openssh-client'],
  ['libssl-dev', 'pkg-config'], ['xz-utils', 'bzip2', 'zip'], ['supervisor'], ['sqlite3'],
];

function run(command, args, input) {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
}

/** Runs a shell script in the root with /proc mounted, as a build container has it (Java's postinst needs it). */
function inRoot(dir, script) {
  const proc = join(dir, 'proc');
  run('mount', ['-t', 'proc', 'proc', proc]);
  try {
    return run('chroot', [dir, '/bin/sh', '-ec', script]);
  } finally {
    run('umount', [proc]);
  }
}

/** dpkg and apt settings of the official images (debuerreotype's minimizing config plus the -slim filters). */
const SLIM_DPKG = `path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
`;
const APT_CONFIG = {
  'docker-clean': 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\nAPT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };\nDir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n',
  'docker-gzip-indexes': 'Acquire::GzipIndexes "true";\n',
  'docker-no-languages': 'Acquire::Languages "none";\n',
  'docker-autoremove-suggests': 'Apt::AutoRemove::SuggestsImportant "false";\n',
};

/** A debootstrapped minbase root set up like debian:<release>-slim, made once and reused. */
function slimBase() {
  const base = join(work, `${release}-slim`);
  if (existsSync(join(base, '.ready'))) return base;
  rmSync(base, { recursive: true, force: true });
  console.log(`debootstrap --variant=minbase ${release} ${base}`);
  run('debootstrap', ['--variant=minbase', release, base, MIRROR]);
  writeFileSync(join(base, 'etc/dpkg/dpkg.cfg.d/docker'), SLIM_DPKG);
  for (const [name, text] of Object.entries(APT_CONFIG)) writeFileSync(join(base, 'etc/apt/apt.conf.d', name), text);
  writeFileSync(join(base, 'etc/apt/sources.list'), `deb ${MIRROR} ${release} main\n`);
  // debuerreotype empties the logs of the images it builds.
  inRoot(base, 'apt-get clean; rm -rf /var/lib/apt/lists/*; find /var/log -type f -exec truncate -s 0 {} +');
  const fullRootBytes = totalBytes(snapshot(base));
  // What the filters would have kept out had they been there during debootstrap.
  inRoot(base, `find /usr/share/doc -mindepth 1 -not -name copyright -not -type d -delete; find /usr/share/doc -mindepth 1 -type d -empty -delete
    rm -rf /usr/share/man/* /usr/share/groff/* /usr/share/info/* /usr/share/lintian/* /usr/share/linda/* /usr/share/locale/*`);
  recordMeasurement('debian-roots.json', {
    fullRootBytes,
    slimRootBytes: totalBytes(snapshot(base)),
    measured: new Date().toISOString().slice(0, 10),
    how: `debootstrap --variant=minbase ${release} from ${MIRROR}, apt caches emptied; slim: docs (but copyright), man pages, locales removed as the -slim images' dpkg filters do; sum of regular file sizes (scripts/size-accuracy/measure.mjs)`,
  });
  writeFileSync(join(base, '.ready'), '');
  return base;
}

function totalBytes(files) {
  let bytes = 0;
  for (const [size] of files.values()) bytes += size;
  return bytes;
}

/** Merges this release's figures into scripts/data/<file>, which the data generators read. */
function recordMeasurement(file, figures) {
  const path = join(repo, 'scripts/data', file);
  const all = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  all[release] = figures;
  writeFileSync(path, `${JSON.stringify(all, null, 2)}\n`);
}

/** path → [size, mtime, inode] of every regular file under dir. */
function snapshot(dir) {
  const files = new Map();
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) {
        if (!['proc', 'sys', 'dev'].includes(entry.name) || path !== dir) walk(full);
      } else if (entry.isFile()) {
        const stat = lstatSync(full);
        files.set(full.slice(dir.length), [stat.size, stat.mtimeMs, stat.ino]);
      }
    }
  };
  walk(dir);
  return files;
}

/** Bytes of the files new or changed between two snapshots; hard links once, as a layer's tar stores them. */
function layerBytes(before, after) {
  let bytes = 0;
  const inodes = new Set();
  for (const [path, [size, mtime, inode]] of after) {
    const old = before.get(path);
    if (old && old[0] === size && old[1] === mtime && old[2] === inode) continue;
    if (inodes.has(inode)) continue;
    inodes.add(inode);
    bytes += size;
  }
  return bytes;
}

/** Removes a root; a run stopped mid-install leaves its /proc mounted, which must not be recursed into. */
function removeRoot(dir) {
  if (existsSync(join(dir, 'proc/self'))) run('umount', [join(dir, 'proc')]);
  rmSync(dir, { recursive: true, force: true });
}

function freshCopy(base, name) {
  const dir = join(work, `${release}-${name}`);
  removeRoot(dir);
  run('cp', ['-a', base, dir]);
  return dir;
}

function measureLists(base) {
  const dir = freshCopy(base, 'lists');
  writeFileSync(join(dir, 'etc/apt/sources.list'), `deb ${MIRROR} ${release} main\ndeb ${MIRROR} ${release}-updates main\ndeb ${MIRROR}-security ${release}-security main\n`);
  inRoot(dir, 'apt-get update -qq');
  const bytes = totalBytes(snapshot(join(dir, 'var/lib/apt/lists')));
  removeRoot(dir);
  recordMeasurement('apt-lists.json', {
    bytes,
    sources: [`${release}`, `${release}-updates`, `${release}-security`].map((suite) => `${suite} main`),
    measured: new Date().toISOString().slice(0, 10),
    how: 'apt-get update in a debootstrapped root configured as the official images (Acquire::GzipIndexes, no translations); sum of file sizes in /var/lib/apt/lists',
  });
  console.log(`apt lists ${release}: ${bytes} bytes`);
}

/**
 * How many bytes of .pyc Debian writes per byte of Python source: python3 installed in a fresh
 * root (its postinsts byte-compile the stdlib), then every .pyc and every .py under /usr/lib/python3*.
 */
function measureBytecode(base) {
  const dir = freshCopy(base, 'python');
  inRoot(dir, 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 >/dev/null');
  let pycBytes = 0;
  let pyBytes = 0;
  const libDir = join(dir, 'usr/lib');
  for (const entry of readdirSync(libDir)) {
    if (!/^python3(\.\d+)?$/.test(entry)) continue;
    for (const [path, [size]] of snapshot(join(libDir, entry))) {
      if (path.endsWith('.pyc')) pycBytes += size;
      else if (path.endsWith('.py')) pyBytes += size;
    }
  }
  const version = inRoot(dir, 'python3 --version').trim();
  removeRoot(dir);
  recordMeasurement('python-bytecode.json', {
    ratio: Number((pycBytes / pyBytes).toFixed(4)),
    pycBytes,
    pyBytes,
    measured: new Date().toISOString().slice(0, 10),
    how: `${version} installed with --no-install-recommends in a debootstrapped ${release} root; .pyc bytes over .py bytes under /usr/lib/python3*`,
  });
  console.log(`python bytecode ${release}: ${pycBytes} / ${pyBytes}`);
}

function measureInstall(base, packages) {
  const dir = freshCopy(base, 'case');
  const before = snapshot(dir);
  // update-alternatives needs the man directories the slim filters leave out (Java's postinst
  // fails without them), so Dockerfiles for such packages create them first, as this does.
  inRoot(dir, `mkdir -p /usr/share/man/man1 && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${packages.join(' ')} >/dev/null && apt-get clean && rm -rf /var/lib/apt/lists/*`);
  const bytes = layerBytes(before, snapshot(dir));
  removeRoot(dir);
  return bytes;
}

/** The engine's apt estimator, bundled from source with esbuild (the project's bundler). */
function loadEstimator() {
  const outfile = join(work, 'apt-estimator.cjs');
  buildSync({ entryPoints: [join(repo, 'server/src/engine/size/apt.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
  return createRequire(import.meta.url)(outfile);
}

const base = slimBase();
if (options['root-figures']) {
  measureLists(base);
  measureBytecode(base);
  process.exit(0);
}

const { estimateAptInstall } = loadEstimator();
const only = options.only?.split(',');
const rows = [];
const failed = [];
for (const packages of CASES) {
  if (only && !only.includes(packages.join('+'))) continue;
  const estimate = estimateAptInstall(packages, { release, installedSet: 'debian-minbase', noInstallRecommends: true, excludesDocs: true });
  let measured;
  try {
    measured = measureInstall(base, packages);
  } catch (error) {
    console.error(`${packages.join(' ')}: the install failed, left out of the table\n${error.stderr ?? error.message}`);
    failed.push(packages.join(' '));
    continue;
  }
  const error = ((estimate.bytes - measured) / measured) * 100;
  rows.push({ packages: packages.join(' '), estimate: estimate.bytes, measured, error, count: estimate.packages.length, installedSize: estimate.installedSizeBytes });
  console.log(`${packages.join(' ').padEnd(28)} estimate ${(estimate.bytes / 1e6).toFixed(2).padStart(8)} MB  measured ${(measured / 1e6).toFixed(2).padStart(8)} MB  ${error >= 0 ? '+' : ''}${error.toFixed(1)}%`);
}

const within = rows.filter((row) => Math.abs(row.error) <= 15).length;
const mb = (bytes) => (bytes / 1e6).toFixed(2);
const percent = (value) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}%`;
const table = rows
  .map((row) => `| \`${row.packages}\` | ${row.count} | ${mb(row.estimate)} | ${mb(row.measured)} | ${percent(row.error)} | ${mb(row.installedSize)} (${percent(((row.installedSize - row.measured) / row.measured) * 100)}) |`)
  .join('\n');
const docsPath = join(repo, 'docs/size-accuracy.md');
const marker = '<!-- measured table: scripts/size-accuracy/measure.mjs -->';
const previous = existsSync(docsPath) ? readFileSync(docsPath, 'utf8') : marker;
const section = `${marker}
Measured ${new Date().toISOString().slice(0, 10)} on Debian ${release} (amd64), ${within} of ${rows.length} sets within ±15%; mean absolute error ${(rows.reduce((sum, row) => sum + Math.abs(row.error), 0) / rows.length).toFixed(1)}%.

| packages (--no-install-recommends) | packages added | estimate MB | measured MB | error | Installed-Size MB (error) |
|---|---:|---:|---:|---:|---:|
${table}
${failed.length ? `\nThe install failed in the root, so these sets are not in the table: ${failed.map((name) => `\`${name}\``).join(', ')}.\n` : ''}`;
const head = previous.includes(marker) ? previous.slice(0, previous.indexOf(marker)) : `${previous}\n`;
const tailStart = previous.indexOf('\n<!-- end of measured table -->');
const tail = tailStart >= 0 ? previous.slice(tailStart) : '\n<!-- end of measured table -->\n';
if (!only) writeFileSync(docsPath, `${head}${section}${tail}`);
console.log(`${within} of ${rows.length} within ±15%`);
