import { isScalar } from 'yaml';
import { RESTRICTED_VOLUME_SOURCES } from '../../kubernetes/data/pod-security';
import type { KubernetesRule } from '../rule';
import { pods, viewOf } from './support/pods';

export const k8sRestrictedVolumeType: KubernetesRule = {
  meta: {
    id: 'k8s-restricted-volume-type',
    defaultSeverity: 'warning',
    category: 'kubernetes',
    summary: 'A volume type outside the restricted Pod Security allow-list (e.g. nfs, iscsi, gitRepo, cephfs).',
    why: 'Volume plugins such as nfs, iscsi, rbd or gitRepo are mounted by the node with its own credentials and tools, and some (gitRepo) run commands on the node. The restricted level allows only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret: storage comes through a PersistentVolumeClaim, set up by the cluster admin.',
    example: 'volumes:\n  - name: data\n    nfs:\n      server: nfs.example.com\n      path: /exports/data',
    useInstead: 'volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data',
    fixSafety: 'none',
    equivalents: ['PSS restricted'],
  },
  restrictedOnly: true,
  check({ model, report }) {
    for (const pod of pods(model)) {
      const view = viewOf(pod);
      for (const volume of view.maps(view.seq(pod.spec, 'volumes'))) {
        for (const pair of view.entries(volume)) {
          const type = isScalar(pair.key) ? String(pair.key.value) : '';
          // hostPath is k8s-host-path's finding, at every level.
          if (type === 'name' || type === 'hostPath' || RESTRICTED_VOLUME_SOURCES.has(type) || pair.value === null) continue;
          const name = view.string(volume, 'name');
          report({ range: view.keyRange(pair), message: `Volume ${name ? `\`${name}\` ` : ''}uses \`${type}\`, which the restricted Pod Security level does not allow; use a PersistentVolumeClaim.` });
        }
      }
    }
  },
};
