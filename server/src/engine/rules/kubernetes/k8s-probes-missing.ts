import type { KubernetesRule } from '../rule';
import { containers, describe } from './support/pods';

export const k8sProbesMissing: KubernetesRule = {
  meta: {
    id: 'k8s-probes-missing',
    defaultSeverity: 'info',
    category: 'kubernetes',
    summary: 'A container of a long-running workload has no readinessProbe.',
    why: 'Without a readiness probe a pod gets traffic as soon as its process starts, before it can answer, and keeps getting it while it is overloaded or shutting down: every rollout drops requests. Jobs and CronJobs run to completion and need none; a missing livenessProbe alone is not flagged (a wrong one restarts healthy pods).',
    example: 'containers:\n  - name: web\n    image: ghcr.io/acme/web:1.4.2\n    ports:\n      - containerPort: 8080',
    useInstead: 'containers:\n  - name: web\n    image: ghcr.io/acme/web:1.4.2\n    ports:\n      - containerPort: 8080\n    readinessProbe:\n      httpGet: {path: /healthz, port: 8080}',
    fixSafety: 'none',
    equivalents: ['Polaris readinessProbeMissing', 'kube-linter no-readiness-probe', 'Checkov CKV_K8S_9', 'kube-score pod-probes'],
  },
  check({ model, report }) {
    for (const container of containers(model)) {
      const pod = container.pod;
      if (container.list !== 'containers' || !pod.longRunning || pod.partial) continue;
      if (pod.object.view.pair(container.map, 'readinessProbe')) continue;
      report({ range: container.anchor, message: `${describe(container)} has no readinessProbe: it gets traffic before it can answer and while it shuts down.` });
    }
  },
};
