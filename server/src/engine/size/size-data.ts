/**
 * What the estimator asks of the size tables: one interface, so estimate.ts reads the same
 * whatever table answers, and tests can pin the figures they check.
 */
import type { ImageReference } from '../images/reference';

export interface ImageCard {
  /** The catalog entry this card comes from, e.g. "python:3.12-slim". */
  image: string;
  /** Pull size for linux/amd64. */
  compressedBytes?: number;
  /** Size once unpacked (what `docker images` shows). */
  uncompressedBytes?: number;
  /** "Debian 12 (bookworm)", "Alpine 3.20", "distroless (Debian 12)". */
  os?: string;
  /** The distribution release the apt/apk estimates use, e.g. "bookworm". */
  release?: string;
  hasShell?: boolean;
  /** "root", "nonroot (65532)". */
  defaultUser?: string;
  /** The package set the image ships, as the apt tables name it ("debian-minbase", "python-slim"). */
  installedSet?: string;
  /** The image's dpkg keeps docs, man pages and locales out (the `-slim` images). */
  excludesDocs?: boolean;
  /** Where the figures come from and when they were read. */
  source: string;
  asOf: string;
}

export interface SmallerImage {
  image: string;
  compressedBytes?: number;
  uncompressedBytes?: number;
  /** Why it fits, e.g. "same runtime, no compilers". */
  note?: string;
}

export interface PackageSize {
  name: string;
  bytes: number;
  /** Pulled in by another package of the request, not named by the user. */
  dependency?: boolean;
}

export interface InstallEstimate {
  bytes: number;
  packages: PackageSize[];
  /** Names the tables do not know: their size is not in `bytes`. */
  unknown: string[];
  /** Named packages the image already has: they add nothing. */
  alreadyInstalled: string[];
  /** Bytes the package manager's own records gain (dpkg's status file is rewritten whole); in `bytes`. */
  recordsBytes: number;
  /** apt's package lists as `apt-get update` leaves them, for this release. */
  aptListsBytes?: number;
  /** Where the figures come from and when. */
  source: string;
}

export interface InstallOptions {
  /** The image the stage is built on, for its release, package set and dpkg filters. */
  base?: ImageCard;
  /** Packages earlier RUNs (of this stage or those it builds on) installed. */
  installed: ReadonlySet<string>;
  noInstallRecommends: boolean;
}

export interface SizeData {
  imageCard(reference: ImageReference): ImageCard | undefined;
  smallerImages(reference: ImageReference): SmallerImage[];
  /** Installed size of apt packages and the dependencies not yet installed; undefined when there is no table for the base's release. */
  aptInstall(packages: readonly string[], options: InstallOptions): InstallEstimate | undefined;
  /** The same for `apk add`, when the tables hold Alpine. */
  apkInstall?(packages: readonly string[], options: InstallOptions): InstallEstimate | undefined;
  /** pip/npm/gem…: what `tool install <packages>` adds, by heuristics. */
  languageInstall?(tool: string, packages: readonly string[]): InstallEstimate | undefined;
  /** The cache a language tool leaves (pip's wheels, npm's tarballs) for an install of `installedBytes`. */
  languageCache?(tool: string, installedBytes: number): number | undefined;
  /** The oldest date of the tables, for the "estimate as of" label. */
  asOf: string;
}
