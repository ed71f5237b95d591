import { isScalar } from 'yaml';
import { WINDOWS_EXEMPT_SINCE } from '../../kubernetes/data/pod-security';
import type { KubernetesRule } from '../rule';
import { containers, containerSecurityContext, describe, editorOf, isWindows, viewOf } from './support/pods';

export const k8sCapabilitiesNotDropped: KubernetesRule = {
  meta: {
    id: 'k8s-capabilities-not-dropped',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'A container does not drop all Linux capabilities (`capabilities.drop` lacks ALL).',
    why: 'Container runtimes grant a set of capabilities by default (NET_RAW to forge packets, CHOWN, SETUID...). Few programs need any; dropping ALL and adding back the one that is needed closes what an attacker would use first. The restricted Pod Security level requires `drop: [ALL]`.',
    example: 'securityContext:\n  allowPrivilegeEscalation: false',
    useInstead: 'securityContext:\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [ALL]',
    fixSafety: 'unsafe',
    equivalents: ['PSS restricted', 'kube-linter drop-net-raw-capability', 'Checkov CKV_K8S_28', 'Checkov CKV_K8S_37'],
  },
  restrictedOnly: true,
  check({ model, kubernetes, report }) {
    for (const container of containers(model)) {
      const pod = container.pod;
      if (kubernetes.minor >= WINDOWS_EXEMPT_SINCE && isWindows(pod)) continue;
      const view = viewOf(pod);
      const securityContext = containerSecurityContext(container);
      const capabilitiesPair = view.pair(securityContext, 'capabilities');
      const capabilities = view.asMap(capabilitiesPair?.value);
      const dropPair = view.pair(capabilities, 'drop');
      const drop = view.seq(capabilities, 'drop');
      if (drop?.items.some((item) => { const node = view.resolve(item); return isScalar(node) && node.value === 'ALL'; })) continue;
      if (!dropPair && !capabilitiesPair && pod.partial) continue;
      const editor = editorOf(pod);
      const edit = drop && drop.items.length > 0 ? editor.appendItem(drop, 'ALL') : !dropPair ? editor.addUnder(container.map, ['securityContext', 'capabilities'], 'drop', ['ALL']) : undefined;
      report({
        range: dropPair ? view.keyRange(dropPair) : capabilitiesPair ? view.keyRange(capabilitiesPair) : container.anchor,
        message: `${describe(container)} keeps the runtime's default capabilities (NET_RAW, CHOWN, SETUID...); drop ALL and add back only what it needs.`,
        fixes: edit ? [{ title: 'Drop all capabilities', edits: [edit], safety: 'unsafe', isPreferred: true }] : [],
      });
    }
  },
};
