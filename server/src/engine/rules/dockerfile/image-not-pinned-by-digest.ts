import { rootBase } from '../../dockerfile/model';
import type { DockerfileRule } from '../rule';

export const imageNotPinnedByDigest: DockerfileRule = {
  meta: {
    id: 'image-not-pinned-by-digest',
    defaultSeverity: 'info',
    category: 'base-image',
    summary: 'The shipped stage\'s base image is not pinned to a digest.',
    why: 'A tag is a pointer the publisher (or an attacker with push rights) can move. Pinning the digest makes the build reproducible and makes every base change a reviewed diff; keep the tag next to it for readers and let a bot such as Renovate or Dependabot update both. The **Pin to digest** quick fix, the palette command **Pin All Images to Digests** and `shipshape pin` ask the registry for the current digest and write it.',
    example: 'FROM node:22-slim',
    useInstead: 'FROM node:22-slim@sha256:…',
    fixSafety: 'none',
    equivalents: ['Semgrep docker-image-not-pinned', 'Docker Scout'],
  },
  check({ model, report }) {
    const shipped = model.shippedStage;
    if (!shipped) return;
    let stage = shipped;
    while (stage.base.stage) stage = stage.base.stage;
    const base = rootBase(shipped);
    if (base.isScratch || !base.reference || base.reference.digest) return;
    // Untagged and latest images already get a warning that asks for a tag first.
    if (!base.reference.tag || base.reference.tag === 'latest') return;
    report({
      range: base.writtenRange,
      message: `\`${base.resolved}\` is not pinned to a digest; add \`@sha256:…\` so the shipped base cannot change under the same tag.`,
      related: stage === shipped ? undefined : [{ range: shipped.base.writtenRange, message: 'the shipped stage builds on this one' }],
    });
  },
};
