import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CachedManifest {
  mediaType: string;
  /** The exact bytes the registry sent, as text: their sha256 is the digest. */
  body: string;
}

interface CacheFile {
  version: 1;
  tags: Record<string, { digest: string; at: number }>;
  manifests: Record<string, CachedManifest>;
}

/**
 * What the client remembers: the digest a tag pointed at, for `tagTtlMs` (tags move), and
 * manifests by digest for good (content-addressed, so never stale). With a directory, both
 * survive restarts in `registry-cache.json` there; without one, only in memory.
 */
export class RegistryCache {
  private data: CacheFile = { version: 1, tags: {}, manifests: {} };
  private readonly file?: string;

  constructor(
    private readonly options: { directory?: string; tagTtlMs?: number; now?: () => number } = {},
  ) {
    if (options.directory) {
      this.file = join(options.directory, 'registry-cache.json');
      this.data = readCacheFile(this.file) ?? this.data;
    }
  }

  tagDigest(reference: string): string | undefined {
    const entry = this.data.tags[reference];
    if (!entry) return undefined;
    const age = this.now() - entry.at;
    return age >= 0 && age < (this.options.tagTtlMs ?? 5 * 60_000) ? entry.digest : undefined;
  }

  setTagDigest(reference: string, digest: string): void {
    this.data.tags[reference] = { digest, at: this.now() };
    this.save();
  }

  manifest(digest: string): CachedManifest | undefined {
    return this.data.manifests[digest];
  }

  setManifest(digest: string, manifest: CachedManifest): void {
    this.data.manifests[digest] = manifest;
    this.save();
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** Written whole through a temporary file, so a crash never leaves half a cache behind. */
  private save(): void {
    if (!this.file || !this.options.directory) return;
    try {
      mkdirSync(this.options.directory, { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(this.data));
      renameSync(temporary, this.file);
    } catch {
      // A cache that cannot be written only costs requests later.
    }
  }
}

function readCacheFile(file: string): CacheFile | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (parsed.version !== 1 || typeof parsed.tags !== 'object' || typeof parsed.manifests !== 'object') return undefined;
    return { version: 1, tags: { ...parsed.tags }, manifests: { ...parsed.manifests } };
  } catch {
    return undefined;
  }
}
