import { isScalar, type YAMLMap } from 'yaml';
import { allowedSelinuxTypes, CONFINING_PROFILE_TYPES, isConfiningSeccompAnnotation, PROBE_HOST_SINCE, safeSysctls, SECCOMP_CONTAINER_ANNOTATION, SECCOMP_FIELD_SINCE, SECCOMP_POD_ANNOTATION, USER_NAMESPACE_RELAXED_SINCE } from '../../kubernetes/data/pod-security';
import type { Container, PodSpec } from '../../kubernetes/model';
import type { Range } from '../../types';
import type { KubernetesRule, KubernetesRuleContext } from '../rule';
import { containerSecurityContext, describe, isUserNamespaced, LIFECYCLE_HOOKS, podSecurityContext, pods, PROBES, setting, viewOf } from './support/pods';

type Report = (range: Range, message: string) => void;

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

export const k8sBaselineOther: KubernetesRule = {
  meta: {
    id: 'k8s-baseline-other',
    defaultSeverity: 'error',
    category: 'kubernetes',
    summary: 'The pod breaks another baseline Pod Security control: unconfined seccomp or AppArmor, custom SELinux options, unmasked /proc, unsafe sysctls, probe or hook `host`, Windows hostProcess.',
    why: 'Each of these switches off a protection every container gets by default, or reaches past the pod: an unconfined profile allows every system call, a custom SELinux type or an unmasked /proc exposes the node, an unsafe sysctl changes the kernel for every pod on the node, a probe `host` makes the kubelet connect anywhere, a hostProcess container runs on the Windows node itself. Clusters enforcing the baseline level reject such pods; which sysctls and SELinux types pass depends on the Kubernetes version (`shipshape.kubernetes.version`), and before 1.19 the seccomp profile is read from the `seccomp.security.alpha.kubernetes.io/pod` and `container.seccomp.security.alpha.kubernetes.io/<name>` annotations instead of the field.',
    example: 'spec:\n  securityContext:\n    seccompProfile: {type: Unconfined}\n    sysctls:\n      - {name: kernel.msgmax, value: "65536"}',
    useInstead: 'spec:\n  securityContext:\n    seccompProfile: {type: RuntimeDefault}',
    fixSafety: 'none',
    equivalents: ['PSS baseline', 'kube-linter unsafe-sysctls', 'kube-linter unsafe-proc-mount'],
  },
  check(context) {
    for (const pod of pods(context.model)) {
      const view = viewOf(pod);
      const report: Report = (range, message) => context.report({ range, message });
      const podContext = podSecurityContext(pod);
      checkSecurityContext(pod, podContext, 'The pod', context, report);
      for (const sysctl of view.maps(view.seq(podContext, 'sysctls'))) {
        const name = setting(view, sysctl, 'name');
        if (typeof name?.value === 'string' && !safeSysctls(context.kubernetes.minor).has(name.value)) {
          report(name.range, `Sysctl \`${name.value}\` is not namespaced safely in Kubernetes 1.${context.kubernetes.minor}: it changes the kernel for every pod on the node.`);
        }
      }
      const annotations = view.map(pod.metadata, 'annotations');
      for (const pair of view.entries(annotations)) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const value = view.string(annotations, key);
        if (key.startsWith(APPARMOR_ANNOTATION) && value !== undefined && value !== '' && value !== 'runtime/default' && !value.startsWith('localhost/')) {
          report(view.valueRange(pair), `AppArmor profile \`${value}\` leaves container \`${key.slice(APPARMOR_ANNOTATION.length)}\` unconfined; use \`runtime/default\` or a \`localhost/\` profile.`);
        }
        // Before 1.19 seccomp is set by annotations: the pod's, and one per container that exists.
        const seccompTarget = key === SECCOMP_POD_ANNOTATION ? 'the pod' : key.startsWith(SECCOMP_CONTAINER_ANNOTATION) && pod.containers.some((container) => container.name === key.slice(SECCOMP_CONTAINER_ANNOTATION.length)) ? `container \`${key.slice(SECCOMP_CONTAINER_ANNOTATION.length)}\`` : undefined;
        if (context.kubernetes.minor < SECCOMP_FIELD_SINCE && seccompTarget && value !== undefined && !isConfiningSeccompAnnotation(value)) {
          report(view.valueRange(pair), `Seccomp profile \`${value}\` leaves ${seccompTarget} unconfined in Kubernetes 1.${context.kubernetes.minor}; use \`runtime/default\` or a \`localhost/\` profile.`);
        }
      }
      for (const container of pod.containers) {
        checkSecurityContext(pod, containerSecurityContext(container), describe(container), context, report);
        checkProcMount(pod, container, context, report);
        if (context.kubernetes.minor >= PROBE_HOST_SINCE) checkHosts(container, report);
      }
    }
  },
};

