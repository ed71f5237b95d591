/**
 * "Harden Kubernetes Manifest": every hardening fix of the Kubernetes rules applied to a file,
 * or to the objects and containers a selection touches, at once, as one edit the user can
 * preview. The rules' own fixes do the work, so the result is what accepting each quick fix in
 * turn would give.
 */
import { analyze } from '../analyze';
import type { YAMLMap } from 'yaml';
import { buildKubernetesModel, type KubernetesModel } from '../kubernetes/model';
import type { YamlView } from '../kubernetes/yaml-view';
import { kubernetesRules } from '../rules';
import { comparePositions, LineIndex, rangesOverlap } from '../text/document';
import type { EngineConfig, Finding, KubernetesHints, Position, Range, TextEdit, WorkspaceInput } from '../types';
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

/**
 * The edits that harden the manifests in the text: none when there is nothing to do. With a
 * non-empty selection, only the objects it touches; where it touches nothing of an object but
 * its containers, only those containers (pod-level settings, which change every container,
 * stay as they are).
 * With the `workspace`, the fixes know the images: `runAsUser` for a named USER, emptyDirs
 * where the image writes.
 */
export function hardenManifestEdits(text: string, config: EngineConfig = {}, hints?: KubernetesHints, selection?: Range, workspace?: WorkspaceInput): TextEdit[] {
  // Only the hardening rules run; one the user switched off stays off.
  const rules = Object.fromEntries(kubernetesRules.map(({ meta }) => [meta.id, HARDENING_RULES.includes(meta.id) && config.rules?.[meta.id] !== 'off' ? 'warning' : 'off'] as const));
  const original = selection && comparePositions(selection.start, selection.end) !== 0 ? buildKubernetesModel(text, hints) : undefined;
  const scope = original && selectedParts(original, selection!);
  if (scope?.size === 0) return [];
  const findingsOf = (current: string): Finding[] => {
    const { findings } = analyze({ text: current, kind: 'kubernetes', config: { ...config, rules }, kubernetes: hints, workspace });
    if (!scope) return findings;
    // Fixes add and remove keys, never objects or containers: their indexes stay valid while
    // the text parses as it did.
    const model = buildKubernetesModel(current, hints);
    if (model.objects.length !== original!.objects.length) return [];
    return findings.filter((finding) => partsAt(model, finding.range.start).some((part) => scope.has(part)));
  };
  const hardened = fixAll(text, findingsOf, ['safe', 'unsafe']);
  if (hardened === text) return [];
  // One edit over the part that changed, so the preview shows the change and nothing else.
  let start = 0;
  while (start < text.length && start < hardened.length && text[start] === hardened[start]) start++;
  let end = 0;
  while (end < text.length - start && end < hardened.length - start && text[text.length - 1 - end] === hardened[hardened.length - 1 - end]) end++;
  const lines = new LineIndex(text);
  return [{ range: { start: lines.positionAt(start), end: lines.positionAt(text.length - end) }, newText: hardened.slice(start, hardened.length - end) }];
}

/** Parts of a file a selection can name: `3` is the fourth object, `3/1` its pod's second container. */
function selectedParts(model: KubernetesModel, selected: Range): Set<string> {
  // Whole lines selected end at the start of the next line: they end where the last line does.
  const { start, end } = selected;
  const selection = end.character === 0 && end.line > start.line ? { start, end: { line: end.line - 1, character: model.lines.lineText(end.line - 1).length } } : selected;
  const parts = new Set<string>();
  model.objects.forEach((object, index) => {
    if (!rangesOverlap(object.view.range(object.root), selection)) return;
    const containers = (object.pod?.containers ?? []).map((container, position) => ({ part: `${index}/${position}`, list: container.list, range: containerRange(object.view, container.map) }));
    const first = containers.find((container) => contains(container.range, selection.start));
    const last = containers.find((container) => contains(container.range, selection.end, true));
    // From inside one container to inside another of the same list: only containers in between.
    if (first && last && first.list === last.list) {
      for (const container of containers) if (container.list === first.list && rangesOverlap(container.range, selection)) parts.add(container.part);
    } else {
      parts.add(String(index));
    }
  });
  return parts;
}

/** The object (and container) a position lies in, as selectedParts names them. */
function partsAt(model: KubernetesModel, position: Position): string[] {
  const index = model.objects.findIndex((object) => contains(object.view.range(object.root), position));
  if (index < 0) return [];
  const object = model.objects[index];
  const container = (object.pod?.containers ?? []).findIndex((candidate) => contains(containerRange(object.view, candidate.map), position));
  return container < 0 ? [String(index)] : [String(index), `${index}/${container}`];
}

/** A container's map, from the start of its `- ` line when only indentation and the dash come before it (whole-line selections start there). */
function containerRange(view: YamlView, map: YAMLMap): Range {
  const range = view.range(map);
  const before = view.lines.lineText(range.start.line).slice(0, range.start.character);
  return /^[\s-]*$/.test(before) ? { start: { line: range.start.line, character: 0 }, end: range.end } : range;
}

function contains(range: Range, position: Position, endInclusive = false): boolean {
  const end = comparePositions(position, range.end);
  return comparePositions(range.start, position) <= 0 && (endInclusive ? end <= 0 : end < 0);
}
