import type { Pair } from 'yaml';
import { parseImageReference, type ImageReference } from '../../../images/reference';
import type { Container, KubernetesModel } from '../../../kubernetes/model';
import type { Range } from '../../../types';
import { containers, viewOf } from './pods';

export interface ContainerImage {
  container: Container;
  text: string;
  reference: ImageReference;
  pair: Pair;
  range: Range;
}

/** Each container's image as written (a plain string; empty or templated values are skipped). */
export function containerImages(model: KubernetesModel): ContainerImage[] {
  return containers(model).flatMap((container) => {
    const view = viewOf(container.pod);
    const pair = view.pair(container.map, 'image');
    const text = view.string(container.map, 'image')?.trim();
    if (!pair || !text || /[\s$]/.test(text)) return [];
    return [{ container, text, reference: parseImageReference(text), pair, range: view.valueRange(pair) }];
  });
}
