import { parseImageReference } from '../../images/reference';
import type { KubernetesRule } from '../rule';
import { describe } from '../kubernetes/support/pods';
import { relatedAt, workspaceContainers } from './support/workspace-images';

export const xrefMutableTagForLocalImage: KubernetesRule = {
  meta: {
    id: 'xref-mutable-tag-for-local-image',
    defaultSeverity: 'info',
    category: 'xref',
    summary: 'A manifest deploys an image built in this workspace by a mutable tag (`latest`, or none).',
    why: 'Every build of the workspace\'s own image overwrites `latest`. Nodes that pulled it at different times run different code under one name, `IfNotPresent` keeps a stale copy, and a rollback has nothing to roll back to. A tag per build (the commit, a version) or a digest makes each deploy name what it runs. Images whose tag a tool sets at deploy time (Skaffold, a Kustomize `newTag`) are left alone.',
    example: '# docker-compose.yml builds ghcr.io/acme/cart from src/cart\ncontainers:\n  - name: cart\n    image: ghcr.io/acme/cart:latest',
    useInstead: 'containers:\n  - name: cart\n    image: ghcr.io/acme/cart:1.4.2',
    fixSafety: 'none',
    equivalents: [],
  },
  check(context) {
    for (const container of workspaceContainers(context)) {
      const { resolved } = container;
      const link = resolved.link;
      // Skaffold replaces the image with the tag it just built, and a Kustomize newTag or digest sets one.
      if (!link || resolved.links.some((candidate) => candidate.source === 'skaffold')) continue;
      if (resolved.rewrites.some((rewrite) => rewrite.digest || (rewrite.newTag && rewrite.newTag !== 'latest'))) continue;
      const deployed = parseImageReference(resolved.deployed);
      if (deployed.digest || (deployed.tag !== undefined && deployed.tag !== 'latest')) continue;
      const dockerfile = `\`${link.dockerfile}\``;
      const how = link.source === 'name-match' ? `${dockerfile} (linked by its name only: no build definition says so)` : `${dockerfile} (${link.source === 'setting' ? 'says the image mapping setting' : link.location ? `says \`${link.location.file}\`` : link.source})`;
      context.report({
        range: container.range,
        message: `${describe(container.container)} deploys \`${resolved.deployed}\`, an image built in this workspace from ${how}, by ${deployed.tag ? 'the mutable tag `latest`' : 'no tag (so `latest`)'}: each build replaces it. Deploy a tag per build or a digest.`,
        related: link.location ? relatedAt(container, link.location, 'built here') : relatedAt(container, container.profile.from, 'built from this Dockerfile'),
      });
    }
  },
};
