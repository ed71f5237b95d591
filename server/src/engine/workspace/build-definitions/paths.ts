/**
 * Workspace-relative paths with forward slashes, as build definitions write them. The engine
 * has no `node:path`; these are the few operations the readers need.
 */

/** The folder of a workspace-relative file: "" for a file at the root. */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * `relative` resolved against the workspace-relative folder `base` ("" or "." for the root), normalised ("." for the
 * root). Undefined when it is absolute, a URL, or climbs out of the workspace: the reader
 * cannot name such a place.
 */
export function resolvePath(base: string, relative: string): string | undefined {
  const text = relative.trim().replace(/\\/g, '/');
  if (text === '' || text.startsWith('/') || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text)) return undefined;
  const parts: string[] = [];
  for (const part of `${base}/${text}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') parts.push(part);
    else if (parts.pop() === undefined) return undefined;
  }
  return parts.length === 0 ? '.' : parts.join('/');
}
