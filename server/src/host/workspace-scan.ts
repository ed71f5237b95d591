/**
 * The files of a workspace the index needs, read from disk within limits: a breadth-first
 * walk that skips `node_modules`, `.git` and excluded paths, reads only the files the caller
 * finds relevant, and stops after a number of entries or a time, saying so. One walk serves
 * the CLI (synchronously, through its file-system seam) and the language server (which lets
 * other messages through between folders).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
  readDirectory(path: string): { name: string; isFile(): boolean; isDirectory(): boolean }[];
  fileSize(path: string): number;
  readText(path: string): string;
}

export const nodeScanFileSystem: ScanFileSystem = {
  readDirectory: (path) => readdirSync(path, { withFileTypes: true }),
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

/** The walk, one folder per step. */
function* walk(root: string, options: WorkspaceScanOptions): Generator<void, WorkspaceScan> {
  const limits = options.limits ?? WORKSPACE_SCAN_LIMITS;
  const fs = options.fs ?? nodeScanFileSystem;
  const now = options.now ?? Date.now;
  const started = now();
  const scan: WorkspaceScan = { files: new Map(), entries: 0, elapsedMs: 0 };
  // Breadth first, so a scan cut short has seen the shallow files every project has.
  const folders = [''];
  for (let at = 0; at < folders.length && !scan.cutShort; at++) {
    const folder = folders[at];
    let entries;
    try {
      entries = fs.readDirectory(folder ? join(root, folder) : root);
    } catch {
      continue;
    }
    const names = new Set(entries.map((entry) => entry.name));
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (++scan.entries > limits.maxEntries) scan.cutShort = 'entries';
      else if (now() - started > limits.maxMs) scan.cutShort = 'time';
      if (scan.cutShort) break;
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (options.excluded?.(path, names)) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) folders.push(path);
      } else if (entry.isFile() && options.isRelevant(path)) {
        const text = readSmall(fs, join(root, path), limits.maxFileBytes);
        if (text !== undefined) scan.files.set(path, text);
      }
    }
    yield;
  }
  scan.elapsedMs = now() - started;
  return scan;
}

function readSmall(fs: ScanFileSystem, path: string, maxBytes: number): string | undefined {
  try {
    return fs.fileSize(path) > maxBytes ? undefined : fs.readText(path);
  } catch {
    return undefined;
  }
}

export function scanWorkspaceSync(root: string, options: WorkspaceScanOptions): WorkspaceScan {
  const steps = walk(root, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same walk, giving the event loop a turn after each folder so a server stays responsive. */
export async function scanWorkspace(root: string, options: WorkspaceScanOptions): Promise<WorkspaceScan> {
  const steps = walk(root, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** A sentence for a log or a CLI warning when the scan did not see everything; undefined when it did. */
export function describeCutShort(scan: WorkspaceScan, limits = WORKSPACE_SCAN_LIMITS): string | undefined {
  const seen = `cross-file checks see only the ${scan.files.size} files read by then`;
  if (scan.cutShort === 'entries') return `the workspace scan stopped after ${limits.maxEntries} files and folders; ${seen}`;
  if (scan.cutShort === 'time') return `the workspace scan stopped after ${limits.maxMs} ms (${scan.entries} files and folders); ${seen}`;
  return undefined;
}
