/**
 * kustomization.yaml `images:`: every manifest the kustomization builds deploys `name` as
 * `newName`, `newTag` or `digest` instead. The rewrite's scope is the kustomization's folder;
 * its location is the entry's `name` value.
 */
import type { ImageRewrite } from '../types';
import { folderOf } from '../paths';
import { locationOf, scalarAt, yamlRoots } from './yaml-roots';

export function readKustomization(path: string, text: string): ImageRewrite[] {
  const rewrites: ImageRewrite[] = [];
  // Kustomize decodes with sigs.k8s.io/yaml, as Kubernetes does: YAML 1.1.
  for (const { view, root } of yamlRoots(text, '1.1')) {
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
  return rewrites;
}
