/**
 * Reads what the engine's context rules need from disk: the .dockerignore that applies and a
 * bounded listing of the context. Shared by the CLI and the language server; the engine
 * itself stays free of I/O.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { BuildContext } from '../engine';
import { contextSizes } from './context-sizes';
import { walkDirectorySync } from './directory-walk';

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
  const walk = walkDirectorySync(root, {
    limits: { maxKept: limits.maxFiles, maxDepth: limits.maxDepth },
    enter: (folder) => !SKIPPED_FOLDERS.has(folder.name),
    // A skipped folder itself is listed so .dockerignore checks see it; its content is not.
    keep: () => true,
  });
  return [...walk.kept.keys()];
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
