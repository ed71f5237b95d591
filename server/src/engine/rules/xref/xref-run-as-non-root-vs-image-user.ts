import type { Fix } from '../../types';
import type { KubernetesRule } from '../rule';
import { containerSecurityContext, describe, editorOf, isUserNamespaced, isWindows, setting, viewOf } from '../kubernetes/support/pods';
import { editOf, effectiveSetting, imageOrigin, relatedAt, workspaceContainers, type WorkspaceContainer } from './support/workspace-images';

/** `runAsUser: <uid>` beside the container's own security settings. */
function runAsUserFix(container: WorkspaceContainer, uid: number, why: string, isPreferred: boolean): Fix[] {
  const edit = editorOf(container.container.pod).addUnder(container.container.map, ['securityContext'], 'runAsUser', String(uid));
  return edit ? [{ title: `Add \`runAsUser: ${uid}\` (${why})`, edits: [edit], safety: 'unsafe', isPreferred }] : [];
}

/**
 * USER <name> → USER <uid> in the Dockerfile, the group kept as written: the cause fixed once
 * for every manifest deploying the image, so it is the preferred fix (fix-all never takes it:
 * it edits another file).
 */
function numericUserFix(container: WorkspaceContainer): Fix[] {
  const user = container.profile.user;
  const uid = user?.value.uid;
  if (!user?.location || uid === undefined) return [];
  const name = user.value.text.split(':')[0];
  const start = user.location.range.start;
  const range = { start, end: { line: start.line, character: start.character + name.length } };
  return [{ title: `Use \`USER ${uid}\` in ${user.location.file}`, edits: [editOf(container, user.location, String(uid), range)], safety: 'unsafe', isPreferred: true }];
}

export const xrefRunAsNonRootVsImageUser: KubernetesRule = {
  meta: {
    id: 'xref-run-as-non-root-vs-image-user',
    defaultSeverity: 'error',
    category: 'xref',
    summary: '`runAsNonRoot: true` while the image runs as root, or as a user name with no `runAsUser` to prove it is not root.',
    why: 'The kubelet checks `runAsNonRoot` against the image\'s user without reading its /etc/passwd. An image that runs as root is refused ("container has runAsNonRoot and image will run as root"); one whose USER is a name is refused too ("container has runAsNonRoot and image has non-numeric user, cannot verify user is non-root"). The pod never starts, with CreateContainerConfigError. The manifest and the Dockerfile each look right; together they fail at deploy time.',
    example: '# Dockerfile: RUN useradd --uid 10001 app … USER app\nsecurityContext:\n  runAsNonRoot: true\ncontainers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2',
    useInstead: 'securityContext:\n  runAsNonRoot: true\ncontainers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    securityContext:\n      runAsUser: 10001  # or USER 10001 in the Dockerfile',
    fixSafety: 'unsafe',
    equivalents: [],
  },
  check(context) {
    for (const container of workspaceContainers(context)) {
      const pod = container.container.pod;
      if (isWindows(pod) || isUserNamespaced(pod)) continue;
      const nonRoot = effectiveSetting(container.container, 'runAsNonRoot');
      // A runAsUser replaces the image's user: the kubelet checks that number instead (uid 0 is k8s-run-as-non-root's).
      if (nonRoot?.value !== true || effectiveSetting(container.container, 'runAsUser')) continue;
      const user = container.profile.user;
      if (!user || user.value.kind === 'uid') continue;
      const who = describe(container.container);
      // The container's own setting is the wrong key; a pod-wide one is reported on the image that cannot honour it.
      const own = setting(viewOf(pod), containerSecurityContext(container.container), 'runAsNonRoot');
      const at = own ? own.range : container.range;
      if (user.value.kind === 'root') {
        const uid = container.profile.nonRootUid;
        context.report({
          range: at,
          message: `${who} sets \`runAsNonRoot: true\`, but ${imageOrigin(container)} runs as root (${user.value.fromUserInstruction ? `\`USER ${user.value.text}\`` : 'its default user'}): the kubelet refuses to start it. Run it as a non-root user${uid ? ` (the image defines uid ${uid.value})` : ''}.`,
          related: [...relatedAt(container, user.location, user.value.fromUserInstruction ? `USER ${user.value.text}` : 'no USER: the base image runs as root'), ...relatedAt(container, uid?.location, `uid ${uid?.value} is created here`)],
          fixes: uid ? runAsUserFix(container, uid.value, 'a user the image defines', true) : [],
        });
        continue;
      }
      const uid = user.value.uid;
      context.report({
        range: at,
        message: `${who} sets \`runAsNonRoot: true\`, but ${imageOrigin(container)} runs as \`${user.value.text}\`, a name: the kubelet cannot verify it is not root and refuses to start it. Set \`runAsUser\`${uid === undefined ? '' : ` (${uid})`} or use a numeric USER.`,
        related: [...relatedAt(container, user.location, `USER ${user.value.text}`), ...relatedAt(container, user.value.uidLocation, `creates \`${user.value.text.split(':')[0]}\` with uid ${uid}`)],
        fixes: uid === undefined ? [] : [...numericUserFix(container), ...runAsUserFix(container, uid, `the uid of \`${user.value.text.split(':')[0]}\``, numericUserFix(container).length === 0)],
      });
    }
  },
};
