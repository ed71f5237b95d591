/**
 * One bounded walk of a folder tree for the host's listings (build context, context sizes,
 * workspace scan): the caller's visitor decides which folders to enter and what to keep for an
 * entry; the walk stops at its limits and says which one cut it short.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface WalkLimits {
  /** Entries kept by the visitor; reaching it stops the walk. */
  maxKept?: number;
  /** Directory entries looked at, files and folders alike; passing it stops the walk. */
  maxEntries?: number;
  /** Folders deeper than this (the root is 0) are not read; the rest of the walk goes on. */
  maxDepth?: number;
  /** Time from the start; passing it stops the walk. */
  maxMs?: number;
}

export interface DirectoryEntry {
  name: string;
  isFile(): boolean;
  isDirectory(): boolean;
}

export interface WalkedEntry {
  name: string;
  /** Relative to the root, forward slashes. */
  relativePath: string;
  /** The root joined with `relativePath`. */
  path: string;
  isFile: boolean;
  isDirectory: boolean;
  /** The names in the entry's folder. */
  siblings: ReadonlySet<string>;
}

export interface WalkVisitor<T> {
  /** Whether to walk into a folder. */
  enter(folder: WalkedEntry): boolean;
  /** What to keep for a file or a folder not entered; undefined keeps nothing. */
  keep(entry: WalkedEntry): T | undefined;
}

export interface WalkOptions<T> extends WalkVisitor<T> {
  limits: WalkLimits;
  /** Folder by folder, so a walk cut short has seen the shallow entries; depth first otherwise. */
  breadthFirst?: boolean;
  /** Entries in name order, so a walk cut short keeps the same entries on every machine. */
  sorted?: boolean;
  readDirectory?: (path: string) => DirectoryEntry[];
  now?: () => number;
}

export interface Walk<T> {
  /** Relative path → what the visitor kept, in walk order. */
  kept: Map<string, T>;
  entries: number;
  elapsedMs: number;
  /** The first limit that left something unwalked. */
  cutShort?: 'kept' | 'entries' | 'depth' | 'time';
}

export const readDirectoryFromDisk = (path: string): DirectoryEntry[] => readdirSync(path, { withFileTypes: true });

const byName = (a: DirectoryEntry, b: DirectoryEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The walk, one folder per step. */
function* steps<T>(root: string, options: WalkOptions<T>): Generator<void, Walk<T>> {
  const { limits } = options;
  const readDirectory = options.readDirectory ?? readDirectoryFromDisk;
  const now = options.now ?? Date.now;
  const started = now();
  const walk: Walk<T> = { kept: new Map(), entries: 0, elapsedMs: 0 };
  let stopped = false;
  const limitPassed = (): Walk<T>['cutShort'] => {
    if (limits.maxEntries !== undefined && walk.entries > limits.maxEntries) return 'entries';
    if (limits.maxKept !== undefined && walk.kept.size >= limits.maxKept) return 'kept';
    if (limits.maxMs !== undefined && now() - started > limits.maxMs) return 'time';
    return undefined;
  };
  const queue: { folder: string; depth: number }[] = [];

  function* visitFolder(folder: string, depth: number): Generator<void> {
    if (limits.maxDepth !== undefined && depth > limits.maxDepth) {
      walk.cutShort ??= 'depth';
      return;
    }
    let entries;
    try {
      entries = readDirectory(folder ? join(root, folder) : root);
    } catch {
      return;
    }
    if (options.sorted) entries.sort(byName);
    const siblings = new Set(entries.map((entry) => entry.name));
    for (const entry of entries) {
      walk.entries++;
      const limit = limitPassed();
      if (limit) {
        walk.cutShort ??= limit;
        stopped = true;
        break;
      }
      const relativePath = folder ? `${folder}/${entry.name}` : entry.name;
      const walked: WalkedEntry = { name: entry.name, relativePath, path: join(root, relativePath), isFile: entry.isFile(), isDirectory: entry.isDirectory(), siblings };
      if (walked.isDirectory && options.enter(walked)) {
        if (options.breadthFirst) queue.push({ folder: relativePath, depth: depth + 1 });
        else yield* visitFolder(relativePath, depth + 1);
        if (stopped) break;
        continue;
      }
      if (!walked.isDirectory && !walked.isFile) continue;
      const value = options.keep(walked);
      if (value !== undefined) walk.kept.set(relativePath, value);
    }
    yield;
  }

  yield* visitFolder('', 0);
  for (let at = 0; at < queue.length && !stopped; at++) yield* visitFolder(queue[at].folder, queue[at].depth);
  walk.elapsedMs = now() - started;
  return walk;
}

export function walkDirectorySync<T>(root: string, options: WalkOptions<T>): Walk<T> {
  const walk = steps(root, options);
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value;
  }
}

/** The same walk, giving the event loop a turn after each folder so a server stays responsive. */
export async function walkDirectory<T>(root: string, options: WalkOptions<T>): Promise<Walk<T>> {
  const walk = steps(root, options);
  for (;;) {
    const step = walk.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
