import type { Flag } from '../../dockerfile/syntax';
import type { DockerfileModel } from '../../dockerfile/model';
import type { Fix, FixSafety } from '../../types';
import type { DockerfileRule } from '../rule';

/** Removes a FROM flag together with the blank that separates it from the image. */
export function platformFlagFix(model: DockerfileModel, flag: Flag, safety: FixSafety): Fix {
  const range = flag.getRange();
  const end = model.lines.offsetAt(range.end);
  const following = /^[ \t]+/.exec(model.text.slice(end))?.[0].length ?? 0;
  const removeEnd = model.lines.positionAt(end + following);
  return { title: 'Remove the --platform flag', safety, isPreferred: true, edits: [{ range: { start: range.start, end: removeEnd }, newText: '' }] };
}

export const fromPlatformRedundant: DockerfileRule = {
  meta: {
    id: 'from-platform-redundant',
    defaultSeverity: 'info',
    category: 'base-image',
    summary: '`FROM --platform=$TARGETPLATFORM` says what the builder does anyway.',
    why: 'A stage is built for the target platform unless told otherwise, so the flag adds nothing but noise and suggests a cross-compilation setup that is not there.',
    example: 'FROM --platform=$TARGETPLATFORM alpine:3.20',
    useInstead: 'FROM alpine:3.20',
    fixSafety: 'safe',
    equivalents: ['BuildKit RedundantTargetPlatform', 'hadolint DL3065'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.from.getPlatformFlag();
      const value = flag?.getValue();
      if (!flag || (value !== '$TARGETPLATFORM' && value !== '${TARGETPLATFORM}')) continue;
      report({
        range: flag.getValueRange() ?? flag.getRange(),
        message: '`--platform=$TARGETPLATFORM` is the default; remove it.',
        fixes: [platformFlagFix(model, flag, 'safe')],
      });
    }
  },
};
