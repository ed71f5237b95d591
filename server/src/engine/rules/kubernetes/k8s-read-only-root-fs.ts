import { nestedFirst } from '../../kubernetes/yaml-edits';
import type { KubernetesRule } from '../rule';
import { workspaceContainers } from '../xref/support/workspace-images';
import { containers, containerSecurityContext, describe, editorOf, emptyDirMounts, setting, viewOf } from './support/pods';

export const k8sReadOnlyRootFs: KubernetesRule = {
  meta: {
    id: 'k8s-read-only-root-fs',
    defaultSeverity: 'info',
    category: 'kubernetes',
    summary: 'A container\'s root file system is writable (`readOnlyRootFilesystem` is not true).',
    why: "With a writable root file system an attacker who gets code execution can drop tools, change the application's files or persist until the next restart. Read-only, the container can write only to the volumes it mounts, such as an emptyDir at /tmp.",
    example: 'containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2',
    useInstead: 'containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    securityContext:\n      readOnlyRootFilesystem: true\n    volumeMounts:\n      - name: tmp\n        mountPath: /tmp\nvolumes:\n  - name: tmp\n    emptyDir: {}',
    fixSafety: 'unsafe',
    equivalents: ['kube-linter no-read-only-root-fs', 'Polaris notReadOnlyRootFilesystem', 'Checkov CKV_K8S_22', 'kube-score container-security-context-readonlyrootfilesystem'],
  },
  check({ model, workspace, report }) {
    // With the workspace, the image's VOLUMEs and known write paths get their emptyDirs too.
    const images = new Map(workspaceContainers({ model, workspace }).map((image) => [image.container, image.profile]));
    for (const container of containers(model)) {
      // Ephemeral debugging containers are attached by hand, not shipped.
      if (container.list === 'ephemeralContainers') continue;
      const pod = container.pod;
      const current = setting(viewOf(pod), containerSecurityContext(container), 'readOnlyRootFilesystem');
      if (current?.value === true || (!current && pod.partial)) continue;
      const editor = editorOf(pod);
      const set = current ? editor.setValue(current.pair, 'true') : editor.addUnder(container.map, ['securityContext'], 'readOnlyRootFilesystem', 'true');
      const paths = [...new Set(['/tmp', ...(images.get(container)?.writePaths ?? []).map((fact) => fact.value.path)])];
      const mounts = emptyDirMounts(container, paths);
      report({
        range: current ? current.range : container.anchor,
        message: `${describe(container)} can write to its root file system; set \`readOnlyRootFilesystem: true\` and mount writable volumes where it must write.`,
        fixes:
          set && mounts !== undefined
            ? [{ title: `Make the root file system read-only, with ${paths.length === 1 ? 'an emptyDir at /tmp' : `emptyDirs at ${paths.join(', ')}`}`, edits: nestedFirst([set, ...(mounts ? [mounts.mounts, ...(mounts.volumes ? [mounts.volumes] : [])] : [])]), safety: 'unsafe', isPreferred: true }]
            : [],
      });
    }
  },
};
