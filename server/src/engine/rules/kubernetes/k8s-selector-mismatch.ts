import { isScalar, type YAMLMap } from 'yaml';
import type { PodSpec } from '../../kubernetes/model';
import type { KubernetesRule } from '../rule';
import { pods, viewOf } from './support/pods';

/** Workloads whose selector must match their own pod template (Jobs generate theirs). */
const SELECTING = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ReplicationController']);

function labelsOf(pod: PodSpec): Map<string, string> {
  const view = viewOf(pod);
  const labels = view.map(pod.metadata, 'labels');
  const result = new Map<string, string>();
  for (const pair of view.entries(labels)) {
    const value = view.resolve(pair.value);
    if (isScalar(pair.key) && isScalar(value)) result.set(String(pair.key.value), String(value.value));
  }
  return result;
}

function values(view: ReturnType<typeof viewOf>, expression: YAMLMap): string[] {
  return (view.seq(expression, 'values')?.items ?? []).map((item) => view.resolve(item)).filter(isScalar).map((item) => String(item.value));
}

export const k8sSelectorMismatch: KubernetesRule = {
  meta: {
    id: 'k8s-selector-mismatch',
    defaultSeverity: 'error',
    category: 'kubernetes',
    summary: "A workload's selector does not match the labels of its own pod template.",
    why: 'The API server rejects a Deployment, ReplicaSet, StatefulSet or DaemonSet whose selector does not select its template (`selector does not match template labels`), so the manifest never applies; a ReplicationController that does not select its pods creates new ones forever.',
    example: 'spec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: frontend}',
    useInstead: 'spec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}',
    fixSafety: 'none',
    equivalents: ['kube-linter mismatching-selector'],
  },
  check({ model, report }) {
    for (const pod of pods(model)) {
      const object = pod.object;
      if (!SELECTING.has(object.kind)) continue;
      const view = object.view;
      const labelsPair = view.pair(pod.metadata, 'labels');
      // A patch may change the selector alone; the labels come from the base.
      if (!labelsPair && pod.partial) continue;
      const labels = labelsOf(pod);
      const selector = view.map(view.map(object.root, 'spec'), 'selector');
      const related = labelsPair ? [{ range: view.keyRange(labelsPair), message: 'the pod template\'s labels' }] : [];
      // A ReplicationController's selector is a plain map of labels.
      const matchLabels = object.kind === 'ReplicationController' ? selector : view.map(selector, 'matchLabels');
      for (const pair of view.entries(matchLabels)) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const wanted = view.resolve(pair.value);
        if (key === undefined || !isScalar(wanted)) continue;
        const actual = labels.get(key);
        if (actual === String(wanted.value)) continue;
        report({
          range: view.range(pair),
          message: actual === undefined ? `The selector asks for label \`${key}: ${String(wanted.value)}\`, which the pod template does not have.` : `The selector asks for \`${key}: ${String(wanted.value)}\` but the pod template is labelled \`${key}: ${actual}\`.`,
          related,
        });
      }
      for (const expression of view.maps(view.seq(selector, 'matchExpressions'))) {
        const key = view.string(expression, 'key');
        const operator = view.string(expression, 'operator');
        if (!key || !operator) continue;
        const actual = labels.get(key);
        const matches = operator === 'In' ? actual !== undefined && values(view, expression).includes(actual)
          : operator === 'NotIn' ? actual === undefined || !values(view, expression).includes(actual)
            : operator === 'Exists' ? actual !== undefined
              : operator === 'DoesNotExist' ? actual === undefined : true;
        if (matches) continue;
        report({ range: view.range(expression), message: `The selector's \`${key} ${operator}\` expression does not match the pod template's labels.`, related });
      }
    }
  },
};
