import { secretKind } from '../../text/secret-words';
import type { KubernetesRule } from '../rule';
import { containers, describe, viewOf } from './support/pods';

/** Values that cannot be a credential: empty, flags, numbers, paths, `$(VAR)` references. */
const HARMLESS = /^(?:|true|false|yes|no|on|off|\d{1,6}|\/.*|\$\([A-Za-z_][A-Za-z0-9_]*\))$/i;

export const k8sSecretInEnv: KubernetesRule = {
  meta: {
    id: 'k8s-secret-in-env',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'An environment variable carries a literal secret in the manifest.',
    why: "A secret written into the manifest is in the repository's history, in every copy of the file and in the object anyone with read access to the Deployment can see. Keep it in a Secret (or an external secret store) and reference it with `valueFrom.secretKeyRef`.",
    example: 'env:\n  - name: DB_PASSWORD\n    value: hunter2',
    useInstead: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db, key: password}',
    fixSafety: 'none',
    equivalents: ['kube-linter env-var-secret'],
  },
  check({ model, report }) {
    for (const container of containers(model)) {
      const view = viewOf(container.pod);
      for (const variable of view.maps(view.seq(container.map, 'env'))) {
        const name = view.string(variable, 'name');
        const valuePair = view.pair(variable, 'value');
        const value = view.string(variable, 'value');
        if (!name || !valuePair || value === undefined || HARMLESS.test(value.trim())) continue;
        const kind = secretKind(name, value);
        if (!kind) continue;
        report({
          range: view.valueRange(valuePair),
          message: kind === 'value'
            ? `The value of \`${name}\` in ${describe(container).toLowerCase()} looks like a credential; move it to a Secret and use \`valueFrom.secretKeyRef\`.`
            : `\`${name}\` of ${describe(container).toLowerCase()} is written into the manifest; move it to a Secret and use \`valueFrom.secretKeyRef\`.`,
        });
      }
    }
  },
};
