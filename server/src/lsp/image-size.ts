/**
 * Size estimates for open Dockerfiles: the engine's estimate with the catalog, and, once a
 * person hovers a base or opens the breakdown, the registry's exact download size for it. The
 * registry is asked in the background with a short wait: a hover never hangs on the network.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EngineConfig, BuildContext } from '../engine';
import { normalizeReference } from '../engine/registry/reference';
import { RegistryError } from '../host/registry/errors';
import { CATALOG_PLATFORM, estimateImageSize, platformSizeKey, type BaseSize, type PlatformFigure, type SizeReport } from '../engine/size/estimate';
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

/** One registry question: the download size of an image for a platform. */
export interface SizeLookup {
  image: string;
  platform: string;
}

/** A question and the registry's answer, kept with the question so the figures are read without parsing the key. */
type Lookup = SizeLookup & ({ bytes: number } | { absentAt: number } | { failedAt: number });

/** The lookups a base's card needs: linux/amd64, and the other platform it shows. */
export function baseLookups(base: Pick<BaseSize, 'image' | 'platform'>): SizeLookup[] {
  return base.image ? registryLookups(base.image, base.platform?.name) : [];
}

/** The lookups an image's card needs: linux/amd64, and `platform` when it is another one. */
export function registryLookups(image: string, platform: string | undefined): SizeLookup[] {
  const lookups = [{ image, platform: CATALOG_PLATFORM }];
  if (platform && platform !== CATALOG_PLATFORM) lookups.push({ image, platform });
  return lookups;
}

/** What the registry gave so far: linux/amd64 sizes by image, and other platforms' by `platformSizeKey`; `platform` is the one a card shows. */
export interface RegistryFigures {
  registrySizes: ReadonlyMap<string, number>;
  platform?: string;
  platformSizes: ReadonlyMap<string, PlatformFigure>;
}

export class ImageSizes {
  private readonly lookups = new Map<string, Lookup>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly reports = new Map<string, { version: number; key: string; report: SizeReport }>();

  constructor(
    private readonly pinner: () => Pinner,
    private readonly log: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Everything the registry gave so far, for a card that shows `platform` besides linux/amd64:
   * linux/amd64 download sizes by image as written, what it said about other platforms by `platformSizeKey`.
   */
  figures(platform: string | undefined): RegistryFigures {
    const registrySizes = new Map<string, number>();
    const platformSizes = new Map<string, PlatformFigure>();
    for (const lookup of this.lookups.values()) {
      const { image, platform: asked } = lookup;
      if (asked === CATALOG_PLATFORM) {
        if ('bytes' in lookup) registrySizes.set(image, lookup.bytes);
      } else if (!('failedAt' in lookup)) platformSizes.set(platformSizeKey(image, asked), 'bytes' in lookup ? lookup.bytes : 'absent');
    }
    return { registrySizes, platform, platformSizes };
  }

  /** The estimate with what is known now (catalog, registry sizes already fetched); none for very large files. */
  report(document: TextDocument, config: EngineConfig, context: BuildContext | undefined): SizeReport | undefined {
    if (document.getText().length > MAX_ESTIMATED_BYTES) return undefined;
    const { registrySizes, platformSizes } = this.figures(config.sizePlatform);
    const key = JSON.stringify([config.shippedStage, config.sizePlatform, [...registrySizes], [...platformSizes], context?.sizes === undefined ? 0 : context.sizes.files.size]);
    const cached = this.reports.get(document.uri);
    if (cached && cached.version === document.version && cached.key === key) return cached.report;
    const report = estimateImageSize({ text: document.getText(), config, context, data: sizeTables, registrySizes, platformSizes });
    this.reports.set(document.uri, { version: document.version, key, report });
    return report;
  }

  forget(uri: string): void {
    this.reports.delete(uri);
  }

  /**
   * Asks the registry for these download sizes, waiting at most `waitMs`; lookups still
   * running go on and land in later estimates.
   */
  async fetchRegistrySizes(lookups: readonly SizeLookup[], settings: RegistrySettings, trusted: boolean, waitMs: number): Promise<void> {
    if (settings.offline) return;
    const started = lookups.map((lookup) => this.lookup(lookup, settings, trusted));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
    await Promise.race([Promise.all(started), deadline]);
    clearTimeout(timer);
  }

  private lookup({ image, platform }: SizeLookup, settings: RegistrySettings, trusted: boolean): Promise<void> {
    const key = JSON.stringify({ image, platform });
    const known = this.lookups.get(key);
    // An image without the platform may gain it when the tag moves: asked again like a failure.
    if (known && ('bytes' in known || this.now() - ('absentAt' in known ? known.absentAt : known.failedAt) < FAILURE_TTL_MS)) return Promise.resolve();
    const running = this.pending.get(key);
    if (running) return running;
    const normalized = normalizeReference(image);
    if ('error' in normalized) return Promise.resolve();
    const client = this.pinner().clientFor(settings, trusted);
    const work = (async () => {
      let resolved = false;
      try {
        const digest = normalized.reference.digest ?? (await client.resolveDigest(normalized.reference)).digest;
        resolved = true;
        const size = await client.platformSize(normalized.reference, digest, platform);
        // A single-platform manifest names no platform (only its config blob does): no figure rather than a guess.
        if (platform !== CATALOG_PLATFORM && size.digest === digest) throw new Error(`it is a single-platform image whose platform its manifest does not name`);
        this.lookups.set(key, { image, platform, bytes: size.compressedBytes });
      } catch (error) {
        // Once the image is found, not-found can only mean its index lacks the platform.
        const absent = resolved && error instanceof RegistryError && error.failure === 'not-found';
        this.lookups.set(key, absent ? { image, platform, absentAt: this.now() } : { image, platform, failedAt: this.now() });
        this.log(`Image size: the registry gave no ${platform} size for ${image} (${error instanceof Error ? error.message : String(error)})${platform === CATALOG_PLATFORM ? "; the catalog's figure is shown" : ''}.`);
      } finally {
        this.pending.delete(key);
      }
    })();
    this.pending.set(key, work);
    return work;
  }
}
