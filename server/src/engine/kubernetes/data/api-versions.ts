/**
 * API versions Kubernetes deprecated and removed, from the Deprecated API Migration Guide
 * (kubernetes.io/docs/reference/using-api/deprecation-guide/, read 2026-11-23) and the release
 * notes it links. `mechanical` marks the moves the guide lists with no notable changes, where
 * replacing the apiVersion is the whole migration.
 */
export interface RetiredApi {
  apiVersion: string;
  kinds: readonly string[];
  /** Minor that deprecated it; undefined when that predates the versions anyone still runs. */
  deprecatedIn?: number;
  removedIn: number;
  /** What to use instead; undefined when nothing replaces it. */
  replacement?: string;
  mechanical: boolean;
}

const WORKLOADS = ['Deployment', 'DaemonSet', 'ReplicaSet'];

export const RETIRED_APIS: readonly RetiredApi[] = [
  { apiVersion: 'extensions/v1beta1', kinds: WORKLOADS, removedIn: 16, replacement: 'apps/v1', mechanical: false },
  { apiVersion: 'apps/v1beta1', kinds: [...WORKLOADS, 'StatefulSet'], removedIn: 16, replacement: 'apps/v1', mechanical: false },
  { apiVersion: 'apps/v1beta2', kinds: [...WORKLOADS, 'StatefulSet'], removedIn: 16, replacement: 'apps/v1', mechanical: false },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], removedIn: 16, replacement: 'networking.k8s.io/v1', mechanical: true },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], removedIn: 16, replacement: 'policy/v1beta1', mechanical: true },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress'], deprecatedIn: 14, removedIn: 22, replacement: 'networking.k8s.io/v1', mechanical: false },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress'], deprecatedIn: 19, removedIn: 22, replacement: 'networking.k8s.io/v1', mechanical: false },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['IngressClass'], deprecatedIn: 19, removedIn: 22, replacement: 'networking.k8s.io/v1', mechanical: true },
  { apiVersion: 'admissionregistration.k8s.io/v1beta1', kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], deprecatedIn: 16, removedIn: 22, replacement: 'admissionregistration.k8s.io/v1', mechanical: false },
  { apiVersion: 'apiextensions.k8s.io/v1beta1', kinds: ['CustomResourceDefinition'], deprecatedIn: 16, removedIn: 22, replacement: 'apiextensions.k8s.io/v1', mechanical: false },
  { apiVersion: 'apiregistration.k8s.io/v1beta1', kinds: ['APIService'], deprecatedIn: 19, removedIn: 22, replacement: 'apiregistration.k8s.io/v1', mechanical: true },
  { apiVersion: 'authentication.k8s.io/v1beta1', kinds: ['TokenReview'], deprecatedIn: 19, removedIn: 22, replacement: 'authentication.k8s.io/v1', mechanical: true },
  { apiVersion: 'authorization.k8s.io/v1beta1', kinds: ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview'], deprecatedIn: 19, removedIn: 22, replacement: 'authorization.k8s.io/v1', mechanical: false },
  { apiVersion: 'certificates.k8s.io/v1beta1', kinds: ['CertificateSigningRequest'], deprecatedIn: 19, removedIn: 22, replacement: 'certificates.k8s.io/v1', mechanical: false },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], deprecatedIn: 19, removedIn: 22, replacement: 'coordination.k8s.io/v1', mechanical: true },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], deprecatedIn: 17, removedIn: 22, replacement: 'rbac.authorization.k8s.io/v1', mechanical: true },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], deprecatedIn: 14, removedIn: 22, replacement: 'scheduling.k8s.io/v1', mechanical: true },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], deprecatedIn: 19, removedIn: 22, replacement: 'storage.k8s.io/v1', mechanical: true },
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecatedIn: 21, removedIn: 25, replacement: 'batch/v1', mechanical: true },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], deprecatedIn: 21, removedIn: 25, replacement: 'discovery.k8s.io/v1', mechanical: false },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], deprecatedIn: 21, removedIn: 25, replacement: 'events.k8s.io/v1', mechanical: false },
  { apiVersion: 'autoscaling/v2beta1', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: 23, removedIn: 25, replacement: 'autoscaling/v2', mechanical: false },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], deprecatedIn: 21, removedIn: 25, replacement: 'policy/v1', mechanical: false },
  { apiVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], deprecatedIn: 21, removedIn: 25, mechanical: false },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], deprecatedIn: 20, removedIn: 25, replacement: 'node.k8s.io/v1', mechanical: true },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], deprecatedIn: 23, removedIn: 26, replacement: 'autoscaling/v2', mechanical: false },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: 23, removedIn: 26, replacement: 'flowcontrol.apiserver.k8s.io/v1', mechanical: false },
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], deprecatedIn: 24, removedIn: 27, replacement: 'storage.k8s.io/v1', mechanical: true },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: 26, removedIn: 29, replacement: 'flowcontrol.apiserver.k8s.io/v1', mechanical: false },
  { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', kinds: ['FlowSchema', 'PriorityLevelConfiguration'], deprecatedIn: 29, removedIn: 32, replacement: 'flowcontrol.apiserver.k8s.io/v1', mechanical: false },
];

export function retiredApi(apiVersion: string, kind: string): RetiredApi | undefined {
  return RETIRED_APIS.find((entry) => entry.apiVersion === apiVersion && entry.kinds.includes(kind));
}
