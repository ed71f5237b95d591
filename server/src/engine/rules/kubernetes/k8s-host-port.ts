import type { KubernetesRule } from '../rule';
import { containers, describe, editorOf, setting, viewOf } from './support/pods';

export const k8sHostPort: KubernetesRule = {
  meta: {
    id: 'k8s-host-port',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'A container port is bound to a port of the node (hostPort).',
    why: 'A hostPort opens the port on the node itself, around NetworkPolicies and Services, and ties the pod to nodes where the port is free: two replicas cannot share a node. The Pod Security Standards forbid it from the baseline level up; a Service reaches the pod without it.',
    example: 'ports:\n  - containerPort: 8080\n    hostPort: 8080',
    useInstead: 'ports:\n  - containerPort: 8080\n# and a Service (type NodePort or LoadBalancer if it must be reachable from outside)',
    fixSafety: 'unsafe',
    equivalents: ['PSS baseline', 'Polaris hostPortSet', 'Checkov CKV_K8S_26'],
  },
  check({ model, report }) {
    for (const container of containers(model)) {
      const view = viewOf(container.pod);
      for (const port of view.maps(view.seq(container.map, 'ports'))) {
        const hostPort = setting(view, port, 'hostPort');
        if (!hostPort || hostPort.value === 0 || hostPort.value === null) continue;
        const edit = editorOf(container.pod).remove(port, hostPort.pair);
        report({
          range: view.range(hostPort.pair),
          message: `${describe(container)} binds port ${String(hostPort.value)} of the node; reach it through a Service instead.`,
          fixes: edit ? [{ title: 'Remove `hostPort`', edits: [edit], safety: 'unsafe', isPreferred: true }] : [],
        });
      }
    }
  },
};
