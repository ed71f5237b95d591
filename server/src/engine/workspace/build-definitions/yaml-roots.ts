/** The top-level maps of a YAML build definition, read with the Kubernetes model's YamlView. */
import { parseAllDocuments, type Node, type YAMLMap } from 'yaml';
import { YamlView, scalarText } from '../../kubernetes/yaml-view';
import { LineIndex } from '../../text/document';
import type { FileLocation } from '../types';

export interface YamlRoot {
  view: YamlView;
  root: YAMLMap;
}

/**
 * Every document whose top level is a map. A document with a syntax error is skipped, as
 * the manifest model does: half-typed YAML links nothing rather than something wrong.
 */
export function yamlRoots(text: string, version: '1.1' | '1.2'): YamlRoot[] {
  const lines = new LineIndex(text);
  const roots: YamlRoot[] = [];
  for (const document of parseAllDocuments(text, { version, prettyErrors: false, uniqueKeys: false })) {
    if (document.errors.length > 0) continue;
    const view = new YamlView(document, lines);
    const root = view.asMap(document.contents);
    if (root) roots.push({ view, root });
  }
  return roots;
}

/** A scalar value under `key` with where it is written; numbers keep their source text (`newTag: 1.10`). */
export function scalarAt(view: YamlView, map: YAMLMap | undefined, key: string): { text: string; node: Node } | undefined {
  const node = view.scalar(map, key);
  const text = scalarText(node);
  return node && text !== undefined ? { text, node } : undefined;
}

export function locationOf(file: string, view: YamlView, node: Node): FileLocation {
  return { file, range: view.range(node) };
}
