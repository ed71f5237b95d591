import bookworm from './data/apt-bookworm.json';
import trixie from './data/apt-trixie.json';

/** One package as scripts/data/generate-apt-sizes.mjs writes it (short keys keep the .vsix small). */
interface PackageRow {
  /** Version in the index. */
  v: string;
  /** Installed-Size from the index, in bytes (dpkg's own figure, rounded up per file). */
  i: number;
  /** Bytes of the regular files the .deb unpacks. */
  f: number;
  /** Of those, the bytes the slim images' dpkg path-exclude rules drop (docs, man pages, locales). */
  x: number;
  /** Bytes of the package's files in dpkg's database: info/<package>.list, md5sums, maintainer scripts. */
  m: number;
  /** Bytes of its entry in dpkg's status file. */
  s: number;
  /** 1 when the package registers debconf templates, so debconf's databases are rewritten. */
  t?: number;
  /** Bytes of Python source under /usr/lib/python3*, which the package's postinst byte-compiles. */
  y?: number;
  /** Pre-Depends and Depends: groups split by ",", alternatives by "|". */
  d?: string;
  r?: string;
}

interface InstalledSetRow {
  /** The set this one adds to. */
  base?: string;
  packages: string[];
  source: string;
  /** Bytes of dpkg's and debconf's state files in a debootstrapped root of the release. */
  stateBytes?: Record<string, number>;
}

interface AptData {
  release: string;
  debianVersion: string;
  indexDate: string;
  asOf: string;
  source: string;
  aptLists: { bytes: number; measured: string };
  /** .pyc bytes py3compile writes per byte of Python source, measured for the release's python3. */
  pythonBytecode: { ratio: number; measured: string };
  installedSets: Record<string, InstalledSetRow>;
  virtuals: Record<string, string[]>;
  packages: Record<string, PackageRow>;
}

const RELEASES: Record<string, AptData> = { bookworm: bookworm as AptData, trixie: trixie as AptData };

/** Debian releases the apt estimator has package data for; other releases (and Ubuntu) are unknown. */
export const APT_RELEASES = Object.keys(RELEASES);

/** When each release's package data was generated. */
export const APT_AS_OF_DATES = Object.values(RELEASES).map((data) => data.asOf);

/** Which packages a base image already has, for subtracting them from an install. */
export interface InstalledPackages {
  /** An installed set of the release's data: "debian-minbase", "buildpack-deps", "python-slim", ... */
  installedSet?: string;
  /** Further packages known to be installed (an earlier RUN of the same stage). */
  installed?: Iterable<string>;
}

export interface AptEstimateOptions extends InstalledPackages {
  /** Debian codename ("bookworm", "trixie"). */
  release: string;
  /** `--no-install-recommends` (or APT::Install-Recommends "false") in force. */
  noInstallRecommends: boolean;
  /** The base keeps docs, man pages and locales out (the `-slim` images' dpkg path-exclude rules). */
  excludesDocs: boolean;
}

export interface AptPackageEstimate {
  name: string;
  version: string;
  /** Bytes this package adds to the layer: its files (less the excluded ones), the Python bytecode its postinst compiles, its dpkg records. */
  bytes: number;
  /** `requested`: named on the command line; `dependency`: pulled in by Depends/Pre-Depends; `recommended`: by Recommends. */
  reason: 'requested' | 'dependency' | 'recommended';
}

export interface AptEstimate {
  /** Total bytes the install adds to the layer: packages plus dpkg's state files rewritten whole. */
  bytes: number;
  /** The packages apt would add, largest first. */
  packages: AptPackageEstimate[];
  /** dpkg's status file and its backup (and debconf's databases when a package registers templates), rewritten whole in the layer. */
  stateBytes: number;
  /** What the packages' Installed-Size fields add up to, for comparison: dpkg's figure, blind to excluded paths. */
  installedSizeBytes: number;
  /** Names that are neither a package nor a virtual package in the shipped data. */
  unknown: string[];
  /** Requested names the base already has. */
  alreadyInstalled: string[];
  /** What `apt-get update` leaves in /var/lib/apt/lists when the same RUN does not remove it (not in `bytes`). */
  listsBytes: number;
  release: string;
  debianVersion: string;
  /** Date of the package index the figures come from. */
  indexDate: string;
  /** When the data was generated. */
  asOf: string;
}

/** The names an installed set stands for, following its `base` chain. */
function installedNames(data: AptData, setId: string | undefined): Set<string> {
  const names = new Set<string>();
  for (let id = setId; id !== undefined; ) {
    const set = Object.hasOwn(data.installedSets, id) ? data.installedSets[id] : undefined;
    if (!set) break;
    for (const name of set.packages) names.add(name);
    id = set.base;
  }
  return names;
}

/** Installed sets of a release, for callers that describe a base ("debian-minbase", "buildpack-deps", ...). */
export function installedSetIds(release: string): string[] {
  const data = Object.hasOwn(RELEASES, release) ? RELEASES[release] : undefined;
  return data ? Object.keys(data.installedSets) : [];
}

