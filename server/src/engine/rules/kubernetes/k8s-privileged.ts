import type { KubernetesRule } from '../rule';
import { containers, containerSecurityContext, describe, editorOf, setting, viewOf } from './support/pods';

export const k8sPrivileged: KubernetesRule = {
  meta: {
    id: 'k8s-privileged',
    defaultSeverity: 'error',
    category: 'kubernetes',
    summary: 'A container runs privileged.',
    why: 'A privileged container gets every capability and every device of the node and no seccomp or AppArmor confinement: a process escaping it is root on the node. The Pod Security Standards forbid it from the baseline level up.',
    example: 'containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    securityContext:\n      privileged: true',
    useInstead: 'containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    securityContext:\n      capabilities:\n        add: [NET_BIND_SERVICE]  # only what the process needs',
    fixSafety: 'unsafe',
    equivalents: ['PSS baseline', 'kube-linter privileged-container', 'Polaris runAsPrivileged', 'Checkov CKV_K8S_16', 'kube-score container-security-context-privileged'],
  },
  check({ model, report }) {
    for (const container of containers(model)) {
      const securityContext = containerSecurityContext(container);
      const privileged = setting(viewOf(container.pod), securityContext, 'privileged');
      if (!securityContext || privileged?.value !== true) continue;
      const parent = viewOf(container.pod).pair(container.map, 'securityContext');
      const edit = editorOf(container.pod).remove(securityContext, privileged.pair, parent && { map: container.map, pair: parent });
      report({
        range: viewOf(container.pod).range(privileged.pair),
        message: `${describe(container)} runs privileged: it has every capability and device of the node.`,
        fixes: edit ? [{ title: 'Remove `privileged: true`', edits: [edit], safety: 'unsafe', isPreferred: true }] : [],
      });
    }
  },
};
