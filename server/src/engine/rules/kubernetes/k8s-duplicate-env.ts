import type { KubernetesRule } from '../rule';
import { containers, describe, viewOf } from './support/pods';

export const k8sDuplicateEnv: KubernetesRule = {
  meta: {
    id: 'k8s-duplicate-env',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'The same environment variable is set twice in one container.',
    why: 'Only the last value wins, silently: whoever edits the first one changes nothing, and a merge (Kustomize, Helm values) that meant to override may be the one that is lost.',
    example: 'env:\n  - name: LOG_LEVEL\n    value: info\n  - name: LOG_LEVEL\n    value: debug',
    useInstead: 'env:\n  - name: LOG_LEVEL\n    value: debug',
    fixSafety: 'none',
    equivalents: ['kube-linter duplicate-env-var', 'kube-score environment-variable-key-duplication'],
  },
  check({ model, report }) {
    for (const container of containers(model)) {
      const view = viewOf(container.pod);
      const first = new Map<string, ReturnType<typeof view.range>>();
      for (const variable of view.maps(view.seq(container.map, 'env'))) {
        const namePair = view.pair(variable, 'name');
        const name = view.string(variable, 'name');
        if (!namePair || !name) continue;
        const earlier = first.get(name);
        if (!earlier) {
          first.set(name, view.valueRange(namePair));
          continue;
        }
        report({
          range: view.valueRange(namePair),
          message: `${describe(container)} sets \`${name}\` twice; only this later value takes effect.`,
          related: [{ range: earlier, message: `\`${name}\` first set here` }],
        });
      }
    }
  },
};
