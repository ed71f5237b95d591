import { isWindowsStage } from '../../dockerfile/model';
import type { DockerfileRule } from '../rule';
import { basename, stageRunCommands, wordRange } from './support/run-commands';

const SYSTEM_SHELL = /^\/(?:usr\/)?bin\/sh$/;

export const shellViaLn: DockerfileRule = {
  meta: {
    id: 'shell-via-ln',
    defaultSeverity: 'warning',
    category: 'correctness',
    summary: '`ln` replaces `/bin/sh` instead of setting the shell with SHELL.',
    why: 'Pointing /bin/sh at bash changes the shell of every later RUN without the Dockerfile saying so, and of every script and program in the image that calls `sh`, including package maintainer scripts written for a POSIX shell. The SHELL instruction changes the shell of RUN instructions only, and in plain sight.',
    example: 'FROM debian:bookworm-slim\nRUN ln -sf /bin/bash /bin/sh\nRUN curl -fsSL https://example.com/a.tgz | tar -xz',
    useInstead: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/a.tgz | tar -xz',
    fixSafety: 'none',
    equivalents: ['hadolint DL4005'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (isWindowsStage(model, stage)) continue;
      for (const { description, script } of stageRunCommands(model, stage)) {
        if (description?.tool !== 'ln' || description.operands.length < 2) continue;
        const link = description.operands[description.operands.length - 1];
        const target = description.operands[0].value ?? '';
        // Relinking dash restores Debian's own /bin/sh.
        if (!SYSTEM_SHELL.test(link.value ?? '') || basename(target) === 'dash') continue;
        report({ range: wordRange(script, link), message: `\`ln\` makes \`${link.value}\` another shell for every later RUN and every script of the image; use the SHELL instruction for RUN instead.` });
      }
    }
  },
};
