/**
 * The server's workspace indexes, kept on the main thread: filled by a bounded scan of each
 * workspace folder, then kept current from open documents (their unsaved text wins over the
 * disk) and the client's file watcher. Every change is an update (workspace-state.ts) the
 * analysis threads get too; the open manifests it affects are analysed again. Here too:
 * go-to-definition and the hover line of a manifest's `image:` value.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { FileChangeType, type FileEvent, type Location, type Position } from 'vscode-languageserver';
import { WorkspaceIndex, type ResolvedImage } from '../engine';
import { excludeMatcher, isExcludedPath, type ExcludeMatcher } from '../host/file-excludes';
import { absolutePathOf, describeCutShort, scanWorkspace } from '../host/workspace-scan';
import { manifestImageAt } from './hover';
import { uriOf, WorkspaceState, type IndexedFolder, type WorkspaceUpdate } from './workspace-state';

/** Files handed to the index at a time during the initial scan. */
const SCAN_BATCH = 100;

export interface WorkspaceIndexHost {
  log(message: string): void;
  /** The `files.exclude` setting of a folder. */
  excludes(folderUri: string): Promise<unknown>;
  /** `shipshape.workspace.imageMappings` of a folder. */
  imageMappings(folderUri: string): Promise<Record<string, string>>;
  /** The text of an open document, which wins over the disk. */
  openText(uri: string): string | undefined;
  /** Every update, for the analysis threads' replicas. */
  published(update: WorkspaceUpdate): void;
  /** Open manifests whose cross-file findings may have changed. */
  affected(uris: string[]): void;
}

export class WorkspaceIndexes {
  readonly state = new WorkspaceState();
  /** `files.exclude` of each folder as last read, to notice when it changes, and as a predicate. */
  private readonly excludes = new Map<string, { setting: string; excluded: ExcludeMatcher }>();

  constructor(private readonly host: WorkspaceIndexHost) {}

  /** Indexes the workspace folders (file: URIs); resolves when their scans are done. */
  async open(folderUris: string[]): Promise<void> {
    this.commit({ type: 'folders', uris: folderUris });
    await Promise.all(this.state.folders.map((folder) => this.scan(folder)));
  }

  /** An open document's text changed: the index takes it. */
  documentChanged(uri: string, text: string): void {
    const located = this.state.locate(uri);
    if (!located || !WorkspaceIndex.isRelevant(located.path) || located.folder.index.textOf(located.path) === text) return;
    this.commit({ type: 'files', folder: located.folder.uri, files: [[located.path, text]] });
  }

