import type { YAMLMap } from 'yaml';
import type { Container } from '../../kubernetes/model';
import { USER_NAMESPACE_RELAXED_SINCE } from '../../kubernetes/data/pod-security';
import type { KubernetesRule } from '../rule';
import { podRunAsUser, workspaceContainers } from '../xref/support/workspace-images';
import { containerSecurityContext, describe, editorOf, isUserNamespaced, podSecurityContext, pods, quotedList, setting, viewOf } from './support/pods';

export const k8sRunAsNonRoot: KubernetesRule = {
  meta: {
    id: 'k8s-run-as-non-root',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'Neither the pod nor the container sets `runAsNonRoot: true`, or a runAsUser is 0.',
    why: 'Without `runAsNonRoot: true` the kubelet starts an image whose user is root as root: a process breaking out of the container is root on the node. With it, such an image fails to start instead of running silently as root. The restricted Pod Security level requires it, and forbids `runAsUser: 0`.',
    example: 'spec:\n  containers:\n    - name: app\n      image: ghcr.io/acme/app:1.4.2',
    useInstead: 'spec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001  # when the image\'s user is a name\n  containers:\n    - name: app\n      image: ghcr.io/acme/app:1.4.2',
    fixSafety: 'unsafe',
    equivalents: ['PSS restricted', 'kube-linter run-as-non-root', 'Polaris runAsRootAllowed', 'Checkov CKV_K8S_23', 'kube-score container-security-context-user-group-id'],
  },
  restrictedOnly: true,
  check({ model, kubernetes, workspace, report }) {
    // With the workspace, the images' users are known: the fix sets the uid a named USER needs.
    const images = workspaceContainers({ model, workspace });
    for (const pod of pods(model)) {
      // Since 1.35 a pod in its own user namespace may run as uid 0: that is not root on the node.
      if (kubernetes.minor >= USER_NAMESPACE_RELAXED_SINCE && isUserNamespaced(pod)) continue;
      const view = viewOf(pod);
      const editor = editorOf(pod);
      const podNonRoot = setting(view, podSecurityContext(pod), 'runAsNonRoot');
      const lacking: string[] = [];
      const explicit: { who: string; securityContext?: YAMLMap; container?: Container }[] = [{ who: 'The pod', securityContext: podSecurityContext(pod) }, ...pod.containers.map((container) => ({ who: describe(container), securityContext: containerSecurityContext(container), container }))];
      for (const { who, securityContext, container } of explicit) {
        const nonRoot = setting(view, securityContext, 'runAsNonRoot');
        if (nonRoot && nonRoot.value !== true) {
          const edit = editor.setValue(nonRoot.pair, 'true');
          report({ range: nonRoot.range, message: `${who} sets \`runAsNonRoot: ${String(nonRoot.value)}\`; set it to \`true\`.`, fixes: edit ? [{ title: 'Set `runAsNonRoot: true`', edits: [edit], safety: 'unsafe', isPreferred: true }] : [] });
        } else if (!nonRoot && container && podNonRoot?.value !== true) lacking.push(container.name);
        const user = setting(view, securityContext, 'runAsUser');
        if (user?.value === 0) report({ range: user.range, message: `${who} runs as uid 0 (root); choose a non-zero \`runAsUser\`.` });
      }
      if (lacking.length === 0 || pod.partial || podNonRoot) continue;
      const uid = setting(view, podSecurityContext(pod), 'runAsUser') ? undefined : podRunAsUser(pod, images);
      const edit = editor.addEntriesUnder(pod.spec, ['securityContext'], uid === undefined ? { runAsNonRoot: 'true' } : { runAsNonRoot: 'true', runAsUser: String(uid) });
      report({
        range: view.keyRange(pod.specPair),
        message: `Neither the pod nor ${lacking.length === 1 ? 'its container' : 'its containers'} ${quotedList(lacking.filter(Boolean))} ${lacking.length === 1 ? 'sets' : 'set'} \`runAsNonRoot: true\`: an image whose user is root runs as root.`,
        fixes: edit ? [{ title: uid === undefined ? 'Add `runAsNonRoot: true` to the pod' : `Add \`runAsNonRoot: true\` and \`runAsUser: ${uid}\` (the image's user) to the pod`, edits: [edit], safety: 'unsafe', isPreferred: true }] : [],
      });
    }
  },
};
