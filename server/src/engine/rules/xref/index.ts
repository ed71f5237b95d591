import type { KubernetesRule } from '../rule';
import { xrefMutableTagForLocalImage } from './xref-mutable-tag-for-local-image';
import { xrefPid1NoInit } from './xref-pid1-no-init';
import { xrefPortMismatch } from './xref-port-mismatch';
import { xrefReadOnlyFsWrites } from './xref-read-only-fs-writes';
import { xrefRunAsNonRootVsImageUser } from './xref-run-as-non-root-vs-image-user';
import { xrefShellInShellLessImage } from './xref-shell-in-shell-less-image';

/** The cross-file rules, in the order of the catalog: they read manifests and the workspace's Dockerfiles together. */
export const xrefRules: readonly KubernetesRule[] = [
  xrefShellInShellLessImage,
  xrefRunAsNonRootVsImageUser,
  xrefPortMismatch,
  xrefReadOnlyFsWrites,
  xrefPid1NoInit,
  xrefMutableTagForLocalImage,
];
