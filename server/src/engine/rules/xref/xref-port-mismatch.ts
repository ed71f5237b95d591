import { isScalar } from 'yaml';
import type { RelatedInformation } from '../../types';
import type { KubernetesRule } from '../rule';
import { describe, PROBE_PORT_ACTIONS, PROBES, viewOf } from '../kubernetes/support/pods';
import { imageOrigin, relatedAt, workspaceContainers } from './support/workspace-images';

const portKey = (port: number, protocol: string) => `${port}/${protocol.toLowerCase()}`;

export const xrefPortMismatch: KubernetesRule = {
  meta: {
    id: 'xref-port-mismatch',
    defaultSeverity: 'warning',
    category: 'xref',
    summary: 'A containerPort or probe port the image does not EXPOSE, or an EXPOSEd port no containerPort declares.',
    why: 'The Dockerfile\'s EXPOSE documents where the program listens. A containerPort (or a probe) on another port usually means one of the two files changed and the other did not: the Service sends traffic nowhere, or the probe fails and the pod is restarted. Each file is valid alone, so only reading both catches it.',
    example: '# Dockerfile: EXPOSE 8080\ncontainers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    ports:\n      - containerPort: 80',
    useInstead: 'containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    ports:\n      - containerPort: 8080',
    fixSafety: 'none',
    equivalents: [],
  },
  check(context) {
    for (const container of workspaceContainers(context)) {
      const exposed = container.profile.exposedPorts ?? [];
      // An image that EXPOSEs nothing says nothing about its ports.
      if (exposed.length === 0) continue;
      const view = viewOf(container.container.pod);
      const exposedKeys = new Set(exposed.map((fact) => portKey(fact.value.port, fact.value.protocol)));
      const exposedList = [...new Set(exposed.map((fact) => (fact.value.protocol === 'tcp' ? String(fact.value.port) : `${fact.value.port}/${fact.value.protocol}`)))].join(', ');
      // The ports of a range (`EXPOSE 8000-8002`) share one word: one related location, the first port's.
      const relatedByRange = new Map<string, RelatedInformation>();
      for (const fact of exposed) {
        for (const entry of relatedAt(container, fact.location, `EXPOSE ${fact.value.port}/${fact.value.protocol}`)) {
          const key = JSON.stringify(entry.range);
          if (!relatedByRange.has(key)) relatedByRange.set(key, entry);
        }
      }
      const related = [...relatedByRange.values()];
      const origin = imageOrigin(container);
      const who = describe(container.container);
      const portsPair = view.pair(container.container.map, 'ports');
      const declared = new Set<string>();
      for (const port of view.maps(view.seq(container.container.map, 'ports'))) {
        const pair = view.pair(port, 'containerPort');
        const number = view.scalar(port, 'containerPort')?.value;
        if (!pair || typeof number !== 'number') continue;
        const key = portKey(number, view.string(port, 'protocol') ?? 'TCP');
        declared.add(key);
        if (!exposedKeys.has(key)) context.report({ range: view.valueRange(pair), message: `${who} declares containerPort ${key.endsWith('/tcp') ? number : key}, but ${origin} EXPOSEs ${exposedList}.`, related });
      }
      for (const probe of PROBES) {
        for (const action of PROBE_PORT_ACTIONS) {
          const pair = view.pair(view.map(view.map(container.container.map, probe), action), 'port');
          const port = view.resolve(pair?.value);
          // Named ports are k8s-probe-port-undeclared's; their number is the containerPort checked above.
          if (!pair || !isScalar(port) || typeof port.value !== 'number' || exposedKeys.has(portKey(port.value, 'tcp')) || declared.has(portKey(port.value, 'tcp'))) continue;
          context.report({ range: view.valueRange(pair), message: `${who}'s ${probe} targets port ${port.value}, but ${origin} EXPOSEs ${exposedList}.`, related });
        }
      }
      // EXPOSEd ports nobody declares are worth a word only when the container lists its ports at all.
      const undeclared = [...exposedKeys].filter((key) => !declared.has(key));
      if (!portsPair || declared.size === 0 || undeclared.length === 0) continue;
      context.report({
        range: view.keyRange(portsPair),
        message: `${who} declares no containerPort for ${undeclared.map((key) => (key.endsWith('/tcp') ? key.slice(0, -4) : key)).join(', ')}, which ${origin} EXPOSEs.`,
        related,
      });
    }
  },
};
