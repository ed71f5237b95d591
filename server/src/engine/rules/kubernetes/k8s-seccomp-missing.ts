import { SECCOMP_FIELD_SINCE, WINDOWS_EXEMPT_SINCE } from '../../kubernetes/data/pod-security';
import type { KubernetesRule } from '../rule';
import { containerSecurityContext, editorOf, isWindows, podSecurityContext, pods, quotedList, viewOf } from './support/pods';

export const k8sSeccompMissing: KubernetesRule = {
  meta: {
    id: 'k8s-seccomp-missing',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'No seccomp profile (RuntimeDefault or Localhost) applies to a container.',
    why: "Without a seccomp profile a container may make every system call the kernel offers, including the rarely used ones most kernel exploits go through. `RuntimeDefault` blocks those and nothing ordinary programs need; the restricted Pod Security level requires it (or a Localhost profile). Set once on the pod, it covers every container. Before Kubernetes 1.19 there is no such field and Pod Security's restricted level asks for no profile, so with `shipshape.kubernetes.version` below 1.19 this rule says nothing.",
    example: 'spec:\n  containers:\n    - name: app\n      image: ghcr.io/acme/app:1.4.2',
    useInstead: 'spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: ghcr.io/acme/app:1.4.2',
    fixSafety: 'unsafe',
    equivalents: ['PSS restricted', 'Checkov CKV_K8S_31', 'kube-score container-seccomp-profile'],
  },
  restrictedOnly: true,
  check({ model, kubernetes, report }) {
    if (kubernetes.minor < SECCOMP_FIELD_SINCE) return;
    for (const pod of pods(model)) {
      if (pod.partial || (kubernetes.minor >= WINDOWS_EXEMPT_SINCE && isWindows(pod))) continue;
      const view = viewOf(pod);
      const podProfile = view.map(podSecurityContext(pod), 'seccompProfile');
      // A profile of another type (Unconfined) is k8s-baseline-other's finding.
      if (podProfile) continue;
      const lacking = pod.containers.filter((container) => !view.map(containerSecurityContext(container), 'seccompProfile'));
      if (lacking.length === 0) continue;
      const edit = editorOf(pod).addUnder(pod.spec, ['securityContext'], 'seccompProfile', { type: 'RuntimeDefault' });
      const names = lacking.map((container) => container.name).filter(Boolean);
      report({
        range: view.keyRange(pod.specPair),
        message: `No seccomp profile applies to ${lacking.length === pod.containers.length ? 'the pod' : `container${names.length === 1 ? '' : 's'} ${quotedList(names)}`}: every system call is allowed. Set \`seccompProfile: {type: RuntimeDefault}\` on the pod.`,
        fixes: edit ? [{ title: 'Add `seccompProfile: {type: RuntimeDefault}` to the pod', edits: [edit], safety: 'unsafe', isPreferred: true }] : [],
      });
    }
  },
};
