import type { DockerfileRule } from '../rule';

export const imageLatestTag: DockerfileRule = {
  meta: {
    id: 'image-latest-tag',
    defaultSeverity: 'warning',
    category: 'base-image',
    summary: 'FROM uses the `latest` tag.',
    why: '`latest` moves whenever the publisher pushes: two builds of the same Dockerfile get different bases, a rebuild can pull in a new major version, and nobody can tell later which base an image was built on.',
    example: 'FROM node:latest',
    useInstead: 'FROM node:22-slim\n# or, pinned for reproducible builds:\nFROM node:22-slim@sha256:…',
    fixSafety: 'none',
    equivalents: ['hadolint DL3007', 'Checkov CKV_DOCKER_7'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const { reference, stage: parent } = stage.base;
      if (parent || !reference || reference.tag !== 'latest' || reference.digest) continue;
      const range = stage.from.getImageTagRange();
      const writtenTag = stage.from.getImageTag();
      report({
        // When the tag comes from an ARG the variable is the thing to change.
        range: range && writtenTag === 'latest' ? range : stage.base.writtenRange,
        message: `Base image \`${stage.base.resolved}\` uses the mutable \`latest\` tag; name a version tag (and pin its digest).`,
      });
    }
  },
};
