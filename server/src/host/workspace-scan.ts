/**
 * The files of a workspace the index needs, read from disk within limits: a breadth-first
 * walk that skips `node_modules`, `.git` and excluded paths, reads only the files the caller
 * finds relevant, and stops after a number of entries or a time, saying so. One walk serves
 * the CLI (synchronously, through its file-system seam) and the language server (which lets
 * other messages through between folders).
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { type DirectoryEntry, readDirectoryFromDisk, type Walk, type WalkOptions, walkDirectory, walkDirectorySync } from './directory-walk';
import type { ExcludeMatcher } from './file-excludes';

export interface WorkspaceScanLimits {
  /** Directory entries looked at, files and folders. */
  maxEntries: number;
  maxMs: number;
  /** Relevant files larger than this are left out. */
  maxFileBytes: number;
}

export const WORKSPACE_SCAN_LIMITS: WorkspaceScanLimits = { maxEntries: 20_000, maxMs: 2_000, maxFileBytes: 1024 * 1024 };

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** The few file-system calls the walk makes. */
export interface ScanFileSystem {
  readDirectory(path: string): DirectoryEntry[];
  fileSize(path: string): number;
  readText(path: string): string;
}

export const nodeScanFileSystem: ScanFileSystem = {
  readDirectory: readDirectoryFromDisk,
  fileSize: (path) => statSync(path).size,
  readText: (path) => readFileSync(path, 'utf8'),
};

export interface WorkspaceScanOptions {
  /** Whether a workspace-relative file path is worth reading. */
  isRelevant: (relativePath: string) => boolean;
  excluded?: ExcludeMatcher;
  limits?: WorkspaceScanLimits;
  fs?: ScanFileSystem;
  now?: () => number;
}

export interface WorkspaceScan {
  /** Workspace-relative path (forward slashes) → text. */
  files: Map<string, string>;
  entries: number;
  elapsedMs: number;
  /** Why the walk stopped before the end: too many entries or out of time. */
  cutShort?: 'entries' | 'time';
}

function walkOptions(options: WorkspaceScanOptions): WalkOptions<string> {
  const limits = options.limits ?? WORKSPACE_SCAN_LIMITS;
  const fs = options.fs ?? nodeScanFileSystem;
  return {
    limits: { maxEntries: limits.maxEntries, maxMs: limits.maxMs },
    // Breadth first, so a scan cut short has seen the shallow files every project has.
    breadthFirst: true,
    sorted: true,
    readDirectory: (path) => fs.readDirectory(path),
    now: options.now,
    enter: (folder) => !options.excluded?.(folder.relativePath, folder.siblings) && !SKIPPED_FOLDERS.has(folder.name),
    keep: (entry) =>
      entry.isFile && !options.excluded?.(entry.relativePath, entry.siblings) && options.isRelevant(entry.relativePath)
        ? readSmall(fs, entry.path, limits.maxFileBytes)
        : undefined,
  };
}

function asScan(walk: Walk<string>): WorkspaceScan {
  // Only the entry and time limits are set, so only they can cut the walk short.
  return { files: walk.kept, entries: walk.entries, elapsedMs: walk.elapsedMs, cutShort: walk.cutShort as WorkspaceScan['cutShort'] };
}

function readSmall(fs: ScanFileSystem, path: string, maxBytes: number): string | undefined {
  try {
    return fs.fileSize(path) > maxBytes ? undefined : fs.readText(path);
  } catch {
    return undefined;
  }
}

export function scanWorkspaceSync(root: string, options: WorkspaceScanOptions): WorkspaceScan {
  return asScan(walkDirectorySync(root, walkOptions(options)));
}

/** The same walk, giving the event loop a turn after each folder so a server stays responsive. */
export async function scanWorkspace(root: string, options: WorkspaceScanOptions): Promise<WorkspaceScan> {
  return asScan(await walkDirectory(root, walkOptions(options)));
}

/** A sentence for a log or a CLI warning when the scan did not see everything; undefined when it did. */
export function describeCutShort(scan: WorkspaceScan, limits = WORKSPACE_SCAN_LIMITS): string | undefined {
  const seen = `cross-file checks see only the ${scan.files.size} files read by then`;
  if (scan.cutShort === 'entries') return `the workspace scan stopped after ${limits.maxEntries} files and folders; ${seen}`;
  if (scan.cutShort === 'time') return `the workspace scan stopped after ${limits.maxMs} ms (${scan.entries} files and folders); ${seen}`;
  return undefined;
}

/** A file's path in the workspace at `root` (forward slashes); undefined for the root itself and for files outside it. */
export function workspacePathOf(root: string, absolutePath: string): string | undefined {
  const path = relative(root, absolutePath);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || /^[A-Za-z]:|^[\\/]/.test(path)) return undefined;
  return path.split(sep).join('/');
}

/** The absolute path of a file at `path` (forward slashes) in the workspace at `root`: workspacePathOf's inverse. */
export function absolutePathOf(root: string, path: string): string {
  return `${root}${sep}${path.split('/').join(sep)}`;
}
