/**
 * The build context's files and sizes as the builder receives them: `.dockerignore` applied
 * the way Docker applies it, node_modules and every other folder included unless ignored. The
 * walk is bounded and kept per context root until the file watcher says something changed.
 */
import { statSync } from 'node:fs';
import { sep } from 'node:path';
import type { ContextSizes } from '../engine';
import { dockerignoreMatcher } from '../engine/context/dockerignore';
import { walkDirectorySync } from './directory-walk';

export const SIZE_WALK_LIMITS = { maxFiles: 20_000, maxDepth: 32 };

const walks = new Map<string, ContextSizes>();

/** The context's sizes, walked once per root and `.dockerignore` text. */
export function contextSizes(root: string, dockerignore: string | null, limits = SIZE_WALK_LIMITS): ContextSizes {
  const key = JSON.stringify([root, dockerignore, limits]);
  let sizes = walks.get(key);
  if (!sizes) {
    sizes = walkContext(root, dockerignore, limits);
    walks.set(key, sizes);
  }
  return sizes;
}

/** A file changed on disk: the walks of contexts holding `changedPath` are redone when next asked. */
export function forgetContextSizes(changedPath: string): void {
  for (const key of [...walks.keys()]) {
    const root = (JSON.parse(key) as [string])[0];
    if (changedPath === root || changedPath.startsWith(root.endsWith(sep) ? root : root + sep)) walks.delete(key);
  }
}

function walkContext(root: string, dockerignore: string | null, limits: typeof SIZE_WALK_LIMITS): ContextSizes {
  const ignored = dockerignore ? dockerignoreMatcher(dockerignore) : () => false;
  // Like Docker, an ignored folder is skipped whole unless an exception (`!pattern`) may re-include something in it.
  const hasExceptions = dockerignore !== null && /^\s*!/m.test(dockerignore);
  const walk = walkDirectorySync(root, {
    limits: { maxKept: limits.maxFiles, maxDepth: limits.maxDepth },
    enter: (folder) => !ignored(folder.relativePath) || hasExceptions,
    keep: (entry) => {
      if (!entry.isFile || ignored(entry.relativePath)) return undefined;
      try {
        return statSync(entry.path).size;
      } catch {
        // A file that vanished or cannot be read is not sent either.
        return undefined;
      }
    },
  });
  return { files: walk.kept, complete: walk.cutShort === undefined };
}
