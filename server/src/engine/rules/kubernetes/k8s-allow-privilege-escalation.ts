import { WINDOWS_EXEMPT_SINCE } from '../../kubernetes/data/pod-security';
import type { KubernetesRule } from '../rule';
import { containers, containerSecurityContext, describe, editorOf, isWindows, setting, viewOf } from './support/pods';

export const k8sAllowPrivilegeEscalation: KubernetesRule = {
  meta: {
    id: 'k8s-allow-privilege-escalation',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'A container does not set `allowPrivilegeEscalation: false`.',
    why: 'Unless it is false, a process in the container can gain more privileges than its parent, through setuid binaries such as `sudo` or file capabilities. The restricted Pod Security level requires it on every container.',
    example: 'containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2',
    useInstead: 'containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    securityContext:\n      allowPrivilegeEscalation: false',
    fixSafety: 'unsafe',
    equivalents: ['PSS restricted', 'kube-linter privilege-escalation-container', 'Polaris privilegeEscalationAllowed', 'Checkov CKV_K8S_20'],
  },
  restrictedOnly: true,
  check({ model, kubernetes, report }) {
    for (const container of containers(model)) {
      const pod = container.pod;
      if (kubernetes.minor >= WINDOWS_EXEMPT_SINCE && isWindows(pod)) continue;
      const securityContext = containerSecurityContext(container);
      const current = setting(viewOf(pod), securityContext, 'allowPrivilegeEscalation');
      if (current?.value === false) continue;
      if (!current && pod.partial) continue;
      const edit = current ? editorOf(pod).setValue(current.pair, 'false') : editorOf(pod).addUnder(container.map, ['securityContext'], 'allowPrivilegeEscalation', 'false');
      report({
        range: current ? current.range : container.anchor,
        message: current
          ? `${describe(container)} allows privilege escalation (setuid binaries, file capabilities); set \`allowPrivilegeEscalation: false\`.`
          : `${describe(container)} does not set \`allowPrivilegeEscalation: false\`: setuid binaries can gain privileges.`,
        fixes: edit ? [{ title: 'Set `allowPrivilegeEscalation: false`', edits: [edit], safety: 'unsafe', isPreferred: true }] : [],
      });
    }
  },
};
