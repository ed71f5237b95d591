import { POSIX_SHELLS } from '../../dockerfile/shell-wrapper';
import type { KubernetesRule } from '../rule';
import { describe, LIFECYCLE_HOOKS, PROBES, viewOf } from '../kubernetes/support/pods';
import { imageOrigin, relatedAt, stringItems, workspaceContainers, type WorkspaceContainer } from './support/workspace-images';

interface ShellCall {
  value: string;
  range: WorkspaceContainer['range'];
  /** What runs it, for the message: `command`, `the readinessProbe`. */
  where: string;
  consequence: string;
}

function isShell(word: string): boolean {
  return POSIX_SHELLS.has(word.split('/').pop() ?? '');
}

/** The places a container starts a program by name: its command (or args run as the command), exec probes and hooks. */
function shellCalls(container: WorkspaceContainer): ShellCall[] {
  const { map } = container.container;
  const view = viewOf(container.container.pod);
  const calls: ShellCall[] = [];
  const command = stringItems(container.container, map, 'command');
  const args = stringItems(container.container, map, 'args');
  // `args` without `command` go to the image's ENTRYPOINT; only with none do they start a program themselves.
  const started = command ?? (container.profile.entrypoint?.value.length === 0 ? args : undefined);
  if (started?.[0] && isShell(started[0].value)) calls.push({ ...started[0], where: command ? '`command`' : '`args` (the image has no ENTRYPOINT)', consequence: 'the container cannot start' });
  for (const probe of PROBES) {
    const exec = stringItems(container.container, view.map(view.map(map, probe), 'exec'), 'command');
    if (exec?.[0] && isShell(exec[0].value)) calls.push({ ...exec[0], where: `the ${probe}`, consequence: 'the probe fails every time' });
  }
  for (const hook of LIFECYCLE_HOOKS) {
    const exec = stringItems(container.container, view.map(view.map(view.map(map, 'lifecycle'), hook), 'exec'), 'command');
    if (exec?.[0] && isShell(exec[0].value)) calls.push({ ...exec[0], where: `the ${hook} hook`, consequence: 'the hook fails' });
  }
  return calls;
}

export const xrefShellInShellLessImage: KubernetesRule = {
  meta: {
    id: 'xref-shell-in-shell-less-image',
    defaultSeverity: 'error',
    category: 'xref',
    summary: 'A container\'s `command`, `args`, exec probe or lifecycle hook runs `sh` or `bash`, but its image has no shell.',
    why: 'Distroless, scratch-based and Chainguard production images ship no `/bin/sh`. A `command: ["sh", "-c", …]` against such an image fails at start with `exec: "sh": executable file not found in $PATH`; an exec probe that runs a shell fails every time, so the pod is never ready or restarted in a loop. Each file looks fine on its own: only the Dockerfile says the shell is missing.',
    example: '# Dockerfile: FROM gcr.io/distroless/static-debian12 … ENTRYPOINT ["/server"]\ncontainers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    readinessProbe:\n      exec:\n        command: ["sh", "-c", "wget -qO- localhost:8080/healthz"]',
    useInstead: 'containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    readinessProbe:\n      httpGet: {path: /healthz, port: 8080}',
    fixSafety: 'none',
    equivalents: [],
  },
  check(context) {
    for (const container of workspaceContainers(context)) {
      const shell = container.profile.hasShell;
      if (shell?.value !== false) continue;
      const base = container.profile.baseImage ?? container.resolved.deployed;
      for (const call of shellCalls(container)) {
        context.report({
          range: call.range,
          message: `${describe(container.container)} runs \`${call.value}\` in ${call.where}, but ${imageOrigin(container)} has no shell (${base === container.resolved.deployed ? 'none ships in it' : `it runs on \`${base}\``}): ${call.consequence}.`,
          related: relatedAt(container, shell.location, `\`${base}\` has no shell`),
        });
      }
    }
  },
};
