import { isWindowsStage, rootBase, type DockerfileModel, type Stage } from '../../dockerfile/model';
import { officialImageName } from '../../images/image-versions';
import type { Range } from '../../types';
import type { DockerfileRule } from '../rule';
import { baseUserland } from './support/base-userland';
import { effectiveUser } from './support/effective-user';
import { stageRunCommands } from './support/run-commands';

interface Ids {
  users: Map<string, string>;
  groups: Map<string, string>;
}

const NUMERIC = /^\d+$/;

/** Users and groups a well-known base image defines, by name. */
function baseIds(stage: Stage): Ids {
  const base = rootBase(stage);
  const userland = baseUserland(stage);
  const ids: Ids = { users: new Map(), groups: new Map() };
  if (base.facts.family === 'distroless' || base.facts.family === 'chainguard') {
    ids.users.set('nonroot', '65532');
    ids.groups.set('nonroot', '65532');
  }
  if (base.reference && officialImageName(base.reference) === 'node') {
    ids.users.set('node', '1000');
    ids.groups.set('node', '1000');
  }
  if (userland === 'debian' || userland === 'alpine') {
    ids.users.set('nobody', '65534');
    ids.groups.set(userland === 'debian' ? 'nogroup' : 'nobody', '65534');
  }
  // Debian's base-passwd fixes the web server account; Alpine images create theirs with varying ids.
  if (userland === 'debian') {
    ids.users.set('www-data', '33');
    ids.groups.set('www-data', '33');
  }
  return ids;
}

/** Users and groups created with an explicit id: useradd/adduser `-u`, groupadd/addgroup `-g`, in the stage and those it builds on. */
function createdIds(model: DockerfileModel, stage: Stage, ids: Ids): Ids {
  if (stage.base.stage) createdIds(model, stage.base.stage, ids);
  for (const { description } of stageRunCommands(model, stage)) {
    if (!description) continue;
    const { tool, flags, operands } = description;
    const last = operands[operands.length - 1]?.value;
    // Debian's `adduser user group` and BusyBox's `addgroup user group` add a member: one operand creates.
    const created = tool === 'useradd' || tool === 'groupadd' ? last : operands.length === 1 ? last : undefined;
    const id = tool === 'useradd' || tool === 'adduser' ? (flags.get('-u') ?? flags.get('--uid'))?.value : (flags.get('-g') ?? flags.get('--gid'))?.value;
    if (!created || !id || !NUMERIC.test(id)) continue;
    if (tool === 'useradd' || tool === 'adduser') ids.users.set(created, id);
    else if (tool === 'groupadd' || tool === 'addgroup') ids.groups.set(created, id);
  }
  return ids;
}

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
    const ids = createdIds(model, stage, baseIds(stage));
    const uid = ids.users.get(user);
    const gid = group === undefined ? undefined : (ids.groups.get(group) ?? group);
    const range: Range = { start: args.start, end: { line: args.start.line, character: args.start.character + user.length } };
    const numeric = uid && (gid === undefined ? uid : `${uid}:${gid}`);
    report({
      range,
      message: `USER \`${user}\` is a name: Kubernetes \`runAsNonRoot\` cannot verify that it is not root; use ${uid ? `its uid, \`${numeric}\`` : 'its numeric uid'}.`,
      fixes: numeric ? [{ title: `Use USER ${numeric}`, safety: 'safe', isPreferred: true, edits: [{ range: args, newText: numeric }] }] : [],
    });
  },
};
