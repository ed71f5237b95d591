import type { KubernetesRule } from '../rule';
import { editorOf, pods, setting, viewOf } from './support/pods';

const NAMESPACES: Record<string, string> = {
  hostNetwork: "the node's network stack (its interfaces, localhost services and ports)",
  hostPID: "the node's processes (it can see and signal every one)",
  hostIPC: "the node's shared memory and IPC",
};

export const k8sHostNamespaces: KubernetesRule = {
  meta: {
    id: 'k8s-host-namespaces',
    defaultSeverity: 'error',
    category: 'kubernetes',
    summary: 'The pod shares a namespace of the node: hostNetwork, hostPID or hostIPC.',
    why: "A pod in the node's network, process or IPC namespace can reach what the node's own services keep local, see and signal other pods' processes, or read their shared memory. The Pod Security Standards forbid it from the baseline level up.",
    example: 'spec:\n  hostNetwork: true\n  containers:\n    - name: app\n      image: ghcr.io/acme/app:1.4.2',
    useInstead: 'spec:\n  containers:\n    - name: app\n      image: ghcr.io/acme/app:1.4.2\n      ports:\n        - containerPort: 8080',
    fixSafety: 'unsafe',
    equivalents: ['PSS baseline', 'kube-linter host-network', 'kube-linter host-pid', 'kube-linter host-ipc', 'Polaris hostNetworkSet', 'Polaris hostPIDSet', 'Polaris hostIPCSet', 'Checkov CKV_K8S_17', 'Checkov CKV_K8S_18', 'Checkov CKV_K8S_19'],
  },
  check({ model, report }) {
    for (const pod of pods(model)) {
      for (const [key, what] of Object.entries(NAMESPACES)) {
        const shared = setting(viewOf(pod), pod.spec, key);
        if (shared?.value !== true) continue;
        const edit = editorOf(pod).remove(pod.spec, shared.pair);
        report({
          range: viewOf(pod).range(shared.pair),
          message: `\`${key}: true\` shares ${what} with the pod.`,
          fixes: edit ? [{ title: `Remove \`${key}: true\``, edits: [edit], safety: 'unsafe', isPreferred: true }] : [],
        });
      }
    }
  },
};
