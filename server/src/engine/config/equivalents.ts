import { dockerfileRules, kubernetesRules } from '../rules';

export type ForeignTool = 'hadolint' | 'BuildKit' | 'kube-linter' | 'Polaris' | 'Checkov' | 'kube-score';

const TOOLS: ReadonlySet<string> = new Set<ForeignTool>(['hadolint', 'BuildKit', 'kube-linter', 'Polaris', 'Checkov', 'kube-score']);

let index: Map<string, string[]> | undefined;

/**
 * Our rule ids for another tool's check, read from the rules' own `equivalents` metadata
 * ("hadolint DL3007", "BuildKit JSONArgsRecommended", "kube-linter privileged-container"), so
 * there is one source for the mapping. Check names compare case-insensitively.
 */
export function rulesForForeignCheck(tool: ForeignTool, code: string): string[] {
  if (!index) {
    index = new Map();
    for (const { meta } of [...dockerfileRules, ...kubernetesRules]) {
      for (const equivalent of meta.equivalents) {
        const [name, foreign] = equivalent.split(' ');
        if (!TOOLS.has(name) || !foreign) continue;
        const key = `${name}:${foreign.toLowerCase()}`;
        index.set(key, [...(index.get(key) ?? []), meta.id]);
      }
    }
  }
  return index.get(`${tool}:${code.toLowerCase()}`) ?? [];
}

/** Every rule that names an equivalent in the tool, for blanket exemptions (`polaris.fairwinds.com/exempt`). */
export function rulesWithEquivalentIn(tool: ForeignTool): string[] {
  return [...dockerfileRules, ...kubernetesRules].filter(({ meta }) => meta.equivalents.some((equivalent) => equivalent.startsWith(`${tool} `))).map(({ meta }) => meta.id);
}
