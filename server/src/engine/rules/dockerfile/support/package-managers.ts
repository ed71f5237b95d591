/**
 * OS package managers as the package rules see them: which commands install or remove
 * packages, and which packages they name.
 */
import type { CommandDescription, ShellWord } from '../../../shell';

export type PackageFamily = 'apt' | 'apk' | 'rpm' | 'zypper';

// A Map: a command named `constructor` or `toString` must not find Object's.
const FAMILIES: ReadonlyMap<string, PackageFamily> = new Map(Object.entries({
  'apt-get': 'apt', apt: 'apt', apk: 'apk', yum: 'rpm', dnf: 'rpm', microdnf: 'rpm', zypper: 'zypper',
} as const));

const INSTALLS: Readonly<Record<PackageFamily, readonly string[]>> = {
  apt: ['install', 'reinstall'],
  apk: ['add'],
  rpm: ['install', 'reinstall', 'localinstall'],
  zypper: ['install'],
};

const REMOVALS: Readonly<Record<PackageFamily, readonly string[]>> = {
  apt: ['remove', 'purge'],
  apk: ['del'],
  rpm: ['remove'],
  zypper: ['remove'],
};

export function packageFamily(description: CommandDescription | undefined): PackageFamily | undefined {
  return description ? FAMILIES.get(description.tool) : undefined;
}

/** The subcommand, or for tools without a subcommand table (poetry, mvn) the first operand. */
export function actionOf(description: CommandDescription): string | undefined {
  return description.subcommand?.name ?? description.operands[0]?.value;
}

export function isPackageInstall(description: CommandDescription | undefined): boolean {
  const family = packageFamily(description);
  return family !== undefined && INSTALLS[family].includes(description?.subcommand?.name ?? '');
}

export function isPackageRemoval(description: CommandDescription | undefined): boolean {
  const family = packageFamily(description);
  return family !== undefined && REMOVALS[family].includes(description?.subcommand?.name ?? '');
}

export interface PackageOperand {
  word: ShellWord;
  /** The package name without version, release or architecture. */
  name: string;
}

/** Where a package name ends: `curl=8.*`, `curl/bookworm`, `curl:amd64` (apt), `musl-dev>1.2` (apk, zypper). */
const VERSION_START: Readonly<Record<PackageFamily, RegExp>> = {
  apt: /[=/:]/,
  apk: /[=~<>]/,
  rpm: /$^/,
  zypper: /[=<>]/,
};

/**
 * The packages an install or removal names. Local files (`./x.deb`, `/tmp/x.rpm`), URLs,
 * rpm groups and capabilities, and words built by an expansion name no package we can know.
 */
export function namedPackages(description: CommandDescription): PackageOperand[] {
  const family = packageFamily(description);
  if (!family) return [];
  const packages: PackageOperand[] = [];
  for (const word of description.operands) {
    const value = word.value;
    if (value === undefined || word.hasExpansion || value === '' || /^(\.{0,2}\/|~|@)|:\/\/|\.(deb|rpm|apk)$|[()]/.test(value)) continue;
    const name = value.split(VERSION_START[family])[0];
    if (name) packages.push({ word, name: name.toLowerCase() });
  }
  return packages;
}

/** `apk add --virtual .build-deps gcc`: the name `apk del` removes the group by. */
export function virtualPackage(description: CommandDescription): string | undefined {
  return description.tool === 'apk' ? description.flags.get('-t')?.value : undefined;
}

/** `apt-get install $APT_OPTS curl`: a word that is all expansion may hold any option. */
export function mayHideOptions(description: CommandDescription): boolean {
  const words = [...description.operands, ...description.allFlags.map((flag) => flag.valueWord ?? flag.word)];
  return words.some((word) => word.hasExpansion && /^["']?\$/.test(word.raw));
}
