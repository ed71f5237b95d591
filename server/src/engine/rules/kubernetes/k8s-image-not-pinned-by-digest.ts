import type { KubernetesRule } from '../rule';
import { containerImages } from './support/images';
import { describe } from './support/pods';

export const k8sImageNotPinnedByDigest: KubernetesRule = {
  meta: {
    id: 'k8s-image-not-pinned-by-digest',
    defaultSeverity: 'info',
    category: 'kubernetes',
    summary: 'A container image is not pinned to a digest (`@sha256:`).',
    why: 'A tag is a pointer the publisher (or anyone with push rights) can move: the same manifest can run different code tomorrow. A digest names exactly one image; keep the tag beside it for readers and let Renovate or Dependabot update both. The **Pin to digest** quick fix, the palette command **Pin All Images to Digests** and `shipshape pin` ask the registry for the current digest and write it.',
    example: 'image: ghcr.io/acme/app:1.4.2',
    useInstead: 'image: ghcr.io/acme/app:1.4.2@sha256:…',
    fixSafety: 'none',
    equivalents: ['Checkov CKV_K8S_43'],
  },
  check({ model, report }) {
    for (const image of containerImages(model)) {
      // Untagged and latest images get a warning that asks for a version first.
      if (image.reference.digest || !image.reference.tag || image.reference.tag === 'latest') continue;
      report({ range: image.range, message: `${describe(image.container)} runs \`${image.text}\`, which is not pinned to a digest; add \`@sha256:…\` so the tag cannot move under it.` });
    }
  },
};
