/**
 * The workspace indexes `shipshape check` lends the cross-file rules: one per folder named on
 * the command line (for files named alone, the working folder), built by the same bounded
 * walk as the language server's on first use.
 */
import { relative } from 'node:path';
import { WorkspaceIndex, type WorkspaceInput } from '../engine';
import { describeCutShort, scanWorkspaceSync, workspacePathOf, type ScanFileSystem } from '../host/workspace-scan';
import type { CliIo } from './io';

export class CheckWorkspaces {
  private readonly indexes = new Map<string, WorkspaceIndex>();
  /** Named folders, the deepest first (a file belongs to the innermost one holding it), then the fallback. */
  private readonly roots: string[];

  /** `roots`: the folders named, then the fallback for files outside them (the working folder). */
  constructor(
    roots: string[],
    private readonly io: CliIo,
    private readonly warn: (message: string) => void,
  ) {
    const [fallback, ...named] = [...roots].reverse();
    this.roots = [...[...new Set(named)].sort((a, b) => b.length - a.length), fallback];
  }

  /** The index of the root holding the file and the file's path in it; undefined outside every root. */
  inputFor(absolutePath: string): WorkspaceInput | undefined {
    for (const root of this.roots) {
      const path = workspacePathOf(root, absolutePath);
      if (path !== undefined) return { index: this.indexOf(root), path };
    }
    return undefined;
  }

  /** The innermost root holding the file: where a cross-file fix of a manifest may write. */
  rootFor(absolutePath: string): string | undefined {
    return this.roots.find((root) => workspacePathOf(root, absolutePath) !== undefined);
  }

  /** A fix wrote a file: the indexes holding it read its new text, so later manifests see it. */
  fileWritten(absolutePath: string, text: string): void {
    for (const [root, index] of this.indexes) {
      const path = workspacePathOf(root, absolutePath);
      if (path !== undefined && WorkspaceIndex.isRelevant(path)) index.setFile(path, text);
    }
  }

  private indexOf(root: string): WorkspaceIndex {
    let index = this.indexes.get(root);
    if (!index) {
      index = new WorkspaceIndex();
      const scan = scanWorkspaceSync(root, { isRelevant: WorkspaceIndex.isRelevant, fs: scanFileSystem(this.io) });
      index.setFiles(scan.files);
      const cutShort = describeCutShort(scan);
      if (cutShort) this.warn(`${relative(this.io.cwd, root) || '.'}: ${cutShort}`);
      this.indexes.set(root, index);
    }
    return index;
  }
}

function scanFileSystem(io: CliIo): ScanFileSystem {
  const decoder = new TextDecoder();
  return {
    readDirectory: (path) => io.fs.readDirectory(path),
    fileSize: (path) => io.fs.stat(path).size,
    readText: (path) => decoder.decode(io.fs.readFile(path)),
  };
}
