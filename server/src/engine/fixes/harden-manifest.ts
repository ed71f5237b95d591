/**
 * "Harden Kubernetes Manifest": every hardening fix of the Kubernetes rules applied to a file at
 * once, as one edit the user can preview. The rules' own fixes do the work, so the result is
 * what accepting each quick fix in turn would give.
 */
import { analyze } from '../analyze';
import { kubernetesRules } from '../rules';
import { LineIndex } from '../text/document';
import type { EngineConfig, KubernetesHints, TextEdit } from '../types';
import { fixAll } from './fix-all';

/** The rules whose fixes lock a workload down (not resources or API versions, which are other decisions). */
export const HARDENING_RULES: readonly string[] = [
  'k8s-privileged',
  'k8s-host-namespaces',
  'k8s-host-port',
  'k8s-capabilities-added',
  'k8s-allow-privilege-escalation',
  'k8s-run-as-non-root',
  'k8s-seccomp-missing',
  'k8s-capabilities-not-dropped',
  'k8s-read-only-root-fs',
  'k8s-service-account-token',
];

/** The edits that harden every manifest in the text: none when there is nothing to do. */
export function hardenManifestEdits(text: string, config: EngineConfig = {}, hints?: KubernetesHints): TextEdit[] {
  // Only the hardening rules run; one the user switched off stays off.
  const rules = Object.fromEntries(kubernetesRules.map(({ meta }) => [meta.id, HARDENING_RULES.includes(meta.id) && config.rules?.[meta.id] !== 'off' ? 'warning' : 'off'] as const));
  const hardened = fixAll(text, (current) => analyze({ text: current, kind: 'kubernetes', config: { ...config, rules }, kubernetes: hints }).findings, ['safe', 'unsafe']);
  if (hardened === text) return [];
  // One edit over the part that changed, so the preview shows the change and nothing else.
  let start = 0;
  while (start < text.length && start < hardened.length && text[start] === hardened[start]) start++;
  let end = 0;
  while (end < text.length - start && end < hardened.length - start && text[text.length - 1 - end] === hardened[hardened.length - 1 - end]) end++;
  const lines = new LineIndex(text);
  return [{ range: { start: lines.positionAt(start), end: lines.positionAt(text.length - end) }, newText: hardened.slice(start, hardened.length - end) }];
}
