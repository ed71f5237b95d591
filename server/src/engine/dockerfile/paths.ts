/** A path word without the quotes the builder's lexer removes. */
export function unquote(word: string): string {
  return /^(["']).*\1$/.test(word) && word.length >= 2 ? word.slice(1, -1) : word;
}

/** Absolute as BuildKit's `system.IsAbs` sees it; Windows also takes drive letters and backslashes. */
export function isAbsolutePath(path: string, windows: boolean): boolean {
  if (path.startsWith('/')) return true;
  return windows && (/^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\'));
}
