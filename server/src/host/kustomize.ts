/**
 * Whether a YAML file is a Kustomize patch: listed under `patches`, `patchesStrategicMerge` or
 * `patchesJson6902` of a kustomization in its folder or a few folders up. A patch sets only what
 * it changes, so the engine must not report what it lacks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, parse as parsePath, resolve } from 'node:path';
import { parse } from 'yaml';
import type { KubernetesHints } from '../engine';
import { KUSTOMIZATION_FILE_NAMES } from '../engine/workspace/build-definitions/kustomize';

/** Patches sit beside their kustomization or in a folder under it, rarely deeper. */
const LEVELS_UP = 3;

export function kubernetesHintsFor(filePath: string): KubernetesHints {
  const target = resolve(filePath);
  let folder = dirname(target);
  for (let level = 0; level <= LEVELS_UP; level++, folder = dirname(folder)) {
    for (const name of KUSTOMIZATION_FILE_NAMES) {
      const path = join(folder, name);
      if (existsSync(path) && patchPaths(path).some((patch) => resolve(folder, patch) === target)) return { partial: true };
    }
    if (folder === parsePath(folder).root) break;
  }
  return {};
}

function patchPaths(kustomization: string): string[] {
  let document: unknown;
  try {
    document = parse(readFileSync(kustomization, 'utf8'));
  } catch {
    return [];
  }
  if (typeof document !== 'object' || document === null) return [];
  const fields = document as Record<string, unknown>;
  const entries = ['patches', 'patchesStrategicMerge', 'patchesJson6902'].flatMap((field) => (Array.isArray(fields[field]) ? (fields[field] as unknown[]) : []));
  return entries.flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    const path = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).path : undefined;
    return typeof path === 'string' ? [path] : [];
  });
}
