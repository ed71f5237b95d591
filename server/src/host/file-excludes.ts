/**
 * VS Code's `files.exclude` as a predicate: glob patterns relative to the workspace folder,
 * `true` to exclude, `false` to switch a default off, `{ when: "$(basename).ts" }` to exclude
 * only beside a sibling of that name (compiled output next to its source).
 */
import { minimatch } from 'minimatch';

export type ExcludeSetting = Record<string, unknown>;

/** Whether a workspace-relative path is excluded; `siblings` are the names in its folder. */
export type ExcludeMatcher = (relativePath: string, siblings: ReadonlySet<string>) => boolean;

export function excludeMatcher(setting: unknown): ExcludeMatcher {
  const rules: { pattern: string; when?: string }[] = [];
  if (typeof setting === 'object' && setting !== null && !Array.isArray(setting)) {
    for (const [pattern, value] of Object.entries(setting as ExcludeSetting)) {
      if (value === true) rules.push({ pattern });
      else if (typeof value === 'object' && value !== null && typeof (value as { when?: unknown }).when === 'string') rules.push({ pattern, when: (value as { when: string }).when });
    }
  }
  return (relativePath, siblings) =>
    rules.some((rule) => {
      if (!minimatch(relativePath, rule.pattern, { dot: true })) return false;
      if (rule.when === undefined) return true;
      const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
      const stem = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name;
      return siblings.has(rule.when.replace(/\$\(basename\)/g, stem));
    });
}

/** Whether a file is excluded, itself or through a folder above it (what a walk would have skipped). */
export function isExcludedPath(excluded: ExcludeMatcher, relativePath: string): boolean {
  const parts = relativePath.split('/');
  return parts.some((_, index) => excluded(parts.slice(0, index + 1).join('/'), new Set()));
}
