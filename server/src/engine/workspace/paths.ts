/** Workspace paths: relative to the workspace root, forward slashes, no `.` or `..` parts. */

/** `a/b/../c` → `a/c`; `./x` → `x`; the root is `.`; backslashes count as slashes. */
export function normalizePath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '' && part !== '.') parts.push(part);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

/**
 * `path` as a build definition writes it, resolved against the folder `base`; undefined when it
 * is absolute, a URL, or climbs out of the workspace: nothing there can be named.
 */
export function resolveInside(base: string, path: string): string | undefined {
  const text = path.trim().replace(/\\/g, '/');
  if (text === '' || text.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text)) return undefined;
  let depth = 0;
  for (const part of `${base}/${text}`.split('/')) {
    if (part === '..') depth--;
    else if (part !== '' && part !== '.') depth++;
    if (depth < 0) return undefined;
  }
  return normalizePath(`${base}/${text}`);
}

/** The folder of a path; `.` for a file at the root. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash);
}

export function joinPath(folder: string, path: string): string {
  return normalizePath(folder === '.' ? path : `${folder}/${path}`);
}

/** The file name of a path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Whether `path` is `folder` or inside it. */
export function isInside(path: string, folder: string): boolean {
  return folder === '.' || path === folder || path.startsWith(`${folder}/`);
}

/** `to` as seen from the folder `from` (`../../src/cart/Dockerfile`). */
export function relativePath(from: string, to: string): string {
  const fromParts = from === '.' ? [] : from.split('/');
  const toParts = to === '.' ? [] : to.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  const up = fromParts.slice(common).map(() => '..');
  return [...up, ...toParts.slice(common)].join('/') || '.';
}
