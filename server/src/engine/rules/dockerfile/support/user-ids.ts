/**
 * The numeric ids of the user and group names a stage knows: those its well-known base image
 * defines, and those its RUNs create with an explicit id (`useradd -u`, `adduser -u`,
 * `groupadd -g`, `addgroup -g`).
 */
import { rootBase, type DockerfileModel, type Stage } from '../../../dockerfile/model';
import { officialImageName } from '../../../images/image-versions';
import { NONROOT_UID } from '../../../images/known-images';
import type { Range } from '../../../types';
import { baseUserland } from './base-userland';
import { stageRunCommands, wordRange } from './run-commands';

export interface KnownId {
  id: string;
  /** The command that creates it; absent for the base image's own users. */
  range?: Range;
}

export interface Ids {
  users: Map<string, KnownId>;
  groups: Map<string, KnownId>;
}

const NUMERIC = /^\d+$/;

/** Users and groups a well-known base image defines, by name. */
function baseIds(stage: Stage): Ids {
  const base = rootBase(stage);
  const userland = baseUserland(stage);
  const ids: Ids = { users: new Map(), groups: new Map() };
  const both = (name: string, id: string, group = name) => {
    ids.users.set(name, { id });
    ids.groups.set(group, { id });
  };
  if (base.facts.family === 'distroless' || base.facts.family === 'chainguard') both('nonroot', NONROOT_UID);
  if (base.reference && officialImageName(base.reference) === 'node') both('node', '1000');
  if (userland === 'debian' || userland === 'alpine') both('nobody', '65534', userland === 'debian' ? 'nogroup' : 'nobody');
  // Debian's base-passwd fixes the web server account; Alpine images create theirs with varying ids.
  if (userland === 'debian') both('www-data', '33');
  return ids;
}

/** Users and groups created with an explicit id, in the stage and those it builds on. */
function createdIds(model: DockerfileModel, stage: Stage, ids: Ids): Ids {
  if (stage.base.stage) createdIds(model, stage.base.stage, ids);
  for (const { command, description, script } of stageRunCommands(model, stage)) {
    if (!description) continue;
    const { tool, flags, operands } = description;
    const last = operands[operands.length - 1]?.value;
    // Debian's `adduser user group` and BusyBox's `addgroup user group` add a member: one operand creates.
    const created = tool === 'useradd' || tool === 'groupadd' ? last : operands.length === 1 ? last : undefined;
    const id = tool === 'useradd' || tool === 'adduser' ? (flags.get('-u') ?? flags.get('--uid'))?.value : (flags.get('-g') ?? flags.get('--gid'))?.value;
    if (!created || !id || !NUMERIC.test(id)) continue;
    const range = command.approximate ? undefined : script.rangeOf(command.start, command.end);
    if (tool === 'useradd' || tool === 'adduser') ids.users.set(created, { id, range: range ?? wordRange(script, description.program) });
    else if (tool === 'groupadd' || tool === 'addgroup') ids.groups.set(created, { id, range: range ?? wordRange(script, description.program) });
  }
  return ids;
}

export function userIds(model: DockerfileModel, stage: Stage): Ids {
  return createdIds(model, stage, baseIds(stage));
}
