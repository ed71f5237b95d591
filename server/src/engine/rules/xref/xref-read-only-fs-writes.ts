import { nestedFirst } from '../../kubernetes/yaml-edits';
import type { KubernetesRule } from '../rule';
import { containerSecurityContext, describe, emptyDirMounts, mountCovers, quotedList, setting, viewOf } from '../kubernetes/support/pods';
import { imageOrigin, relatedAt, workspaceContainers } from './support/workspace-images';

export const xrefReadOnlyFsWrites: KubernetesRule = {
  meta: {
    id: 'xref-read-only-fs-writes',
    defaultSeverity: 'warning',
    category: 'xref',
    summary: '`readOnlyRootFilesystem: true` while the image writes to a VOLUME or a known path (/var/cache/nginx, /var/run…) that nothing writable is mounted at.',
    why: 'A read-only root file system is good hardening, but the program still has to write somewhere: the folders its Dockerfile declares as VOLUMEs and those its server writes by default (nginx\'s /var/cache/nginx and /var/run). Without a writable mount there it crashes at start ("mkdir() "/var/cache/nginx/client_temp" failed (30: Read-only file system)"). Kubernetes does not create the image\'s VOLUMEs: each needs a volume in the pod.',
    example: '# Dockerfile: FROM nginx:1.27 …\ncontainers:\n  - name: web\n    image: ghcr.io/acme/web:1.4.2\n    securityContext:\n      readOnlyRootFilesystem: true',
    useInstead: 'containers:\n  - name: web\n    image: ghcr.io/acme/web:1.4.2\n    securityContext:\n      readOnlyRootFilesystem: true\n    volumeMounts:\n      - {name: var-cache-nginx, mountPath: /var/cache/nginx}\n      - {name: var-run, mountPath: /var/run}\nvolumes:\n  - {name: var-cache-nginx, emptyDir: {}}\n  - {name: var-run, emptyDir: {}}',
    fixSafety: 'unsafe',
    equivalents: [],
  },
  check(context) {
    for (const container of workspaceContainers(context)) {
      const view = viewOf(container.container.pod);
      const readOnly = setting(view, containerSecurityContext(container.container), 'readOnlyRootFilesystem');
      if (readOnly?.value !== true) continue;
      const mounted = view.maps(view.seq(container.container.map, 'volumeMounts')).map((mount) => view.string(mount, 'mountPath') ?? '');
      const uncovered = (container.profile.writePaths ?? []).filter((fact) => !mounted.some((mount) => mountCovers(mount, fact.value.path)));
      if (uncovered.length === 0) continue;
      const paths = [...new Set(uncovered.map((fact) => fact.value.path))];
      const edits = emptyDirMounts(container.container, paths);
      context.report({
        range: readOnly.range,
        message: `${describe(container.container)} has a read-only root file system, but ${imageOrigin(container)} writes to ${quotedList(paths)}, where nothing writable is mounted: it fails when it writes there.`,
        related: uncovered.flatMap((fact) => relatedAt(container, fact.location, fact.value.reason === 'volume' ? `VOLUME ${fact.value.path}` : `\`${container.profile.baseImage ?? container.resolved.deployed}\` writes to ${fact.value.path}`)),
        fixes: edits ? [{ title: `Mount emptyDir volumes at ${paths.join(', ')}`, edits: nestedFirst([edits.mounts, ...(edits.volumes ? [edits.volumes] : [])]), safety: 'unsafe', isPreferred: true }] : [],
      });
    }
  },
};
