// Debian's package index as the size data generators read it: download (cached) and parse
// `Packages.xz` of one release, resolve dependency closures the way apt picks packages.
// Shared by generate-apt-sizes.mjs and size-accuracy/measure.mjs; never shipped.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const MIRROR = 'http://deb.debian.org/debian';

/** Where downloads are kept between runs (never in the repository). */
export function cacheDir(override) {
  const dir = override ?? process.env.SHIPSHAPE_DATA_CACHE ?? join(homedir(), '.cache', 'shipshape-data');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Downloads `url` into the cache once; returns the local path. */
export async function cachedDownload(url, cache) {
  const path = join(cache, url.replace(/^https?:\/\//, '').replace(/[^\w.-]+/g, '_'));
  if (existsSync(path)) return path;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  writeFileSync(path, Buffer.from(await response.arrayBuffer()));
  return path;
}

/** The release file's date and point version, to record where the figures come from. */
export async function releaseInfo(release, cache) {
  const url = `${MIRROR}/dists/${release}/Release`;
  const text = readFileSync(await cachedDownload(url, cache), 'utf8');
  const field = (name) => new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1];
  return { release, version: field('Version'), date: new Date(field('Date')).toISOString().slice(0, 10), url };
}

/** Parses one release's main/binary-amd64 Packages index into a Map name → stanza. */
export async function readPackages(release, cache) {
  const url = `${MIRROR}/dists/${release}/main/binary-amd64/Packages.xz`;
  const text = execFileSync('xz', ['-dc', await cachedDownload(url, cache)], { maxBuffer: 1 << 30, encoding: 'utf8' });
  const packages = new Map();
  for (const block of text.split('\n\n')) {
    const stanza = {};
    let last;
    for (const line of block.split('\n')) {
      if (line.startsWith(' ')) {
        if (last) stanza[last] += `\n${line}`;
        continue;
      }
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      last = line.slice(0, colon);
      stanza[last] = line.slice(colon + 1).trim();
    }
    if (stanza.Package) packages.set(stanza.Package, stanza);
  }
  return { url, packages };
}

/** "a (>= 1) | b:any, c" → [["a", "b"], ["c"]]: each group is a set of alternatives. */
export function parseRelation(text) {
  if (!text) return [];
  return text.split(',').map((group) =>
    group
      .split('|')
      .map((alternative) => alternative.trim().replace(/\s*\(.*?\)/, '').replace(/\s*\[.*?\]/, '').replace(/\s*<.*?>/g, '').replace(/:\w+$/, ''))
      .filter(Boolean),
  ).filter((group) => group.length > 0);
}

/** Virtual name → real packages that provide it, from every stanza's Provides. */
export function providersOf(packages) {
  const providers = new Map();
  for (const [name, stanza] of packages) {
    for (const [virtual] of parseRelation(stanza.Provides)) {
      if (!providers.has(virtual)) providers.set(virtual, []);
      providers.get(virtual).push(name);
    }
  }
  return providers;
}

const PRIORITY_RANK = { required: 0, important: 1, standard: 2, optional: 3, extra: 4 };

/**
 * Which real package apt installs for one alternative: the package itself, or for a virtual name
 * a provider already installed, else the sole or most important provider (apt's choice when the
 * candidates differ in priority; index order breaks ties).
 */
export function pickProvider(name, packages, providers, installed) {
  if (packages.has(name)) return name;
  const candidates = providers.get(name) ?? [];
  const present = candidates.find((candidate) => installed.has(candidate));
  if (present) return present;
  return [...candidates].sort((a, b) => (PRIORITY_RANK[packages.get(a).Priority] ?? 9) - (PRIORITY_RANK[packages.get(b).Priority] ?? 9))[0];
}

/**
 * The packages apt adds for `roots` on top of `installed`: Depends and Pre-Depends (and
 * Recommends when asked), a group satisfied when any alternative is installed or already chosen,
 * else its first alternative that exists.
 */
export function closure(roots, { packages, providers, installed = new Set(), recommends = false }) {
  const chosen = new Set();
  const satisfied = (name) => installed.has(name) || chosen.has(name) || (providers.get(name) ?? []).some((p) => installed.has(p) || chosen.has(p));
  const queue = [];
  const add = (name) => {
    const real = pickProvider(name, packages, providers, installed);
    if (real === undefined || installed.has(real) || chosen.has(real)) return;
    chosen.add(real);
    queue.push(real);
  };
  for (const root of roots) add(root);
  while (queue.length > 0) {
    const stanza = packages.get(queue.shift());
    const groups = [...parseRelation(stanza['Pre-Depends']), ...parseRelation(stanza.Depends), ...(recommends ? parseRelation(stanza.Recommends) : [])];
    for (const group of groups) {
      if (group.some(satisfied)) continue;
      const first = group.find((name) => pickProvider(name, packages, providers, installed) !== undefined);
      if (first) add(first);
    }
  }
  return chosen;
}
