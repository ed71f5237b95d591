import type { KubernetesRule } from '../rule';
import { containers, describe, editorOf, viewOf } from './support/pods';

/** Values for the user to replace, marked so that nobody mistakes them for measured ones. */
const TO_FILL = '# shipshape: placeholder, set from measured usage';

export const k8sResourcesMissing: KubernetesRule = {
  meta: {
    id: 'k8s-resources-missing',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'A container has no memory limit, or no cpu or memory request.',
    why: 'Without requests the scheduler packs pods blindly and the pod is first to be evicted under pressure; without a memory limit one leaking container can take the node\'s memory from every other pod. A cpu limit is not asked for: it throttles without protecting anyone. A limit alone also sets the request.',
    example: 'containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2',
    useInstead: 'containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi\n      limits:\n        memory: 128Mi',
    fixSafety: 'unsafe',
    equivalents: ['kube-linter unset-cpu-requirements', 'kube-linter unset-memory-requirements', 'Polaris cpuRequestsMissing', 'Polaris memoryRequestsMissing', 'Polaris memoryLimitsMissing', 'Checkov CKV_K8S_10', 'Checkov CKV_K8S_12', 'Checkov CKV_K8S_13', 'kube-score container-resources'],
  },
  check({ model, report }) {
    for (const container of containers(model)) {
      // Ephemeral containers may not set resources.
      if (container.list === 'ephemeralContainers' || container.pod.partial) continue;
      const view = viewOf(container.pod);
      const resourcesPair = view.pair(container.map, 'resources');
      const resources = view.asMap(resourcesPair?.value);
      const requests = view.map(resources, 'requests');
      const limits = view.map(resources, 'limits');
      // A limit without a request sets the request to the limit.
      const missing = [
        !view.pair(limits, 'memory') && 'memory limit',
        !view.pair(requests, 'cpu') && !view.pair(limits, 'cpu') && 'cpu request',
        !view.pair(requests, 'memory') && !view.pair(limits, 'memory') && 'memory request',
      ].filter((item): item is string => typeof item === 'string');
      if (missing.length === 0) continue;
      const edit = !resourcesPair && !container.map.flow
        ? editorOf(container.pod).add(container.map, 'resources', { requests: { cpu: `100m ${TO_FILL}`, memory: `128Mi ${TO_FILL}` }, limits: { memory: `128Mi ${TO_FILL}` } })
        : undefined;
      report({
        range: resourcesPair ? view.keyRange(resourcesPair) : container.anchor,
        message: `${describe(container)} has no ${missing.join(', ').replace(/, (?=[^,]*$)/, ' or ')}: the scheduler cannot place it well and nothing bounds its memory.`,
        fixes: edit ? [{ title: 'Add a resources block to fill in', edits: [edit], safety: 'unsafe', isPreferred: true }] : [],
      });
    }
  },
};
