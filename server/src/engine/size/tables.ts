/**
 * The generated size tables (base-image catalog, Debian package sizes, npm package sizes)
 * behind the one interface the estimator reads.
 */
import { APT_AS_OF_DATES, estimateAptInstall } from './apt';
import { baseImageCard, CATALOG_AS_OF, smallerAlternatives, type BaseImageCard } from './base-images';
import { estimateNpmInstall, NPM_AS_OF } from './language-packages';
import type { ImageCard, InstallEstimate, SizeData } from './size-data';

function imageCard(card: BaseImageCard): ImageCard {
  return {
    image: card.reference,
    compressedBytes: card.compressed.bytes,
    uncompressedBytes: card.uncompressed?.bytes,
    os: card.os,
    release: card.release,
    hasShell: card.shell,
    defaultUser: card.user,
    installedSet: card.installedSet,
    excludesDocs: card.excludesDocs,
    source: card.compressed.source,
    asOf: card.asOf,
  };
}

function npmInstall(packages: readonly string[]): InstallEstimate {
  const estimate = estimateNpmInstall(packages);
  return {
    bytes: estimate.bytes,
    packages: estimate.packages.map((entry) => ({ name: entry.id, bytes: entry.bytes })),
    unknown: estimate.unknown,
    alreadyInstalled: [],
    recordsBytes: 0,
    source: `${estimate.source}, ${estimate.asOf}`,
  };
}

/** The oldest date of the tables: what an estimate is "as of". */
const AS_OF = [CATALOG_AS_OF, ...APT_AS_OF_DATES, NPM_AS_OF].sort()[0];

export const sizeTables: SizeData = {
  asOf: AS_OF,
  imageCard(reference) {
    const card = baseImageCard(reference);
    return card && imageCard(card);
  },
  smallerImages: (reference) =>
    smallerAlternatives(reference).map(({ card }) => ({ image: card.reference, compressedBytes: card.compressed.bytes, uncompressedBytes: card.uncompressed?.bytes, note: card.variant })),
  aptInstall(packages, options) {
    const release = options.base?.release;
    const estimate = release
      ? estimateAptInstall(packages, {
          release,
          noInstallRecommends: options.noInstallRecommends,
          excludesDocs: options.base?.excludesDocs === true,
          installedSet: options.base?.installedSet,
          installed: options.installed,
        })
      : undefined;
    if (!estimate) return undefined;
    return {
      bytes: estimate.bytes,
      packages: estimate.packages.map((entry) => ({ name: entry.name, bytes: entry.bytes, ...(entry.reason === 'requested' ? {} : { dependency: true }) })),
      unknown: estimate.unknown,
      alreadyInstalled: estimate.alreadyInstalled,
      recordsBytes: estimate.stateBytes,
      aptListsBytes: estimate.listsBytes,
      source: `Debian ${estimate.debianVersion} (${estimate.release}) package index of ${estimate.indexDate}, generated ${estimate.asOf}`,
    };
  },
  languageInstall: (tool, packages) => (tool === 'npm' && packages.length > 0 ? npmInstall(packages) : undefined),
};
