/**
 * kustomization.yaml `images:`: every manifest the kustomization builds deploys `name` as
 * `newName`, `newTag` or `digest` instead. The rewrite's scope is the kustomization's folder;
 * its location is the entry's `name` value. What it builds is its `resources:` (and the older
 * `bases:`): manifest files, and folders of other kustomizations, whose resources it builds in turn.
 */
import { isScalar } from 'yaml';
import type { BuildDefinitions, ImageRewrite } from '../types';
import { folderOf, resolveInside } from '../paths';
import { locationOf, scalarAt, yamlRoots } from './yaml-roots';

/** The names Kustomize looks for in a folder it builds. */
export const KUSTOMIZATION_FILE_NAMES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

export function readKustomization(path: string, text: string): BuildDefinitions {
  const rewrites: ImageRewrite[] = [];
  let resources: string[] | undefined;
  // Kustomize decodes with sigs.k8s.io/yaml, as Kubernetes does: YAML 1.1.
  for (const { view, root } of yamlRoots(text, '1.1')) {
    for (const key of ['resources', 'bases']) {
      const list = view.seq(root, key);
      if (!list) continue;
      resources ??= [];
      for (const item of list.items) {
        const entry = isScalar(item) && typeof item.value === 'string' ? resolveInside(folderOf(path), item.value) : undefined;
        if (entry) resources.push(entry);
      }
    }
    for (const entry of view.maps(view.seq(root, 'images'))) {
      const name = scalarAt(view, entry, 'name');
      if (!name || name.text.trim() === '') continue;
      const rewrite: ImageRewrite = { name: name.text, scope: folderOf(path), location: locationOf(path, view, name.node) };
      for (const key of ['newName', 'newTag', 'digest'] as const) {
        const value = scalarAt(view, entry, key)?.text;
        if (value) rewrite[key] = value;
      }
      if (rewrite.newName || rewrite.newTag || rewrite.digest) rewrites.push(rewrite);
    }
  }
  return { links: [], rewrites, ...(resources && { resources }) };
}
