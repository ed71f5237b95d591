/** What several Kubernetes rules ask of a pod spec and its containers. */
import type { Pair, Scalar, YAMLMap } from 'yaml';
import type { Container, KubernetesModel, PodSpec } from '../../../kubernetes/model';
import { YamlEditor } from '../../../kubernetes/yaml-edits';
import type { YamlView } from '../../../kubernetes/yaml-view';
import type { Range } from '../../../types';

export function pods(model: KubernetesModel): PodSpec[] {
  return model.objects.flatMap((object) => (object.pod ? [object.pod] : []));
}

export function containers(model: KubernetesModel): Container[] {
  return pods(model).flatMap((pod) => pod.containers);
}

export function viewOf(pod: PodSpec): YamlView {
  return pod.object.view;
}

export function editorOf(pod: PodSpec): YamlEditor {
  return new YamlEditor(pod.object.view);
}

export function podSecurityContext(pod: PodSpec): YAMLMap | undefined {
  return viewOf(pod).map(pod.spec, 'securityContext');
}

export function containerSecurityContext(container: Container): YAMLMap | undefined {
  return viewOf(container.pod).map(container.map, 'securityContext');
}

/** `spec.os.name: windows`: Linux-only controls do not apply. */
export function isWindows(pod: PodSpec): boolean {
  return viewOf(pod).string(viewOf(pod).map(pod.spec, 'os'), 'name') === 'windows';
}

/** `hostUsers: false`: the pod runs in its own user namespace. */
export function isUserNamespaced(pod: PodSpec): boolean {
  return viewOf(pod).scalar(pod.spec, 'hostUsers')?.value === false;
}

/** A pair whose value is written, with the value's range (where a wrong value is reported). */
export interface Setting {
  map: YAMLMap;
  pair: Pair;
  value: Scalar['value'];
  range: Range;
}

/** The scalar setting `key` of a map, if written. */
export function setting(view: YamlView, map: YAMLMap | undefined, key: string): Setting | undefined {
  const pair = view.pair(map, key);
  const scalar = view.scalar(map, key);
  if (!map || !pair || !scalar) return undefined;
  return { map, pair, value: scalar.value, range: view.valueRange(pair) };
}

/** `a, b and c` for messages. */
export function quotedList(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** How a container is named in messages. */
export function describe(container: Container): string {
  const kind = container.list === 'initContainers' ? 'Init container' : container.list === 'ephemeralContainers' ? 'Ephemeral container' : 'Container';
  return container.name ? `${kind} \`${container.name}\`` : kind;
}
