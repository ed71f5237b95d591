import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { parseHadolintConfig, parseShipshapeConfig, type LoadedConfig } from '../engine/config/config-file';

const SHIPSHAPE_FILES = ['.shipshape.yaml', '.shipshape.yml'];
const HADOLINT_FILES = ['.hadolint.yaml', '.hadolint.yml'];
/** Every file name whose content changes the settings of the files under its folder. */
export const CONFIG_FILE_NAMES = [...SHIPSHAPE_FILES, ...HADOLINT_FILES];

export interface FoundConfig extends LoadedConfig {
  /** The file the settings came from; undefined when none was found. */
  path?: string;
}

/**
 * The nearest `.shipshape.yaml` from the file's folder upwards (stopping at `stopAt`, e.g. the
 * workspace root); a `.hadolint.yaml` serves when no `.shipshape.yaml` is found on the way.
 */
export function findConfigFor(filePath: string, stopAt?: string): FoundConfig {
  let hadolint: string | undefined;
  for (let folder = dirname(filePath); ; folder = dirname(folder)) {
    for (const name of SHIPSHAPE_FILES) {
      const path = join(folder, name);
      if (existsSync(path)) return read(path, parseShipshapeConfig);
    }
    hadolint ??= HADOLINT_FILES.map((name) => join(folder, name)).find((path) => existsSync(path));
    if (folder === stopAt || folder === parse(folder).root) break;
  }
  return hadolint ? read(hadolint, parseHadolintConfig) : { config: {}, problems: [] };
}

function read(path: string, parseText: (text: string) => LoadedConfig): FoundConfig {
  try {
    return { ...parseText(readFileSync(path, 'utf8')), path };
  } catch (error) {
    return { config: {}, problems: [`cannot read: ${error instanceof Error ? error.message : String(error)}`], path };
  }
}
