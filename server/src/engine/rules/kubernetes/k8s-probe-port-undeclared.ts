import { isScalar } from 'yaml';
import type { KubernetesRule } from '../rule';
import { containers, describe, PROBE_PORT_ACTIONS, PROBES, viewOf } from './support/pods';

export const k8sProbePortUndeclared: KubernetesRule = {
  meta: {
    id: 'k8s-probe-port-undeclared',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'A probe targets a port the container does not declare.',
    why: 'A probe naming a port the container does not list never resolves, so the probe fails and the pod is never ready (or is restarted in a loop). A port number that none of the declared ports has is usually a typo or a port the process stopped listening on.',
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
      const numbers = new Set(declared.map((port) => view.scalar(port, 'containerPort')?.value));
      for (const probe of PROBES) {
        for (const action of PROBE_PORT_ACTIONS) {
          const portPair = view.pair(view.map(view.map(container.map, probe), action), 'port');
          const port = view.resolve(portPair?.value);
          if (!portPair || !isScalar(port)) continue;
          const value = port.value;
          // A number nobody declares still works when the container lists no ports at all: only a mismatch with a list is reported.
          const undeclared = typeof value === 'string' ? !/^\d+$/.test(value) && !names.has(value) : typeof value === 'number' && declared.length > 0 && !numbers.has(value);
          if (!undeclared) continue;
          report({
            range: view.valueRange(portPair),
            message: typeof value === 'string'
              ? `${describe(container)}'s ${probe} targets port \`${value}\`, which the container does not name: the probe can never succeed.`
              : `${describe(container)}'s ${probe} targets port ${value}, which none of its declared ports has.`,
          });
        }
      }
    }
  },
};
