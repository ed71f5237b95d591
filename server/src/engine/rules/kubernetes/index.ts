import type { KubernetesRule } from '../rule';
import { k8sAllowPrivilegeEscalation } from './k8s-allow-privilege-escalation';
import { k8sBaselineOther } from './k8s-baseline-other';
import { k8sCapabilitiesAdded } from './k8s-capabilities-added';
import { k8sCapabilitiesNotDropped } from './k8s-capabilities-not-dropped';
import { k8sDeprecatedApi } from './k8s-deprecated-api';
import { k8sDuplicateEnv } from './k8s-duplicate-env';
import { k8sHostNamespaces } from './k8s-host-namespaces';
import { k8sHostPath } from './k8s-host-path';
import { k8sHostPort } from './k8s-host-port';
import { k8sImageLatestTag } from './k8s-image-latest-tag';
import { k8sImageNotPinnedByDigest } from './k8s-image-not-pinned-by-digest';
import { k8sImageUntagged } from './k8s-image-untagged';
import { k8sPrivileged } from './k8s-privileged';
import { k8sProbePortUndeclared } from './k8s-probe-port-undeclared';
import { k8sProbesMissing } from './k8s-probes-missing';
import { k8sReadOnlyRootFs } from './k8s-read-only-root-fs';
import { k8sResourcesMissing } from './k8s-resources-missing';
import { k8sRestrictedVolumeType } from './k8s-restricted-volume-type';
import { k8sRunAsNonRoot } from './k8s-run-as-non-root';
import { k8sSeccompMissing } from './k8s-seccomp-missing';
import { k8sSecretInEnv } from './k8s-secret-in-env';
import { k8sSelectorMismatch } from './k8s-selector-mismatch';
import { k8sServiceAccountToken } from './k8s-service-account-token';

/** In the order of the catalog: Pod Security baseline, restricted, then the rest. */
export const kubernetesRules: readonly KubernetesRule[] = [
  k8sPrivileged,
  k8sHostNamespaces,
  k8sHostPath,
  k8sHostPort,
  k8sCapabilitiesAdded,
  k8sBaselineOther,
  k8sAllowPrivilegeEscalation,
  k8sRunAsNonRoot,
  k8sSeccompMissing,
  k8sCapabilitiesNotDropped,
  k8sRestrictedVolumeType,
  k8sReadOnlyRootFs,
  k8sImageUntagged,
  k8sImageLatestTag,
  k8sImageNotPinnedByDigest,
  k8sResourcesMissing,
  k8sProbesMissing,
  k8sProbePortUndeclared,
  k8sServiceAccountToken,
  k8sSecretInEnv,
  k8sDuplicateEnv,
  k8sSelectorMismatch,
  k8sDeprecatedApi,
];
