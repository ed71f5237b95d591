/** What an ADD source is, as BuildKit decides: a Git repository, an HTTP(S) download or a local path. */
export type AddSourceKind = 'git' | 'http' | 'local';

export function addSourceKind(source: string): AddSourceKind {
  if (/^git@|^git:\/\/|^ssh:\/\//.test(source)) return 'git';
  if (/^https?:\/\//i.test(source)) return /\.git(?:#|$)/.test(source) ? 'git' : 'http';
  return 'local';
}

// Formats ADD unpacks from local files, plus compressors whose files may be tarballs.
const ARCHIVE = /\.(?:tar|gz|tgz|bz2|tbz|tbz2|tb2|xz|txz|lz|lzma|tlz|zst|tzst|Z|tZ|zip)$/;

export function looksLikeArchive(path: string): boolean {
  return ARCHIVE.test(path);
}
