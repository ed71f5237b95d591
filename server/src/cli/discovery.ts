import { isAbsolute, join, resolve } from 'node:path';
import { documentKindForPath } from '../engine';
import { CliError, describeFsError, type CliIo } from './io';

export interface FoundFile {
  /** As the user typed it, joined with the path inside a folder they named. */
  displayPath: string;
  absolutePath: string;
  /** Named on the command line rather than found in a folder. */
  named?: boolean;
}

interface Discovery {
  files: FoundFile[];
  warnings: string[];
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
// Bounds so that `shipshape check /` or a symlink farm ends in seconds, not hours.
const MAX_DEPTH = 32;
const MAX_ENTRIES = 200_000;

/**
 * The files to check: each path that names a file (whatever its name), and the Dockerfiles
 * and YAML files under each path that names a folder. A path that does not exist or a folder that cannot be
 * listed is a CliError; an unreadable folder deeper down is only a warning.
 */
export function discoverFiles(paths: readonly string[], io: CliIo): Discovery {
  const found = new Map<string, FoundFile>();
  const warnings: string[] = [];
  const budget = { entries: MAX_ENTRIES, tooDeep: false };

  const add = (displayPath: string, absolutePath: string, named = false) => {
    const known = found.get(absolutePath);
    if (!known) found.set(absolutePath, named ? { displayPath, absolutePath, named } : { displayPath, absolutePath });
    else if (named) known.named = true;
  };

  const walk = (absolutePath: string, displayPath: string, depth: number) => {
    let entries;
    try {
      entries = io.fs.readDirectory(absolutePath);
    } catch (error) {
      if (depth === 0) throw new CliError(`cannot read ${displayPath}: ${describeFsError(error)}`);
      warnings.push(`skipped ${displayPath}: ${describeFsError(error)}`);
      return;
    }
    for (const entry of entries.sort((a, b) => compareText(a.name, b.name))) {
      if (budget.entries-- <= 0) return;
      const childAbsolute = join(absolutePath, entry.name);
      const childDisplay = join(displayPath, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
        if (depth + 1 < MAX_DEPTH) walk(childAbsolute, childDisplay, depth + 1);
        else budget.tooDeep = true;
      } else if (documentKindForPath(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isFile(io, childAbsolute)))) {
        add(childDisplay, childAbsolute);
      }
    }
  };

  for (const path of paths.length > 0 ? paths : ['.']) {
    const absolutePath = isAbsolute(path) ? path : resolve(io.cwd, path);
    let stats;
    try {
      stats = io.fs.stat(absolutePath);
    } catch (error) {
      throw new CliError(`cannot read ${path}: ${describeFsError(error)}`);
    }
    if (stats.isDirectory()) walk(absolutePath, path, 0);
    else if (stats.isFile()) add(path, absolutePath, true);
    else throw new CliError(`cannot read ${path}: not a file or folder`);
  }

  if (budget.entries < 0) warnings.push(`stopped searching after ${MAX_ENTRIES} entries; name narrower paths`);
  if (budget.tooDeep) warnings.push(`did not search folders nested deeper than ${MAX_DEPTH} levels`);
  return { files: [...found.values()].sort((a, b) => compareText(a.displayPath, b.displayPath)), warnings };
}

function isFile(io: CliIo, path: string): boolean {
  try {
    return io.fs.stat(path).isFile();
  } catch {
    return false;
  }
}

/** Code-point order, so output is the same whatever the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
