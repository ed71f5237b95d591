/**
 * What Kubernetes' Pod Security admission allows, per minor version, as its own checks decide
 * (not the docs page, which lags): k8s.io/pod-security-admission/policy/check_*.go of
 * release-1.35, read 2026-11-23. Each versioned list says the minor its entries start at.
 * Sources:
 * - check_sysctls.go (1.0, 1.27, 1.29, 1.32), check_seLinuxOptions.go (1.0, 1.31),
 *   check_hostProbesAndhostLifecycle.go (1.34), check_procMount_baseline.go and
 *   check_runAsNonRoot.go / check_runAsUser.go (1.35: user-namespaced pods relaxed),
 *   check_capabilities_baseline.go, check_restrictedVolumes.go, check_seccompProfile_*.go,
 *   check_appArmorProfile.go, check_windowsHostProcess.go.
 */

/** The newest minor these checks describe: the default `kubernetes.version`. */
export const NEWEST_MINOR = 35;

interface Since {
  since: number;
  values: readonly string[];
}

function upTo(entries: readonly Since[], minor: number): Set<string> {
  return new Set(entries.filter((entry) => entry.since <= minor).flatMap((entry) => entry.values));
}

const SAFE_SYSCTLS: readonly Since[] = [
  { since: 0, values: ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'] },
  { since: 27, values: ['net.ipv4.ip_local_reserved_ports'] },
  { since: 29, values: ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'] },
  { since: 32, values: ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'] },
];

const SELINUX_TYPES: readonly Since[] = [
  { since: 0, values: ['', 'container_t', 'container_init_t', 'container_kvm_t'] },
  { since: 31, values: ['container_engine_t'] },
];

/** Sysctls a baseline pod may set. */
export function safeSysctls(minor: number): Set<string> {
  return upTo(SAFE_SYSCTLS, minor);
}

/** SELinux types a baseline pod may ask for ('' = unset). */
export function allowedSelinuxTypes(minor: number): Set<string> {
  return upTo(SELINUX_TYPES, minor);
}

/** From this minor the `host` of probes and lifecycle handlers must be empty. */
export const PROBE_HOST_SINCE = 34;

/**
 * From this minor a pod in its own user namespace (`hostUsers: false`) may run as uid 0 and,
 * at the baseline level, use an Unmasked procMount: root there is not root on the node.
 */
export const USER_NAMESPACE_RELAXED_SINCE = 35;

/**
 * From this minor seccomp is a field (`securityContext.seccompProfile`). Before it, Pod Security
 * reads only the alpha annotations at the baseline level (check_seccompProfile_baseline.go 1.0)
 * and the restricted level requires no profile (check_seccompProfile_restricted.go starts at 1.19).
 */
export const SECCOMP_FIELD_SINCE = 19;
/** The pre-1.19 seccomp annotations: one for the pod, one per container name. */
export const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
export const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';

/** An annotation value that confines (validSeccompAnnotationValue): the runtime's profile or a localhost one. */
export function isConfiningSeccompAnnotation(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

/** From this minor the restricted checks on capabilities, privilege escalation and seccomp skip Windows pods. */
export const WINDOWS_EXEMPT_SINCE = 25;

/** Capabilities a baseline container may add (the container runtime's defaults). */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

/** The one capability a restricted container may add. */
export const RESTRICTED_CAPABILITIES: ReadonlySet<string> = new Set(['NET_BIND_SERVICE']);

/** Volume sources a restricted pod may use. */
export const RESTRICTED_VOLUME_SOURCES: ReadonlySet<string> = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret']);

/** seccomp and AppArmor profile types that confine (anything else, i.e. Unconfined, does not). */
export const CONFINING_PROFILE_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);
