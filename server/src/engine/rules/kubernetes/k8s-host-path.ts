import type { KubernetesRule } from '../rule';
import { pods, viewOf } from './support/pods';

/** Container runtime sockets: whoever reaches one starts containers of their choosing on the node. */
const RUNTIME_SOCKET = /\/(?:docker|containerd|crio|cri-dockerd|podman)\.sock$/;
/** Node directories whose contents give away the node: its root, system, kernel interfaces, credentials. */
const SENSITIVE = new Set(['/', '/bin', '/boot', '/dev', '/etc', '/lib', '/lib64', '/proc', '/root', '/sbin', '/sys', '/usr', '/var', '/var/lib', '/var/run', '/run']);
const SENSITIVE_TREES = ['/var/lib/kubelet', '/etc/kubernetes', '/var/lib/docker', '/var/lib/containerd', '/etc/cni'];

function normalize(path: string): string {
  const trimmed = path.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
  return trimmed || '/';
}

function gravity(path: string): string | undefined {
  const normalized = normalize(path);
  if (RUNTIME_SOCKET.test(normalized)) return "the container runtime's socket: whoever reaches it controls the node";
  if (SENSITIVE.has(normalized)) return `\`${normalized}\` of the node`;
  if (SENSITIVE_TREES.some((tree) => normalized === tree || normalized.startsWith(`${tree}/`))) return `\`${normalized}\`, which holds the node's cluster credentials or container state`;
  return undefined;
}

export const k8sHostPath: KubernetesRule = {
  meta: {
    id: 'k8s-host-path',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'The pod mounts a directory of the node (hostPath volume); an error for runtime sockets and system directories.',
    why: "A hostPath volume gives the pod the node's files: written to, they change the node; read, they leak other pods' data and the kubelet's credentials. The container runtime's socket (`docker.sock`, `containerd.sock`) is full control of the node. The Pod Security Standards forbid hostPath volumes from the baseline level up.",
    example: 'volumes:\n  - name: docker\n    hostPath:\n      path: /var/run/docker.sock',
    useInstead: 'volumes:\n  - name: cache\n    emptyDir: {}\n  # or a PersistentVolumeClaim for data that must outlive the pod',
    fixSafety: 'none',
    equivalents: ['PSS baseline', 'kube-linter sensitive-host-mounts', 'kube-linter docker-sock', 'Checkov CKV_K8S_27'],
  },
  check({ model, report }) {
    for (const pod of pods(model)) {
      const view = viewOf(pod);
      for (const volume of view.maps(view.seq(pod.spec, 'volumes'))) {
        const hostPathPair = view.pair(volume, 'hostPath');
        if (!hostPathPair) continue;
        const pathPair = view.pair(view.asMap(hostPathPair.value), 'path');
        const path = view.string(view.asMap(hostPathPair.value), 'path');
        const grave = path === undefined ? undefined : gravity(path);
        const name = view.string(volume, 'name');
        report({
          range: pathPair ? view.valueRange(pathPair) : view.keyRange(hostPathPair),
          message: grave
            ? `Volume ${name ? `\`${name}\` ` : ''}mounts ${grave}.`
            : `Volume ${name ? `\`${name}\` ` : ''}mounts ${path ? `\`${path}\` of the node` : 'a directory of the node'}; use an emptyDir, a ConfigMap or a PersistentVolumeClaim.`,
          severity: grave ? 'error' : undefined,
        });
      }
    }
  },
};
