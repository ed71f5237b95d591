import type { Onbuild } from '../../dockerfile/syntax';
import type { DockerfileRule } from '../rule';

const FORBIDDEN = ['ONBUILD', 'FROM', 'MAINTAINER'];

export const onbuildForbiddenTrigger: DockerfileRule = {
  meta: {
    id: 'onbuild-forbidden-trigger',
    defaultSeverity: 'error',
    category: 'correctness',
    summary: 'ONBUILD with ONBUILD, FROM or MAINTAINER as its trigger.',
    why: 'Docker refuses these triggers: chaining `ONBUILD ONBUILD` is not allowed, and FROM and MAINTAINER cannot run in a child build. The build fails at this line.',
    example: 'ONBUILD FROM alpine:3.22',
    useInstead: 'ONBUILD COPY . /app/src',
    fixSafety: 'none',
    equivalents: ['hadolint DL3043'],
  },
  check({ model, report }) {
    for (const instruction of model.ast.getInstructions()) {
      if (instruction.getKeyword() !== 'ONBUILD') continue;
      const onbuild = instruction as Onbuild;
      const trigger = onbuild.getTrigger();
      const range = onbuild.getTriggerRange();
      if (!trigger || !range || !FORBIDDEN.includes(trigger)) continue;
      report({ range, message: `\`${onbuild.getTriggerWord()}\` is not allowed as an ONBUILD trigger.` });
    }
  },
};
