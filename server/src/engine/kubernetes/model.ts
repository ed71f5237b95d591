/**
 * The Kubernetes model of a YAML file: its manifests (documents, and the items of `kind: List`,
 * with `apiVersion` and `kind`), the pod spec of each workload and its containers, with the
 * exact place of every key. Everything else in the file is ignored.
 */
import type { Document, Pair, YAMLError, YAMLMap } from 'yaml';
import { LineIndex } from '../text/document';
import { parseChunks } from './documents';
import type { KubernetesHints, Range, SyntaxProblem } from '../types';
import { scalarText, YamlView } from './yaml-view';

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';
export const CONTAINER_LISTS: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];

export interface ManifestObject {
  view: YamlView;
  root: YAMLMap;
  apiVersion: string;
  /** The `apiVersion` pair, for rules about the API itself. */
  apiVersionPair: Pair;
  kind: string;
  metadata?: YAMLMap;
  pod?: PodSpec;
}

export interface PodSpec {
  object: ManifestObject;
  /** The `spec` key holding the pod spec: where findings about missing pod fields go. */
  specPair: Pair;
  spec: YAMLMap;
  /** The pod's own metadata: the template's, or the Pod's. */
  metadata?: YAMLMap;
  /** The map holding `metadata` and `spec` (the template, or the Pod itself). */
  template: YAMLMap;
  /** `spec.securityContext`, which most rules read. */
  securityContext?: YAMLMap;
  containers: Container[];
  /**
   * A fragment (a patch, an overlay's partial object): fields it lacks are set elsewhere, so
   * rules report what is written, never what is missing.
   */
  partial: boolean;
  /** Runs until stopped (not a Job, CronJob or a Pod that exits): readiness matters. */
  longRunning: boolean;
  /** `spec.os.name: windows`: Linux-only controls do not apply. */
  windows: boolean;
}

export interface Container {
  pod: PodSpec;
  map: YAMLMap;
  list: ContainerList;
  /** '' when the container has no name. */
  name: string;
  /** The container's `securityContext`, which most rules read. */
  securityContext?: YAMLMap;
  /** Where findings about missing container fields go: the `name` value, else the item's first key. */
  readonly anchor: Range;
}

export interface KubernetesModel {
  lines: LineIndex;
  objects: ManifestObject[];
  /** The objects by the piece of text their documents were parsed from, in file order. */
  sections: ModelSection[];
  /** The first YAML error of a file that looks like a manifest. */
  syntaxError?: SyntaxProblem;
}

/** Objects parsed from one piece of the file; nothing in them depends on the text around it. */
export interface ModelSection {
  text: string;
  /** Where the piece starts in the file. */
  start: number;
  objects: ManifestObject[];
}

interface WorkloadShape {
  /** API groups the kind belongs to ('' = core); the same kind in another group is someone's CRD. */
  groups: readonly string[];
  /** Keys from the object to the pod template (the map holding `metadata` and `spec`); [] for a Pod. */
  template: readonly string[];
  longRunning: boolean;
}

const WORKLOADS: Record<string, WorkloadShape> = {
  Pod: { groups: [''], template: [], longRunning: true },
  PodTemplate: { groups: [''], template: ['template'], longRunning: false },
  ReplicationController: { groups: [''], template: ['spec', 'template'], longRunning: true },
  Deployment: { groups: ['apps', 'extensions'], template: ['spec', 'template'], longRunning: true },
  ReplicaSet: { groups: ['apps', 'extensions'], template: ['spec', 'template'], longRunning: true },
  DaemonSet: { groups: ['apps', 'extensions'], template: ['spec', 'template'], longRunning: true },
  StatefulSet: { groups: ['apps'], template: ['spec', 'template'], longRunning: true },
  Job: { groups: ['batch'], template: ['spec', 'template'], longRunning: false },
  CronJob: { groups: ['batch'], template: ['spec', 'jobTemplate', 'spec', 'template'], longRunning: false },
};

/** A file that names an apiVersion and a kind is meant as a manifest, so its syntax errors are worth a word. */
const LOOKS_LIKE_MANIFEST = [/^[ \t]*(?:-[ \t]+)?apiVersion[ \t]*:/m, /^[ \t]*(?:-[ \t]+)?kind[ \t]*:/m];

/** Helm and other Go templates are not YAML until rendered: their files are left alone. */
export function isTemplated(text: string): boolean {
  // `{{` with a `}}` after it, found without a lazy pattern, which is quadratic on a run of `{{`.
  const open = text.indexOf('{{');
  return open >= 0 && text.includes('}}', open + 2);
}

export function looksLikeManifest(text: string): boolean {
  return LOOKS_LIKE_MANIFEST.every((pattern) => pattern.test(text)) && !isTemplated(text);
}

/** The parser reports running out of stack (only deep nesting does that) as RESOURCE_EXHAUSTION, in the engine's words. */
function syntaxMessage(error: YAMLError): string {
  if (error.code === 'RESOURCE_EXHAUSTION') return 'YAML nested deeper than Shipshape reads; the file is not analysed.';
  return `YAML syntax error: ${error.message.split('\n')[0]}`;
}

