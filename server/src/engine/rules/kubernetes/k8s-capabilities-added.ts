import { isScalar, type YAMLMap } from 'yaml';
import { BASELINE_CAPABILITIES, RESTRICTED_CAPABILITIES } from '../../kubernetes/data/pod-security';
import type { KubernetesRule } from '../rule';
import { containers, containerSecurityContext, describe, editorOf, viewOf } from './support/pods';

export const k8sCapabilitiesAdded: KubernetesRule = {
  meta: {
    id: 'k8s-capabilities-added',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'A container adds Linux capabilities beyond what the Pod Security level allows (SYS_ADMIN, NET_ADMIN, ALL...).',
    why: 'Capabilities such as SYS_ADMIN, NET_ADMIN or SYS_PTRACE are most of root: mounting file systems, reconfiguring the network, reading other processes. The baseline level allows adding only the container runtime\'s defaults; the restricted level only NET_BIND_SERVICE (to bind ports below 1024).',
    example: 'securityContext:\n  capabilities:\n    add: [SYS_ADMIN, NET_ADMIN]',
    useInstead: 'securityContext:\n  capabilities:\n    drop: [ALL]\n    add: [NET_BIND_SERVICE]  # only if it binds a port below 1024',
    fixSafety: 'unsafe',
    equivalents: ['PSS baseline', 'Polaris dangerousCapabilities', 'Polaris insecureCapabilities', 'Checkov CKV_K8S_25'],
  },
  check({ model, kubernetes, report }) {
    const allowed = kubernetes.profile === 'restricted' ? RESTRICTED_CAPABILITIES : BASELINE_CAPABILITIES;
    for (const container of containers(model)) {
      const view = viewOf(container.pod);
      const capabilities: YAMLMap | undefined = view.map(containerSecurityContext(container), 'capabilities');
      const add = view.seq(capabilities, 'add');
      const addPair = view.pair(capabilities, 'add');
      for (const item of add?.items ?? []) {
        const capability = view.resolve(item);
        if (!isScalar(capability) || typeof capability.value !== 'string' || allowed.has(capability.value)) continue;
        const edit = capabilities && addPair && add ? editorOf(container.pod).removeItem(add, item, { map: capabilities, pair: addPair }) : undefined;
        report({
          fixes: edit ? [{ title: `Remove \`${capability.value}\``, edits: [edit], safety: 'unsafe', isPreferred: true }] : [],
          range: view.range(capability),
          message: `${describe(container)} adds \`${capability.value}\`; the ${kubernetes.profile} Pod Security level allows ${kubernetes.profile === 'restricted' ? 'only `NET_BIND_SERVICE`' : "only the runtime's default capabilities"}.`,
        });
      }
    }
  },
};