/** seccomp, AppArmor, SELinux and Windows hostProcess: the same keys on the pod and on each container. */
function checkSecurityContext(pod: PodSpec, securityContext: YAMLMap | undefined, who: string, context: KubernetesRuleContext, report: Report): void {
  const view = viewOf(pod);
  // Kubernetes before 1.19 has no seccompProfile field: the annotations above say it.
  for (const key of context.kubernetes.minor >= SECCOMP_FIELD_SINCE ? ['seccompProfile', 'appArmorProfile'] : ['appArmorProfile']) {
    const type = setting(view, view.map(securityContext, key), 'type');
    if (typeof type?.value === 'string' && !CONFINING_PROFILE_TYPES.has(type.value)) {
      report(type.range, `${who} sets ${key === 'seccompProfile' ? 'seccomp' : 'AppArmor'} profile \`${type.value}\`; use \`RuntimeDefault\` or \`Localhost\`.`);
    }
  }
  const selinux = view.map(securityContext, 'seLinuxOptions');
  const type = setting(view, selinux, 'type');
  if (typeof type?.value === 'string' && !allowedSelinuxTypes(context.kubernetes.minor).has(type.value)) {
    report(type.range, `${who} asks for SELinux type \`${type.value}\`; Kubernetes 1.${context.kubernetes.minor} allows only the container types (container_t, container_init_t, container_kvm_t${context.kubernetes.minor >= 31 ? ', container_engine_t' : ''}).`);
  }
  for (const key of ['user', 'role']) {
    const value = setting(view, selinux, key);
    if (value && value.value !== '' && value.value !== null) report(value.range, `${who} sets a custom SELinux ${key}; the baseline level forbids it.`);
  }
  const hostProcess = setting(view, view.map(securityContext, 'windowsOptions'), 'hostProcess');
  if (hostProcess?.value === true) report(view.range(hostProcess.pair), `${who} runs as a Windows hostProcess: on the node itself, outside any container.`);
}

function checkProcMount(pod: PodSpec, container: Container, context: KubernetesRuleContext, report: Report): void {
  const procMount = setting(viewOf(pod), containerSecurityContext(container), 'procMount');
  if (!procMount || procMount.value === 'Default' || procMount.value === null) return;
  // Since 1.35 the baseline level lets a pod in its own user namespace unmask /proc.
  if (context.kubernetes.profile === 'baseline' && context.kubernetes.minor >= USER_NAMESPACE_RELAXED_SINCE && isUserNamespaced(pod)) return;
  report(procMount.range, `${describe(container)} mounts /proc \`${String(procMount.value)}\`, exposing the node's kernel interfaces; leave procMount at \`Default\`.`);
}

function checkHosts(container: Container, report: Report): void {
  const view = viewOf(container.pod);
  const handlers = [
    ...PROBES.map((probe) => ({ name: probe, map: view.map(container.map, probe) })),
    ...LIFECYCLE_HOOKS.map((hook) => ({ name: `${hook} hook`, map: view.map(view.map(container.map, 'lifecycle'), hook) })),
  ];
  for (const handler of handlers) {
    for (const action of ['httpGet', 'tcpSocket']) {
      const host = setting(view, view.map(handler.map, action), 'host');
      if (host && host.value !== '' && host.value !== null) {
        report(host.range, `${describe(container)}'s ${handler.name} connects to host \`${String(host.value)}\`: the kubelet would reach out from the node; leave \`host\` unset (the pod's IP).`);
      }
    }
  }
}
