/** A path word without the quotes the builder's lexer removes. */
export function unquote(word: string): string {
  return /^(["']).*\1$/.test(word) && word.length >= 2 ? word.slice(1, -1) : word;
}

/** Absolute as BuildKit's `system.IsAbs` sees it; Windows also takes drive letters and backslashes. */
export function isAbsolutePath(path: string, windows: boolean): boolean {
  if (path.startsWith('/')) return true;
  return windows && (/^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\'));
}

/** `path` resolved against the absolute directory `from`, with `.` and `..` folded away. */
export function resolvePosix(from: string, path: string): string {
  const parts: string[] = [];
  for (const part of `${path.startsWith('/') ? '' : from}/${path}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '' && part !== '.') parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** A Dockerfile by its file name, as editors and Docker name them (`Dockerfile`, `Dockerfile.prod`, `api.dockerfile`, `Containerfile`). */
export function isDockerfileName(name: string): boolean {
  // BuildKit's per-Dockerfile ignore file (`Dockerfile.dockerignore`) is not a Dockerfile, nor are
  // documents and editor grammars about Dockerfiles (docker/cli's `Dockerfile.5.md` man page,
  // moby's `Dockerfile.tmLanguage` and `Dockerfile.nanorc`).
  if (/\.(dockerignore|md|markdown|rst|adoc|html?|xml|json|ya?ml|toml|plist|tmLanguage|tmPreferences|tmSnippet|sublime-syntax|nanorc|vim|el)$/i.test(name)) return false;
  return /^(Dockerfile|Containerfile)([.-].*)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
}
