import type { KubernetesRule } from '../rule';
import { xrefRunAsNonRootVsImageUser } from './xref-run-as-non-root-vs-image-user';
import { xrefShellInShellLessImage } from './xref-shell-in-shell-less-image';

/** The cross-file rules, in the order of the catalog: they read manifests and the workspace's Dockerfiles together. */
export const xrefRules: readonly KubernetesRule[] = [
  xrefShellInShellLessImage,
  xrefRunAsNonRootVsImageUser,
];
