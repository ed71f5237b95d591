import type { DockerfileRule } from '../rule';

export const imageUntagged: DockerfileRule = {
  meta: {
    id: 'image-untagged',
    defaultSeverity: 'warning',
    category: 'base-image',
    summary: 'FROM names an image without a tag or digest.',
    why: 'An image without a tag means `latest`: whatever the publisher pushed last. Builds stop being reproducible and a new major version can arrive unannounced.',
    example: 'FROM python',
    useInstead: 'FROM python:3.13-slim',
    fixSafety: 'none',
    equivalents: ['hadolint DL3006', 'Trivy DS-0001'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const { reference, stage: parent, isScratch } = stage.base;
      if (parent || isScratch || !reference || reference.tag || reference.digest) continue;
      report({
        range: stage.base.writtenRange,
        message: `Base image \`${stage.base.resolved}\` has no tag, so it means \`latest\`; name a version tag.`,
      });
    }
  },
};
