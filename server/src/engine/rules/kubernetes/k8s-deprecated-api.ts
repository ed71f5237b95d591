import { retiredApi } from '../../kubernetes/data/api-versions';
import { YamlEditor } from '../../kubernetes/yaml-edits';
import type { KubernetesRule } from '../rule';

export const k8sDeprecatedApi: KubernetesRule = {
  meta: {
    id: 'k8s-deprecated-api',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'The object uses an apiVersion that is removed (or deprecated) in the configured Kubernetes version.',
    why: 'A removed API version is refused by the API server: the manifest stops applying on the upgrade that removes it, often in the middle of a cluster upgrade. Deprecated versions give warning of that. Which versions are gone depends on the cluster (`shipshape.kubernetes.version`).',
    example: 'apiVersion: batch/v1beta1\nkind: CronJob',
    useInstead: 'apiVersion: batch/v1\nkind: CronJob',
    fixSafety: 'safe',
    equivalents: ['kube-linter no-extensions-v1beta', 'kube-score stable-version'],
  },
  check({ model, kubernetes, report }) {
    for (const object of model.objects) {
      const retired = retiredApi(object.apiVersion, object.kind);
      if (!retired) continue;
      const removed = kubernetes.minor >= retired.removedIn;
      if (!removed && (retired.deprecatedIn === undefined || kubernetes.minor < retired.deprecatedIn)) continue;
      const instead = retired.replacement ? `use \`${retired.replacement}\`` : 'nothing replaces it';
      const edit = retired.mechanical && retired.replacement ? new YamlEditor(object.view).setValue(object.apiVersionPair, retired.replacement) : undefined;
      report({
        range: object.view.valueRange(object.apiVersionPair),
        message: removed
          ? `\`${object.apiVersion}\` ${object.kind} was removed in Kubernetes 1.${retired.removedIn}; ${instead}${retired.mechanical ? '' : ' (the schema changed: see the migration guide)'}.`
          : `\`${object.apiVersion}\` ${object.kind} is deprecated and removed in Kubernetes 1.${retired.removedIn}; ${instead}.`,
        fixes: edit && retired.replacement ? [{ title: `Use \`${retired.replacement}\``, edits: [edit], safety: 'safe', isPreferred: true }] : [],
      });
    }
  },
};
