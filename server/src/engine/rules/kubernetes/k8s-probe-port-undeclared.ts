import { isScalar } from 'yaml';
import type { KubernetesRule } from '../rule';
import { containers, describe, PROBE_PORT_ACTIONS, PROBES, viewOf } from './support/pods';

export const k8sProbePortUndeclared: KubernetesRule = {
  meta: {
    id: 'k8s-probe-port-undeclared',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'A probe targets a port the container does not declare.',
    why: 'A probe naming a port the container does not list never resolves, so the probe fails and the pod is never ready (or is restarted in a loop). A port number needs no declaration: health and admin ports (ingress-nginx on 10254, calico on 9099) are often left out of `ports` on purpose, and the probe works.',
    example: 'ports:\n  - name: http\n    containerPort: 8080\nreadinessProbe:\n  httpGet: {path: /healthz, port: web}',
    useInstead: 'ports:\n  - name: http\n    containerPort: 8080\nreadinessProbe:\n  httpGet: {path: /healthz, port: http}',
    fixSafety: 'none',
    equivalents: ['kube-linter liveness-port', 'kube-linter readiness-port', 'kube-linter startup-port'],
  },
  check({ model, report }) {
    for (const container of containers(model)) {
      const view = viewOf(container.pod);
      const declared = view.maps(view.seq(container.map, 'ports'));
      const names = new Set(declared.map((port) => view.string(port, 'name')));
      for (const probe of PROBES) {
        for (const action of PROBE_PORT_ACTIONS) {
          const portPair = view.pair(view.map(view.map(container.map, probe), action), 'port');
          const port = view.resolve(portPair?.value);
          if (!portPair || !isScalar(port)) continue;
          const value = port.value;
          // Only a name must resolve: the kubelet probes a number whether or not `ports` lists it.
          if (typeof value !== 'string' || /^\d+$/.test(value) || names.has(value)) continue;
          report({
            range: view.valueRange(portPair),
            message: `${describe(container)}'s ${probe} targets port \`${value}\`, which the container does not name: the probe can never succeed.`,
          });
        }
      }
    }
  },
};