/** Size of one of dpkg's or debconf's state files in the release's debootstrapped root. */
function minbaseStateFile(data: AptData, file: string): number {
  return data.installedSets['debian-minbase']?.stateBytes?.[file] ?? 0;
}

/**
 * Bytes a layer holds beyond the packages' own files: dpkg rewrites its status file whole and keeps
 * the previous one as status-old, so both are in the layer (the base's entries plus the new ones);
 * a package with debconf templates makes debconf rewrite its two databases and keep their -old copies.
 */
function stateBytesOf(data: AptData, installed: ReadonlySet<string>, added: readonly PackageRow[]): number {
  if (added.length === 0) return 0;
  const minbase = new Set(data.installedSets['debian-minbase']?.packages ?? []);
  let status = minbaseStateFile(data, 'var/lib/dpkg/status');
  for (const name of installed) if (!minbase.has(name) && Object.hasOwn(data.packages, name)) status += data.packages[name].s;
  const newEntries = added.reduce((sum, row) => sum + row.s, 0);
  const debconf = added.some((row) => row.t === 1)
    ? 2 * (minbaseStateFile(data, 'var/cache/debconf/templates.dat') + minbaseStateFile(data, 'var/cache/debconf/config.dat'))
    : 0;
  return 2 * status + newEntries * 2 + debconf;
}

/**
 * What `apt-get install <packages>` adds to an image layer on a Debian base: the dependency
 * closure (Pre-Depends and Depends with the first alternative unless one is installed already,
 * virtual packages through a provider; Recommends too unless --no-install-recommends) minus what
 * the base has, each package's unpacked files (less docs, man pages and locales on a slim base),
 * the Python bytecode its postinst compiles, and dpkg's records. Undefined for a release without
 * data. An estimate as of the data's date.
 */
export function estimateAptInstall(packages: readonly string[], options: AptEstimateOptions): AptEstimate | undefined {
  const data = Object.hasOwn(RELEASES, options.release) ? RELEASES[options.release] : undefined;
  if (!data) return undefined;
  const installed = installedNames(data, options.installedSet);
  for (const name of options.installed ?? []) installed.add(name);

  const chosen = new Map<string, AptPackageEstimate['reason']>();
  const queue: string[] = [];
  const isKnown = (name: string) => Object.hasOwn(data.packages, name) || Object.hasOwn(data.virtuals, name);
  const providers = (name: string) => (Object.hasOwn(data.virtuals, name) ? data.virtuals[name] : []);
  const present = (name: string) => installed.has(name) || chosen.has(name) || providers(name).some((p) => installed.has(p) || chosen.has(p));
  /** The real package apt installs for a name: itself, or a virtual name's first provider with data. */
  const realPackage = (name: string) =>
    Object.hasOwn(data.packages, name) ? name : providers(name).find((provider) => Object.hasOwn(data.packages, provider));
  const add = (name: string, reason: AptPackageEstimate['reason']) => {
    const real = realPackage(name);
    if (real === undefined || installed.has(real) || chosen.has(real)) return;
    chosen.set(real, reason);
    queue.push(real);
  };

  const unknown: string[] = [];
  const alreadyInstalled: string[] = [];
  for (const name of packages) {
    if (!isKnown(name)) unknown.push(name);
    else if (present(name) && !chosen.has(name)) alreadyInstalled.push(name);
    else add(name, 'requested');
  }
  while (queue.length > 0) {
    const row = data.packages[queue.shift() as string];
    const groups: [string, AptPackageEstimate['reason']][] = [[row.d ?? '', 'dependency']];
    if (!options.noInstallRecommends) groups.push([row.r ?? '', 'recommended']);
    for (const [relation, reason] of groups) {
      for (const group of relation.split(',').filter(Boolean)) {
        const alternatives = group.split('|');
        if (alternatives.some(present)) continue;
        const first = alternatives.find((name) => realPackage(name) !== undefined);
        if (first) add(first, reason);
      }
    }
  }

  const estimates = [...chosen].map(([name, reason]): AptPackageEstimate => {
    const row = data.packages[name];
    const bytecode = Math.round((row.y ?? 0) * data.pythonBytecode.ratio);
    return { name, version: row.v, bytes: row.f - (options.excludesDocs ? row.x : 0) + bytecode + row.m, reason };
  });
  estimates.sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
  const rows = [...chosen.keys()].map((name) => data.packages[name]);
  const stateBytes = stateBytesOf(data, installed, rows);
  return {
    bytes: estimates.reduce((sum, row) => sum + row.bytes, 0) + stateBytes,
    packages: estimates,
    stateBytes,
    installedSizeBytes: rows.reduce((sum, row) => sum + row.i, 0),
    unknown,
    alreadyInstalled,
    listsBytes: data.aptLists.bytes,
    release: data.release,
    debianVersion: data.debianVersion,
    indexDate: data.indexDate,
    asOf: data.asOf,
  };
}
