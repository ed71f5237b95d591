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

/** By the model's objects (never changed once the model is built): the image rules and the cross-file ones all ask. */
const imagesOfObjects = new WeakMap<KubernetesModel['objects'], readonly ContainerImage[]>();

/** Each container's image as written (a plain string; empty or templated values are skipped). */
export function containerImages(model: KubernetesModel): readonly ContainerImage[] {
  let images = imagesOfObjects.get(model.objects);
  if (!images) {
    images = readContainerImages(model);
    imagesOfObjects.set(model.objects, images);
  }
  return images;
}

function readContainerImages(model: KubernetesModel): ContainerImage[] {
  return containers(model).flatMap((container) => {
    const view = viewOf(container.pod);
    const pair = view.pair(container.map, 'image');
    const text = view.string(container.map, 'image')?.trim();
    if (!pair || !text || /[\s$]/.test(text)) return [];
    return [{ container, text, reference: parseImageReference(text), pair, range: view.valueRange(pair) }];
  });
}
