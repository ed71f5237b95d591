import { dockerfileRules } from '../rules';

type ForeignTool = 'hadolint' | 'BuildKit';

let index: Map<string, string[]> | undefined;

/**
 * Our rule ids for another tool's check, read from the rules' own `equivalents` metadata
 * ("hadolint DL3007", "BuildKit JSONArgsRecommended"), so there is one source for the mapping.
 */
export function rulesForForeignCheck(tool: ForeignTool, code: string): string[] {
  if (!index) {
    index = new Map();
    for (const { meta } of dockerfileRules) {
      for (const equivalent of meta.equivalents) {
        const [name, foreign] = equivalent.split(' ');
        if (name !== 'hadolint' && name !== 'BuildKit') continue;
        const key = `${name}:${name === 'hadolint' ? foreign.toUpperCase() : foreign.toLowerCase()}`;
        index.set(key, [...(index.get(key) ?? []), meta.id]);
      }
    }
  }
  return index.get(`${tool}:${tool === 'hadolint' ? code.toUpperCase() : code.toLowerCase()}`) ?? [];
}
