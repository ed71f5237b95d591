/**
 * Reads what the engine's context rules need from disk: the .dockerignore that applies and a
 * bounded listing of the context. Shared by the CLI and the language server; the engine
 * itself stays free of I/O.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { BuildContext } from '../engine';
import { contextSizes } from './context-sizes';

export const CONTEXT_LIMITS = { maxFiles: 5000, maxDepth: 8, maxReadBytes: 64 * 1024 };

/** Folders whose content never matters for secret or ignore checks and would cost the most. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.hg', '.svn']);

/** BuildKit prefers `<Dockerfile>.dockerignore` beside the Dockerfile over the context's `.dockerignore`. */
function dockerignorePaths(dockerfilePath: string, contextRoot: string): string[] {
  return [`${dockerfilePath}.dockerignore`, join(contextRoot, '.dockerignore')];
}

export function readDockerignore(dockerfilePath: string, contextRoot = dirname(dockerfilePath)): string | null {
  for (const candidate of dockerignorePaths(dockerfilePath, contextRoot)) {
    try {
      if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    } catch {
      // An unreadable file is treated like a missing one.
    }
  }
  return null;
}

export function listContextFiles(root: string, limits = CONTEXT_LIMITS): string[] {
  const files: string[] = [];
  const walk = (folder: string, depth: number) => {
    if (files.length >= limits.maxFiles || depth > limits.maxDepth) return;
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (files.length >= limits.maxFiles) return;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        // The folder itself is listed so .dockerignore checks see it; its content is not.
        if (SKIPPED_FOLDERS.has(entry.name)) files.push(relative(root, path).split(sep).join('/'));
        else walk(path, depth + 1);
      } else if (entry.isFile()) {
        files.push(relative(root, path).split(sep).join('/'));
      }
    }
  };
  walk(root, 0);
  return files;
}

function readSmallFile(root: string, relativePath: string, limits = CONTEXT_LIMITS): string | undefined {
  const path = join(root, relativePath);
  try {
    if (statSync(path).size > limits.maxReadBytes) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The build context of a Dockerfile, taking its folder as the context root (the common `docker build .`). */
export function buildContextFor(dockerfilePath: string): BuildContext {
  const root = dirname(dockerfilePath);
  let files: string[] | undefined;
  const dockerignoreFile = dockerignorePaths(dockerfilePath, root).find((path) => existsSync(path));
  return {
    dockerignore: readDockerignore(dockerfilePath, root),
    dockerignoreFile: dockerignoreFile && relative(root, dockerignoreFile).split(sep).join('/'),
    get files() {
      files ??= listContextFiles(root).filter((path) => path !== basename(dockerfilePath));
      return files;
    },
    readFile: (relativePath) => readSmallFile(root, relativePath),
    get sizes() {
      return contextSizes(root, this.dockerignore);
    },
  };
}
