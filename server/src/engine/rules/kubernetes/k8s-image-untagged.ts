import type { KubernetesRule } from '../rule';
import { containerImages } from './support/images';
import { describe } from './support/pods';

export const k8sImageUntagged: KubernetesRule = {
  meta: {
    id: 'k8s-image-untagged',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'A container image has neither a tag nor a digest.',
    why: 'An image without a tag is `:latest`: each node pulls whatever was pushed last, so replicas of one Deployment can run different code and a rollback cannot go back to what ran before.',
    example: 'image: ghcr.io/acme/app',
    useInstead: 'image: ghcr.io/acme/app:1.4.2@sha256:…',
    fixSafety: 'none',
    equivalents: ['kube-linter latest-tag', 'Polaris tagNotSpecified', 'Checkov CKV_K8S_14', 'kube-score container-image-tag'],
  },
  check({ model, report }) {
    for (const image of containerImages(model)) {
      if (image.reference.tag || image.reference.digest) continue;
      report({ range: image.range, message: `${describe(image.container)} runs \`${image.text}\` without a tag: it is \`latest\`, whatever was pushed last. Name a version (and pin its digest).` });
    }
  },
};
