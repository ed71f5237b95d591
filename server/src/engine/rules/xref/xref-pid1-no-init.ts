import type { KubernetesRule } from '../rule';
import { describe, viewOf } from '../kubernetes/support/pods';
import { imageOrigin, relatedAt, workspaceContainers } from './support/workspace-images';

export const xrefPid1NoInit: KubernetesRule = {
  meta: {
    id: 'xref-pid1-no-init',
    defaultSeverity: 'info',
    category: 'xref',
    summary: 'The image runs a shell script or a process manager as PID 1 without tini or dumb-init, and the pod does not share its process namespace.',
    why: 'PID 1 gets no default signal handlers and must reap orphaned children. A shell that stays PID 1 does not pass SIGTERM on, so Kubernetes waits out `terminationGracePeriodSeconds` and kills the app mid-request; zombies pile up. A minimal init (tini, dumb-init) as the ENTRYPOINT, or `shareProcessNamespace: true` (the pause container becomes PID 1 and reaps), fixes it.',
    example: '# Dockerfile: ENTRYPOINT ["/docker-entrypoint.sh"], which ends with `node server.js`\ncontainers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2',
    useInstead: '# Dockerfile: ENTRYPOINT ["tini", "--", "/docker-entrypoint.sh"], or end the script with `exec node server.js`\ncontainers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2',
    fixSafety: 'none',
    equivalents: [],
  },
  check(context) {
    for (const container of workspaceContainers(context)) {
      const pid1 = container.profile.pid1;
      if (!pid1 || (pid1.value.kind !== 'shell-script' && pid1.value.kind !== 'process-manager')) continue;
      const { map, pod } = container.container;
      const view = viewOf(pod);
      // `command` replaces the ENTRYPOINT and `args` the CMD: what the image would start does not run.
      if (view.pair(map, 'command') || (pid1.value.source === 'CMD' && view.pair(map, 'args'))) continue;
      if (view.isTrue(pod.spec, 'shareProcessNamespace')) continue;
      const what = pid1.value.kind === 'shell-script' ? `the shell of \`${pid1.value.program}\`` : `the process manager \`${pid1.value.program}\``;
      context.report({
        range: container.range,
        message: `${describe(container.container)} runs ${what} as PID 1 (${imageOrigin(container)}), without tini or dumb-init: SIGTERM is not passed on and zombies are not reaped. Start it through an init, or set \`shareProcessNamespace: true\` on the pod.`,
        related: relatedAt(container, pid1.location, pid1.value.kind === 'shell-script' ? 'the shell stays PID 1 here' : `\`${pid1.value.program}\` is PID 1`),
      });
    }
  },
};
