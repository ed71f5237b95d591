/**
 * Size estimates for open Dockerfiles: the engine's estimate with the catalog, and, once a
 * person hovers a base or opens the breakdown, the registry's exact download size for it. The
 * registry is asked in the background with a short wait: a hover never hangs on the network.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EngineConfig, BuildContext } from '../engine';
import { normalizeReference } from '../engine/registry/reference';
import { estimateImageSize, type SizeReport } from '../engine/size/estimate';
import { sizeTables } from '../engine/size/tables';
import type { Pinner } from './pinning';
import type { RegistrySettings } from './settings';

/** How long a hover waits for the registry before answering with the catalog. */
export const HOVER_REGISTRY_WAIT_MS = 1500;
/**
 * Estimates run on the server's main thread for hovers and lenses: past this size (about 1,200
 * lines) one would take most of a second, so such files get none.
 */
export const MAX_ESTIMATED_BYTES = 64 * 1024;
/** A failed lookup is not retried for this long, so an unreachable registry costs one wait. */
const FAILURE_TTL_MS = 5 * 60_000;

type Lookup = { bytes: number } | { failedAt: number };

export class ImageSizes {
  private readonly lookups = new Map<string, Lookup>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly reports = new Map<string, { version: number; key: string; report: SizeReport }>();

  constructor(
    private readonly pinner: () => Pinner,
    private readonly log: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Download sizes the registry gave so far, by image as written. */
  registrySizes(): Map<string, number> {
    const sizes = new Map<string, number>();
    for (const [image, lookup] of this.lookups) if ('bytes' in lookup) sizes.set(image, lookup.bytes);
    return sizes;
  }

  /** The estimate with what is known now (catalog, registry sizes already fetched); none for very large files. */
  report(document: TextDocument, config: EngineConfig, context: BuildContext | undefined): SizeReport | undefined {
    if (document.getText().length > MAX_ESTIMATED_BYTES) return undefined;
    const registrySizes = this.registrySizes();
    const key = JSON.stringify([config.shippedStage, [...registrySizes], context?.sizes === undefined ? 0 : context.sizes.files.size]);
    const cached = this.reports.get(document.uri);
    if (cached && cached.version === document.version && cached.key === key) return cached.report;
    const report = estimateImageSize({ text: document.getText(), config, context, data: sizeTables, registrySizes });
    this.reports.set(document.uri, { version: document.version, key, report });
    return report;
  }

  forget(uri: string): void {
    this.reports.delete(uri);
  }

  /**
   * Asks the registry for the download size of these images (linux/amd64), waiting at most
   * `waitMs`; lookups still running go on and land in later estimates.
   */
  async fetchRegistrySizes(images: readonly string[], settings: RegistrySettings, trusted: boolean, waitMs: number): Promise<void> {
    if (settings.offline) return;
    const started = images.map((image) => this.lookup(image, settings, trusted));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
    await Promise.race([Promise.all(started), deadline]);
    clearTimeout(timer);
  }

  private lookup(image: string, settings: RegistrySettings, trusted: boolean): Promise<void> {
    const known = this.lookups.get(image);
    if (known && ('bytes' in known || this.now() - known.failedAt < FAILURE_TTL_MS)) return Promise.resolve();
    const running = this.pending.get(image);
    if (running) return running;
    const normalized = normalizeReference(image);
    if ('error' in normalized) return Promise.resolve();
    const client = this.pinner().clientFor(settings, trusted);
    const work = (async () => {
      try {
        const digest = normalized.reference.digest ?? (await client.resolveDigest(normalized.reference)).digest;
        const size = await client.platformSize(normalized.reference, digest, 'linux/amd64');
        this.lookups.set(image, { bytes: size.compressedBytes });
      } catch (error) {
        this.lookups.set(image, { failedAt: this.now() });
        this.log(`Image size: the registry gave no size for ${image} (${error instanceof Error ? error.message : String(error)}); the catalog's figure is shown.`);
      } finally {
        this.pending.delete(image);
      }
    })();
    this.pending.set(image, work);
    return work;
  }
}
