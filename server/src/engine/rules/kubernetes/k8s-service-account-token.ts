import type { KubernetesRule } from '../rule';
import { editorOf, pods, viewOf } from './support/pods';

export const k8sServiceAccountToken: KubernetesRule = {
  meta: {
    id: 'k8s-service-account-token',
    defaultSeverity: 'info',
    category: 'kubernetes',
    summary: 'The pod gets a service account token mounted although it runs as the default service account.',
    why: 'Every container of the pod can read the mounted token and call the Kubernetes API with it; a pod that runs as the `default` service account has no permissions of its own to use, so the token only helps an attacker (and grows with every RoleBinding someone later gives `default`). Pods that do call the API name their own service account, which this rule leaves alone.',
    example: 'spec:\n  containers:\n    - name: web\n      image: ghcr.io/acme/web:1.4.2',
    useInstead: 'spec:\n  automountServiceAccountToken: false\n  containers:\n    - name: web\n      image: ghcr.io/acme/web:1.4.2',
    fixSafety: 'unsafe',
    equivalents: ['Polaris automountServiceAccountToken', 'Checkov CKV_K8S_38'],
  },
  check({ model, report }) {
    for (const pod of pods(model)) {
      const view = viewOf(pod);
      const account = view.string(pod.spec, 'serviceAccountName') ?? view.string(pod.spec, 'serviceAccount');
      // An explicit setting, a service account of its own, or a fragment: the author decided.
      if (pod.partial || view.pair(pod.spec, 'automountServiceAccountToken') || (account !== undefined && account !== 'default')) continue;
      const edit = editorOf(pod).add(pod.spec, 'automountServiceAccountToken', 'false');
      report({
        range: view.keyRange(pod.specPair),
        message: 'The pod runs as the `default` service account yet gets its API token mounted; set `automountServiceAccountToken: false`.',
        fixes: edit ? [{ title: 'Set `automountServiceAccountToken: false`', edits: [edit], safety: 'unsafe', isPreferred: true }] : [],
      });
    }
  },
};