export function buildKubernetesModel(text: string, hints: KubernetesHints = {}): KubernetesModel {
  const lines = new LineIndex(text);
  const model: KubernetesModel = { lines, objects: [], sections: [] };
  if (!looksLikeManifest(text)) return model;
  const views = new Set<YamlView>();
  // YAML 1.1 as Kubernetes' decoder reads it; aliases are followed by hand and never expanded,
  // so alias bombs cost nothing.
  for (const chunk of parseChunks(text)) {
    const section: ModelSection = { text: chunk.text, start: chunk.start, objects: [] };
    for (const document of chunk.documents) {
      const error = document.errors[0];
      if (error) {
        model.syntaxError ??= { message: syntaxMessage(error), range: { start: lines.positionAt(error.pos[0]), end: lines.positionAt(Math.max(error.pos[1], error.pos[0])) } };
        continue;
      }
      section.objects.push(...objectsOf(document, lines, hints, views));
    }
    model.sections.push(section);
    model.objects.push(...section.objects);
  }
  replaceLatestViews(views);
  return model;
}

/**
 * The objects of each parsed document, kept while the document is (a keystroke elsewhere in a
 * bundle leaves it as it was), with the Kustomize hint they were read with. Nothing in them
 * depends on where the document sits: their places are read through the view's line index,
 * which each model sets to its text's. A model is read before the next one is built: the next
 * releases the views it does not use, so that the documents kept for later (the old versions of
 * the one being typed in) do not keep a whole old text each.
 */
const objectsOfDocuments = new WeakMap<Document.Parsed, { partial: boolean; view: YamlView; objects: ManifestObject[] }>();
let latestViews = new Set<YamlView>();

function objectsOf(document: Document.Parsed, lines: LineIndex, hints: KubernetesHints, views: Set<YamlView>): ManifestObject[] {
  const partial = hints.partial === true;
  const kept = objectsOfDocuments.get(document);
  if (kept && kept.partial === partial) {
    kept.view.readWith(lines);
    views.add(kept.view);
    return kept.objects;
  }
  const view = new YamlView(document, lines);
  views.add(view);
  const objects: ManifestObject[] = [];
  const root = view.asMap(document.contents);
  if (root) collectObjects(view, root, hints, objects, true);
  objectsOfDocuments.set(document, { partial, view, objects });
  return objects;
}

/** Releases the views of the previous model that this one does not use. */
function replaceLatestViews(views: Set<YamlView>): void {
  for (const view of latestViews) if (!views.has(view)) view.release();
  latestViews = views;
}

function collectObjects(view: YamlView, root: YAMLMap, hints: KubernetesHints, into: ManifestObject[], topLevel: boolean): void {
  const apiVersionPair = view.pair(root, 'apiVersion');
  const apiVersion = scalarText(view.scalar(root, 'apiVersion'));
  const kind = view.string(root, 'kind');
  if (!apiVersionPair || !apiVersion || !kind) return;
  // `kind: List` (and typed lists such as PodList) wrap objects; lists do not nest.
  if (kind.endsWith('List') && topLevel) {
    for (const item of view.maps(view.seq(root, 'items'))) collectObjects(view, item, hints, into, false);
    return;
  }
  const object: ManifestObject = { view, root, apiVersion, apiVersionPair, kind, metadata: view.map(root, 'metadata') };
  object.pod = podSpecOf(object, hints);
  into.push(object);
}

function podSpecOf(object: ManifestObject, hints: KubernetesHints): PodSpec | undefined {
  const shape = Object.hasOwn(WORKLOADS, object.kind) ? WORKLOADS[object.kind] : undefined;
  const group = object.apiVersion.includes('/') ? object.apiVersion.slice(0, object.apiVersion.indexOf('/')) : '';
  if (!shape || !shape.groups.includes(group)) return undefined;
  const { view } = object;
  let template: YAMLMap | undefined = object.root;
  for (const key of shape.template) template = view.map(template, key);
  const specPair = view.pair(template, 'spec');
  const spec = view.asMap(specPair?.value);
  if (!template || !specPair || !spec) return undefined;
  const pod: PodSpec = {
    object,
    specPair,
    spec,
    template,
    metadata: view.map(template, 'metadata'),
    securityContext: view.map(spec, 'securityContext'),
    containers: [],
    partial: hints.partial === true,
    longRunning: shape.longRunning && (object.kind !== 'Pod' || (view.string(spec, 'restartPolicy') ?? 'Always') === 'Always'),
    windows: view.string(view.map(spec, 'os'), 'name') === 'windows',
  };
  for (const list of CONTAINER_LISTS) {
    for (const map of view.maps(view.seq(spec, list))) {
      pod.containers.push({
        pod,
        map,
        list,
        name: view.string(map, 'name') ?? '',
        securityContext: view.map(map, 'securityContext'),
        // Read when asked: the document's lines move as the text above it changes.
        get anchor() {
          const namePair = view.pair(map, 'name');
          const first = map.items[0];
          return namePair ? view.valueRange(namePair) : first ? view.keyRange(first) : view.range(map);
        },
      });
    }
  }
  // Without a container, or with one that names no image, this is a fragment of an object
  // (a Kustomize patch, an overlay) rather than something the API server would accept.
  const regular = pod.containers.filter((container) => container.list === 'containers');
  if (regular.length === 0 || regular.some((container) => !view.string(container.map, 'image'))) pod.partial = true;
  return pod;
}

/** The first `major.minor` of a version text ("1.32", "v1.32.4"), or undefined when it is none. */
export function parseMinorVersion(text: string | undefined): number | undefined {
  const match = /^v?1\.(\d+)(?:\.\d+)?$/.exec(text?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}
