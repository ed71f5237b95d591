import type { TextEdit } from '../../types';
import type { Container } from '../../kubernetes/model';
import type { KubernetesRule } from '../rule';
import { containers, containerSecurityContext, describe, editorOf, setting, viewOf } from './support/pods';

/**
 * The edits that give a container a writable /tmp backed by an emptyDir (most programs write
 * temporary files there), unless it mounts something at /tmp already.
 */
function writableTmp(container: Container): TextEdit[] | undefined {
  const pod = container.pod;
  const view = viewOf(pod);
  const editor = editorOf(pod);
  const mounts = view.seq(container.map, 'volumeMounts');
  if (view.maps(mounts).some((mount) => view.string(mount, 'mountPath')?.replace(/\/+$/, '') === '/tmp')) return [];
  const volumes = view.seq(pod.spec, 'volumes');
  const existing = view.maps(volumes).find((volume) => view.string(volume, 'name') === 'tmp');
  // A volume already called `tmp` that is not an emptyDir is someone else's: leave it to the user.
  if (existing && !view.pair(existing, 'emptyDir')) return undefined;
  const mount = { name: 'tmp', mountPath: '/tmp' };
  const mountEdit = mounts && mounts.items.length > 0 ? editor.appendItem(mounts, mount) : view.pair(container.map, 'volumeMounts') ? undefined : editor.add(container.map, 'volumeMounts', [mount]);
  if (!mountEdit) return undefined;
  if (existing) return [mountEdit];
  const volume = { name: 'tmp', emptyDir: {} };
  const volumeEdit = volumes && volumes.items.length > 0 ? editor.appendItem(volumes, volume) : view.pair(pod.spec, 'volumes') ? undefined : editor.add(pod.spec, 'volumes', [volume]);
  return volumeEdit ? [mountEdit, volumeEdit] : undefined;
}

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
  check({ model, report }) {
    for (const container of containers(model)) {
      // Ephemeral debugging containers are attached by hand, not shipped.
      if (container.list === 'ephemeralContainers') continue;
      const pod = container.pod;
      const current = setting(viewOf(pod), containerSecurityContext(container), 'readOnlyRootFilesystem');
      if (current?.value === true || (!current && pod.partial)) continue;
      const editor = editorOf(pod);
      const set = current ? editor.setValue(current.pair, 'true') : editor.addUnder(container.map, ['securityContext'], 'readOnlyRootFilesystem', 'true');
      const tmp = writableTmp(container);
      report({
        range: current ? current.range : container.anchor,
        message: `${describe(container)} can write to its root file system; set \`readOnlyRootFilesystem: true\` and mount writable volumes where it must write.`,
        fixes: set && tmp ? [{ title: 'Make the root file system read-only, with an emptyDir at /tmp', edits: [set, ...tmp], safety: 'unsafe', isPreferred: true }] : [],
      });
    }
  },
};
