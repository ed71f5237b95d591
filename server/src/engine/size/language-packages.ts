import npmData from './data/npm-packages.json';

interface NpmData {
  asOf: string;
  source: string;
  seeds: Record<string, { version: string; closure: string[] }>;
  /** "name@version" → bytes of the installed package folder (nested node_modules left out). */
  packages: Record<string, number>;
}

const NPM = npmData as NpmData;

/** When the npm measurements were taken. */
export const NPM_AS_OF = NPM.asOf;

export interface NpmPackageEstimate {
  /** "express@5.1.0". */
  id: string;
  bytes: number;
  /** The requested package this one came with first. */
  requiredBy: string;
}

export interface NpmInstallEstimate {
  /** Bytes added to node_modules: the union of the requested packages' dependency closures. */
  bytes: number;
  packages: NpmPackageEstimate[];
  /** Names the data has no measurement for (their size is not in `bytes`). */
  unknown: string[];
  /** What the figures are: the npm client, registry and platform they were measured with. */
  source: string;
  asOf: string;
}

/**
 * What `npm install <names>` adds to node_modules, measured for common packages with their whole
 * dependency closure (each package once, however many ask for it). Versions are the ones current
 * when the data was generated; a name with a version or range is looked up by name alone.
 */
export function estimateNpmInstall(names: readonly string[]): NpmInstallEstimate {
  const chosen = new Map<string, NpmPackageEstimate>();
  const unknown: string[] = [];
  for (const written of names) {
    const name = npmPackageName(written);
    const seed = Object.hasOwn(NPM.seeds, name) ? NPM.seeds[name] : undefined;
    if (!seed) {
      unknown.push(written);
      continue;
    }
    for (const id of seed.closure) if (!chosen.has(id)) chosen.set(id, { id, bytes: NPM.packages[id], requiredBy: name });
  }
  const packages = [...chosen.values()].sort((a, b) => b.bytes - a.bytes || a.id.localeCompare(b.id));
  return { bytes: packages.reduce((sum, row) => sum + row.bytes, 0), packages, unknown, source: NPM.source, asOf: NPM.asOf };
}

/** "@nestjs/core@^10" → "@nestjs/core", "express@5" → "express". */
export function npmPackageName(written: string): string {
  const at = written.indexOf('@', written.startsWith('@') ? 1 : 0);
  return at < 0 ? written : written.slice(0, at);
}
