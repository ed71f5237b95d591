import { isWindowsStage } from '../../dockerfile/model';
import type { Range } from '../../types';
import type { DockerfileRule } from '../rule';
import { effectiveUser } from './support/effective-user';
import { userIds } from './support/user-ids';

const NUMERIC = /^\d+$/;

export const userNonNumeric: DockerfileRule = {
  meta: {
    id: 'user-non-numeric',
    defaultSeverity: 'info',
    category: 'security',
    summary: 'The shipped image\'s USER is a name, not a numeric uid.',
    why: 'Kubernetes `runAsNonRoot: true` checks the image\'s user without reading its /etc/passwd: a name such as `app` cannot be proven non-root, so the kubelet refuses to start the pod ("image has non-numeric user, cannot verify user is non-root"). A numeric uid (and gid) passes the check and means the same user in every tool.',
    example: 'FROM debian:bookworm-slim\nRUN useradd --uid 10001 --no-create-home app\nUSER app',
    useInstead: 'FROM debian:bookworm-slim\nRUN useradd --uid 10001 --no-create-home app\nUSER 10001',
    fixSafety: 'safe',
    equivalents: ['hadolint DL3066'],
  },
  check({ model, report }) {
    const stage = model.shippedStage;
    if (!stage || isWindowsStage(model, stage)) return;
    const effective = effectiveUser(model, stage);
    const args = effective?.instruction.getArgumentsRange();
    if (!effective || !args || effective.user.includes('$')) return;
    const [user, group] = effective.user.split(':');
    // root is user-root's finding.
    if (NUMERIC.test(user) || user === 'root') return;
    const ids = userIds(model, stage);
    const uid = ids.users.get(user)?.id;
    const gid = group === undefined ? undefined : (ids.groups.get(group)?.id ?? group);
    const range: Range = { start: args.start, end: { line: args.start.line, character: args.start.character + user.length } };
    const numeric = uid && (gid === undefined ? uid : `${uid}:${gid}`);
    report({
      range,
      message: `USER \`${user}\` is a name: Kubernetes \`runAsNonRoot\` cannot verify that it is not root; use ${uid ? `its uid, \`${numeric}\`` : 'its numeric uid'}.`,
      fixes: numeric ? [{ title: `Use USER ${numeric}`, safety: 'safe', isPreferred: true, edits: [{ range: args, newText: numeric }] }] : [],
    });
  },
};
