import type { KubernetesRule } from '../rule';
import { containerImages } from './support/images';
import { describe } from './support/pods';

export const k8sImageLatestTag: KubernetesRule = {
  meta: {
    id: 'k8s-image-latest-tag',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'A container image uses the `latest` tag.',
    why: '`latest` moves with every push: nodes pull different images for the same manifest, a restart can bring in a new major version, and nobody can tell later what ran. Kubernetes also pulls `latest` on every start (imagePullPolicy Always).',
    example: 'image: ghcr.io/acme/app:latest',
    useInstead: 'image: ghcr.io/acme/app:1.4.2@sha256:…',
    fixSafety: 'none',
    equivalents: ['kube-linter latest-tag', 'Polaris tagNotSpecified', 'Checkov CKV_K8S_14', 'kube-score container-image-tag'],
  },
  check({ model, report }) {
    for (const image of containerImages(model)) {
      if (image.reference.tag !== 'latest' || image.reference.digest) continue;
      report({ range: image.range, message: `${describe(image.container)} runs \`${image.text}\`: \`latest\` changes with every push. Name a version (and pin its digest).` });
    }
  },
};