  /** A document closed: the disk has the last word again. */
  async documentClosed(uri: string): Promise<void> {
    const located = this.state.locate(uri);
    if (located && WorkspaceIndex.isRelevant(located.path)) await this.readFromDisk(located.folder, located.path);
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    for (const change of changes) {
      const located = this.state.locate(change.uri);
      if (!located || this.host.openText(change.uri) !== undefined) continue;
      const { folder, path } = located;
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder arrives as one event for the folder.
        const gone = [...folder.paths].filter((candidate) => candidate === path || candidate.startsWith(`${path}/`));
        if (gone.length > 0) this.commit({ type: 'files', folder: folder.uri, files: gone.map((file): [string, null] => [file, null]) });
      } else if (WorkspaceIndex.isRelevant(path) && !this.isExcluded(folder, path)) {
        await this.readFromDisk(folder, path);
      }
    }
  }

  /** The settings changed: new mappings are applied, new exclusions mean a new scan. */
  async settingsChanged(): Promise<void> {
    await Promise.all(
      this.state.folders.map(async (folder) => {
        if (JSON.stringify((await this.host.excludes(folder.uri)) ?? null) !== this.excludes.get(folder.uri)?.setting) {
          await this.scan(folder);
        } else {
          const mappings = await this.host.imageMappings(folder.uri);
          if (JSON.stringify(mappings) !== JSON.stringify(folder.mappings)) this.commit({ type: 'mappings', folder: folder.uri, mappings });
        }
      }),
    );
  }

  /** Go to definition on a manifest's `image:` value: the FROM of the stage that ships, else the Dockerfile's top. */
  definition(uri: string, text: string, position: Position): Location | undefined {
    const located = this.state.locate(uri);
    const image = located && manifestImageAt(text, position);
    if (!located || !image) return undefined;
    const resolved = located.folder.index.resolveImage(image.text, located.path);
    // A mapping may name a Dockerfile that is not there.
    if (!resolved.link || located.folder.index.textOf(resolved.link.dockerfile) === undefined) return undefined;
    const from = resolved.profile?.from;
    if (from) return { uri: uriOf(located.folder, from.file), range: from.range };
    return { uri: uriOf(located.folder, resolved.link.dockerfile), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  }

  /** The hover's line about where the workspace builds a manifest's image, as Markdown. */
  builtFrom(uri: string, imageText: string): string | undefined {
    const located = this.state.locate(uri);
    if (!located) return undefined;
    return builtFromLine(located.folder.index.resolveImage(imageText, located.path), (path) => uriOf(located.folder, path));
  }

  private commit(update: WorkspaceUpdate): void {
    const affected = this.state.apply(update);
    this.host.published(update);
    if (affected.length > 0) this.host.affected(affected);
  }

  private async scan(folder: IndexedFolder): Promise<void> {
    const excludes = await this.host.excludes(folder.uri);
    const excluded = excludeMatcher(excludes);
    this.excludes.set(folder.uri, { setting: JSON.stringify(excludes ?? null), excluded });
    this.commit({ type: 'mappings', folder: folder.uri, mappings: await this.host.imageMappings(folder.uri) });
    const scan = await scanWorkspace(folder.root, { isRelevant: WorkspaceIndex.isRelevant, excluded });
    // In batches, so that the server answers meanwhile: a few thousand files take about a second.
    const files = [...scan.files];
    for (let at = 0; at < files.length; at += SCAN_BATCH) {
      // Open documents count with their own (perhaps unsaved) text.
      const batch = files.slice(at, at + SCAN_BATCH).map(([path, text]): [string, string] => [path, this.host.openText(uriOf(folder, path)) ?? text]);
      this.commit({ type: 'files', folder: folder.uri, files: batch });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    // Scanning again (the exclusions changed): what it no longer finds goes, unless it is open.
    const gone = [...folder.paths].filter((path) => !scan.files.has(path) && this.host.openText(uriOf(folder, path)) === undefined);
    if (gone.length > 0) this.commit({ type: 'files', folder: folder.uri, files: gone.map((path): [string, null] => [path, null]) });
    this.host.log(`Workspace index of ${folder.root}: ${scan.files.size} files read in ${scan.elapsedMs} ms.`);
    const cutShort = describeCutShort(scan);
    if (cutShort) this.host.log(`Workspace index of ${folder.root}: ${cutShort}.`);
  }

  private isExcluded(folder: IndexedFolder, path: string): boolean {
    const excludes = this.excludes.get(folder.uri);
    return excludes !== undefined && isExcludedPath(excludes.excluded, path);
  }

  private async readFromDisk(folder: IndexedFolder, path: string): Promise<void> {
    let text: string | null;
    try {
      text = await readFile(absolutePathOf(folder.root, path), 'utf8');
    } catch {
      text = null;
    }
    if (text === null && !folder.paths.has(path)) return;
    if (text !== null && folder.index.textOf(path) === text) return;
    this.commit({ type: 'files', folder: folder.uri, files: [[path, text]] });
  }
}

/** "Built from [src/cart/Dockerfile](…) (via skaffold.yaml)", with the Kustomize rewrite that renamed the image. */
export function builtFromLine(resolved: ResolvedImage, uriOf: (path: string) => string): string | undefined {
  const { link } = resolved;
  if (!link) return undefined;
  const via =
    link.source === 'name-match'
      ? 'by name only: no build definition says so, so findings based on it may be wrong'
      : link.source === 'setting'
        ? 'via the `shipshape.workspace.imageMappings` setting'
        : `via ${link.location ? `[${basename(link.location.file)}](${uriOf(link.location.file)}#L${link.location.range.start.line + 1})` : link.source}`;
  const stage = link.target ? `, stage \`${link.target}\`` : '';
  const rewrite = resolved.rewrites[0];
  const deployed = rewrite ? `; deployed as \`${resolved.deployed}\` by [${rewrite.location.file}](${uriOf(rewrite.location.file)}#L${rewrite.location.range.start.line + 1})` : '';
  return `Built from [${link.dockerfile}](${uriOf(link.dockerfile)})${stage} (${via})${deployed}`;
}
