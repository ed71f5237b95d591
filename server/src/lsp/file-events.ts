/**
 * What the client's watched-file events mean for the open documents. The client watches every
 * file, since any file of a build context counts in the image size; but most of those only feed
 * the size estimates, and analysing every open document again on each of them (a build, a
 * `git checkout`, an editor saving elsewhere) wasted both threads. Here an event re-analyses
 * only the open documents whose analysis read the file: a config file for what lies under it,
 * a kustomization for the YAML under it, a `.dockerignore` for its Dockerfile, a file appearing
 * or going in a build context (the listing the context rules read), and a changed file the
 * Dockerfile names (an entrypoint script it copies). Manifests affected through the workspace
 * index are found by the index itself (`WorkspaceIndexes.filesChanged`).
 */
import { basename, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import type { DocumentKind } from '../engine';
import { CONFIG_FILE_NAMES } from '../host/config-loader';
import { KUSTOMIZATION_FILE_NAMES } from '../engine/workspace/build-definitions/kustomize';

export interface OpenDocument {
  uri: string;
  kind: DocumentKind;
  text: string;
}

export interface FileEventEffects {
  /** Open documents to analyse again. */
  reanalyse: Set<string>;
  /** Open Dockerfiles whose build context holds a changed file: their size estimates are stale. */
  sizesChanged: Set<string>;
}

const pathOf = (uri: string): string | undefined => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);
const isInside = (path: string, folder: string): boolean => path.startsWith(folder.endsWith(sep) ? folder : `${folder}${sep}`);

export function fileEventEffects(changes: readonly FileEvent[], open: readonly OpenDocument[]): FileEventEffects {
  const effects: FileEventEffects = { reanalyse: new Set(), sizesChanged: new Set() };
  const documents = open.flatMap((document) => {
    const path = pathOf(document.uri);
    return path === undefined ? [] : [{ ...document, path }];
  });
  for (const change of changes) {
    const path = pathOf(change.uri);
    if (path === undefined) continue;
    const name = basename(path);
    const folder = dirname(path);
    for (const document of documents) {
      if (document.path === path) continue;
      if (CONFIG_FILE_NAMES.includes(name) && isInside(document.path, folder)) effects.reanalyse.add(document.uri);
      if (document.kind === 'kubernetes' && KUSTOMIZATION_FILE_NAMES.includes(name) && isInside(document.path, folder)) effects.reanalyse.add(document.uri);
      if (document.kind !== 'dockerfile') continue;
      // The build context is the Dockerfile's folder, as the server reads it (host/build-context.ts).
      const context = dirname(document.path);
      if (!isInside(path, context)) continue;
      effects.sizesChanged.add(document.uri);
      const dockerignore = (name === '.dockerignore' && folder === context) || path === `${document.path}.dockerignore`;
      const listingChanged = change.type !== FileChangeType.Changed;
      if (dockerignore || listingChanged || document.text.includes(name)) effects.reanalyse.add(document.uri);
    }
  }
  return effects;
}
