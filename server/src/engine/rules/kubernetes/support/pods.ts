/** What several Kubernetes rules ask of a pod spec and its containers. */
import type { Pair, Scalar, YAMLMap } from 'yaml';
import type { Container, KubernetesModel, PodSpec } from '../../../kubernetes/model';
import { YamlEditor } from '../../../kubernetes/yaml-edits';
import { isScalar, type YamlView } from '../../../kubernetes/yaml-view';
import type { Range, TextEdit } from '../../../types';

/** A container's probes, by their key. */
export const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
/** The probe handlers that name a port. */
export const PROBE_PORT_ACTIONS = ['httpGet', 'tcpSocket', 'grpc'];
/** The handlers under a container's `lifecycle`. */
export const LIFECYCLE_HOOKS = ['postStart', 'preStop'];

/** By the model's objects (never changed once the model is built): every rule asks. */
const podsOfObjects = new WeakMap<KubernetesModel['objects'], readonly PodSpec[]>();
const containersOfObjects = new WeakMap<KubernetesModel['objects'], readonly Container[]>();

export function pods(model: KubernetesModel): readonly PodSpec[] {
  let found = podsOfObjects.get(model.objects);
  if (!found) {
    found = model.objects.flatMap((object) => (object.pod ? [object.pod] : []));
    podsOfObjects.set(model.objects, found);
  }
  return found;
}

export function containers(model: KubernetesModel): readonly Container[] {
  let found = containersOfObjects.get(model.objects);
  if (!found) {
    found = pods(model).flatMap((pod) => pod.containers);
    containersOfObjects.set(model.objects, found);
  }
  return found;
}

export function viewOf(pod: PodSpec): YamlView {
  return pod.object.view;
}

export function editorOf(pod: PodSpec): YamlEditor {
  return new YamlEditor(pod.object.view);
}

export function podSecurityContext(pod: PodSpec): YAMLMap | undefined {
  return pod.securityContext;
}

export function containerSecurityContext(container: Container): YAMLMap | undefined {
  return container.securityContext;
}

/** `spec.os.name: windows`: Linux-only controls do not apply. */
export function isWindows(pod: PodSpec): boolean {
  return pod.windows;
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
  readonly range: Range;
}

/** The scalar setting `key` of a map, if written. */
export function setting(view: YamlView, map: YAMLMap | undefined, key: string): Setting | undefined {
  const pair = view.pair(map, key);
  const scalar = view.resolve(pair?.value);
  if (!map || !pair || !isScalar(scalar)) return undefined;
  // Read when asked: most settings are read for their value only.
  return {
    map,
    pair,
    value: scalar.value,
    get range() {
      return view.valueRange(pair);
    },
  };
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

/** The volume name for a path: `/var/cache/nginx` → `var-cache-nginx`. */
function volumeNameFor(path: string): string {
  return path.replace(/^\/+|\/+$/g, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 63).replace(/-+$/, '') || 'root';
}

/** Debian and Alpine make /var/run a link to /run: a volume at either makes both writable. */
function sameFolders(path: string): string[] {
  const run = /^\/(?:var\/)?run(?=\/|$)/.exec(path);
  return run ? [`/run${path.slice(run[0].length)}`, `/var/run${path.slice(run[0].length)}`] : [path];
}

/** Whether a mount at `mountPath` makes `path` writable: it is the path or a folder above it. */
export function mountCovers(mountPath: string, path: string): boolean {
  const mount = mountPath.replace(/\/+$/, '') || '/';
  return sameFolders(path).some((folder) => mount === '/' || folder === mount || folder.startsWith(`${mount}/`));
}

/** The edits that mount emptyDirs: the container's mounts, and the pod's new volumes when there are any. */
export interface EmptyDirEdits {
  mounts: TextEdit;
  volumes?: TextEdit;
}

/**
 * The edits that mount an emptyDir at each path a container must write to (most programs write
 * temporary files to /tmp), leaving out paths something is mounted at already: null when all
 * are; undefined when a volume of the chosen name exists and is not an emptyDir (someone else's).
 * They can meet other edits of the same fix at the container's end: order them with nestedFirst.
 */
export function emptyDirMounts(container: Container, paths: readonly string[]): EmptyDirEdits | null | undefined {
  const pod = container.pod;
  const view = viewOf(pod);
  const editor = editorOf(pod);
  const mounts = view.seq(container.map, 'volumeMounts');
  const mounted = view.maps(mounts).map((mount) => view.string(mount, 'mountPath') ?? '');
  const missing = [...new Set(paths)].filter((path) => !mounted.some((mountPath) => mountCovers(mountPath, path)));
  if (missing.length === 0) return null;
  const volumes = view.seq(pod.spec, 'volumes');
  const existing = new Map(view.maps(volumes).map((volume) => [view.string(volume, 'name'), volume]));
  const wanted = missing.map((path) => ({ name: volumeNameFor(path), mountPath: path }));
  // A volume already called so that is not an emptyDir is someone else's: leave it to the user.
  if (wanted.some(({ name }) => existing.has(name) && !view.pair(existing.get(name), 'emptyDir'))) return undefined;
  const mountEdit = mounts && mounts.items.length > 0 ? editor.appendItems(mounts, wanted) : view.pair(container.map, 'volumeMounts') ? undefined : editor.add(container.map, 'volumeMounts', wanted);
  if (!mountEdit) return undefined;
  const newVolumes = wanted.filter(({ name }) => !existing.has(name)).map(({ name }) => ({ name, emptyDir: {} }));
  if (newVolumes.length === 0) return { mounts: mountEdit };
  const volumeEdit = volumes && volumes.items.length > 0 ? editor.appendItems(volumes, newVolumes) : view.pair(pod.spec, 'volumes') ? undefined : editor.add(pod.spec, 'volumes', newVolumes);
  return volumeEdit ? { mounts: mountEdit, volumes: volumeEdit } : undefined;
}
