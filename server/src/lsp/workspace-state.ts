/**
 * The workspace indexes of the server, one per workspace folder, changed only through
 * updates: the main thread applies each update and forwards it to the analysis threads,
 * which hold replicas of the same state for the cross-file rules.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WorkspaceIndex, type WorkspaceInput } from '../engine';
import { absolutePathOf, workspacePathOf } from '../host/workspace-scan';

/** A change to the workspace state, as data that crosses to the analysis threads. */
export type WorkspaceUpdate =
  /** The workspace folders (file: URIs); every index starts empty. */
  | { type: 'folders'; uris: string[] }
  /** Files of a folder, by workspace-relative path: their text, or null when removed. */
  | { type: 'files'; folder: string; files: [path: string, text: string | null][] }
  /** The `shipshape.workspace.imageMappings` of a folder. */
  | { type: 'mappings'; folder: string; mappings: Record<string, string> };

export interface IndexedFolder {
  uri: string;
  root: string;
  index: WorkspaceIndex;
  /** The paths the index holds. */
  paths: Set<string>;
  mappings: Record<string, string>;
}

export class WorkspaceState {
  /** The deepest first: a file belongs to the innermost workspace folder holding it. */
  folders: IndexedFolder[] = [];

  /** Applies an update; returns the URIs of manifests whose cross-file findings may change. */
  apply(update: WorkspaceUpdate): string[] {
    if (update.type === 'folders') {
      this.folders = update.uris
        .filter((uri) => uri.startsWith('file:'))
        .map((uri) => ({ uri: uri.replace(/\/$/, ''), root: fileURLToPath(uri), index: new WorkspaceIndex(), paths: new Set<string>(), mappings: {} }))
        .sort((a, b) => b.root.length - a.root.length);
      return [];
    }
    const folder = this.folders.find((candidate) => candidate.uri === update.folder);
    if (!folder) return [];
    const affected = new Set<string>();
    if (update.type === 'mappings') {
      folder.mappings = update.mappings;
      folder.index.setMappings(update.mappings).forEach((path) => affected.add(path));
    } else {
      const texts: [string, string][] = [];
      for (const [path, text] of update.files) {
        if (text === null) {
          folder.paths.delete(path);
          folder.index.removeFile(path).forEach((manifest) => affected.add(manifest));
        } else {
          folder.paths.add(path);
          texts.push([path, text]);
        }
      }
      folder.index.setFiles(texts).forEach((manifest) => affected.add(manifest));
    }
    return [...affected].map((path) => uriOf(folder, path));
  }

  /** Updates that rebuild this state from nothing, for a new analysis thread. */
  snapshot(): WorkspaceUpdate[] {
    return [
      { type: 'folders', uris: this.folders.map((folder) => folder.uri) },
      ...this.folders.flatMap((folder): WorkspaceUpdate[] => [
        { type: 'mappings', folder: folder.uri, mappings: folder.mappings },
        { type: 'files', folder: folder.uri, files: [...folder.paths].map((path): [string, string | null] => [path, folder.index.textOf(path) ?? null]) },
      ]),
    ];
  }

  /** What the analysis of a manifest gets: its folder's index and its path there. */
  inputFor(uri: string): WorkspaceInput | undefined {
    const located = this.locate(uri);
    return located && { index: located.folder.index, path: located.path };
  }

  locate(uri: string): { folder: IndexedFolder; path: string } | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    for (const folder of this.folders) {
      const path = workspacePathOf(folder.root, file);
      if (path !== undefined) return { folder, path };
    }
    return undefined;
  }
}

export function uriOf(folder: Pick<IndexedFolder, 'root'>, path: string): string {
  return pathToFileURL(absolutePathOf(folder.root, path)).href;
}
