import { isWindowsStage, rootBase, type DockerfileModel, type Stage } from '../../dockerfile/model';
import type { Fix, Range } from '../../types';
import type { DockerfileRule } from '../rule';
import { effectiveUser } from './support/effective-user';
import { entrypointDropsPrivileges } from './support/privilege-drop';

const ROOT = /^(root|0)(:.*)?$/;

/** Where a USER line goes: after the last step that may need root, before what runs the app. */
function userInsertionLine(stage: Stage, fallback: number): number {
  const needsRoot = stage.instructions.filter((instruction) => ['RUN', 'USER'].includes(instruction.getKeyword()));
  const last = needsRoot[needsRoot.length - 1];
  if (last) return last.getRange().end.line + 1;
  const runtime = stage.instructions.find((instruction) => ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(instruction.getKeyword()));
  return runtime ? runtime.getRange().start.line : fallback;
}

function nonRootUserLines(stage: Stage): string[] {
  const base = rootBase(stage);
  if (base.facts.family === 'distroless') return ['USER 65532:65532'];
  if (base.isScratch) return ['USER 65532:65532'];
  const repository = base.reference?.repository ?? '';
  const tag = base.reference?.tag ?? '';
  if (repository.includes('alpine') || tag.includes('alpine') || repository.includes('busybox')) {
    return ['RUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app', 'USER 10001:10001'];
  }
  return ['RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app', 'USER 10001:10001'];
}

function addUserFix(model: DockerfileModel, stage: Stage): Fix {
  const fallback = model.lines.lineCount;
  const line = userInsertionLine(stage, fallback);
  const eol = model.lines.lineTerminator(0);
  const atEnd = line >= model.lines.lineCount;
  const lastLineText = model.lines.lineText(model.lines.lineCount - 1);
  let range: Range;
  let newText: string;
  if (atEnd) {
    const end = { line: model.lines.lineCount - 1, character: lastLineText.length };
    range = { start: end, end };
    newText = (lastLineText === '' ? '' : eol) + nonRootUserLines(stage).join(eol) + (lastLineText === '' ? eol : '');
  } else {
    range = { start: { line, character: 0 }, end: { line, character: 0 } };
    newText = nonRootUserLines(stage).join(eol) + eol;
  }
  return { title: 'Add a non-root USER', edits: [{ range, newText }], safety: 'unsafe', isPreferred: true };
}

export const userRoot: DockerfileRule = {
  meta: {
    id: 'user-root',
    defaultSeverity: 'warning',
    category: 'security',
    summary: 'The shipped image runs as root.',
    why: 'A process running as root inside the container is root on the host\'s kernel: one escape or one writable host mount away from the node. Kubernetes `runAsNonRoot` refuses such images. Builder stages may run as root; only the stage that ships is checked. An image whose entrypoint starts as root only to hand the process to another user (`exec gosu postgres "$@"`, `su-exec`, `setpriv --reuid`, as official database images do after fixing the data folder\'s owner) is left alone: its app does not run as root, and a USER line would break that step.',
    example: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]',
    useInstead: 'FROM node:22-slim\nCOPY . /app\nUSER 1000:1000\nCMD ["node", "/app/server.js"]',
    fixSafety: 'unsafe',
    equivalents: ['hadolint DL3002', 'Trivy DS-0002', 'Checkov CKV_DOCKER_3', 'Checkov CKV_DOCKER_8'],
  },
  check({ model, context, report }) {
    const stage = model.shippedStage;
    if (!stage || isWindowsStage(model, stage)) return;
    const user = effectiveUser(model, stage);
    if (user && !ROOT.test(user.user)) return;
    // Root only until the entrypoint hands the process to another user (gosu, su-exec, setpriv).
    if (entrypointDropsPrivileges(model, stage, context)) return;
    if (user) {
      const range = user.instruction.getArgumentsRange() ?? user.instruction.getRange();
      // A root USER in a parent stage is fixed there, not by an edit here.
      const inThisStage = stage.instructions.includes(user.instruction);
      report({
        range,
        message: `The shipped image runs as \`${user.user}\`; switch to a non-root user after the steps that need root.`,
        fixes: inThisStage ? [addUserFix(model, stage)] : [],
      });
      return;
    }
    if (rootBase(stage).facts.runsAsNonRoot === true) return;
    report({
      range: stage.base.writtenRange,
      message: 'The shipped image has no USER, so it runs as root; add a non-root USER.',
      fixes: [addUserFix(model, stage)],
    });
  },
};
