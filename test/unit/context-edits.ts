/**
 * Applying fixes that edit other files of the build context (an entrypoint script, a
 * .dockerignore to create) in tests: the edits change an in-memory copy of the context, which
 * the next analysis reads, as the CLI's --fix does on disk.
 */
import { applyEdits, editsByFile, type BuildContext, type TextEdit } from '../../server/src/engine';

export interface EditedContext {
  context: BuildContext;
  /** The new text of every file the edits changed, by context-relative path. */
  changed: Record<string, string>;
}

export function applyToContext(context: BuildContext | undefined, edits: readonly TextEdit[]): EditedContext {
  const base: BuildContext = context ?? { dockerignore: null };
  const ignoreFile = base.dockerignoreFile ?? '.dockerignore';
  const changed: Record<string, string> = {};
  for (const [file, fileEdits] of editsByFile(edits)) {
    if (file === undefined) continue;
    const current = file === ignoreFile ? (base.dockerignore ?? '') : (base.readFile?.(file) ?? '');
    changed[file] = applyEdits(current, fileEdits);
  }
  if (Object.keys(changed).length === 0) return { context: base, changed };
  const files = base.files && [...new Set([...base.files, ...Object.keys(changed)])];
  return {
    changed,
    context: {
      ...base,
      files,
      dockerignore: changed[ignoreFile] ?? base.dockerignore,
      dockerignoreFile: changed[ignoreFile] === undefined ? base.dockerignoreFile : ignoreFile,
      readFile: (path) => changed[path] ?? base.readFile?.(path),
    },
  };
}
