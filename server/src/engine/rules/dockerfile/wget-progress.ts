import { isWindowsStage, type DockerfileModel, type Stage } from '../../dockerfile/model';
import type { DockerfileRule } from '../rule';
import { baseUserland } from './support/base-userland';
import { stageRunCommands, wordRange } from './support/run-commands';

/** Options that already keep the log short: quiet modes, a progress style, the log in a file. */
const SHORT_LOG = ['--progress', '-q', '-nv', '-o', '-a'];

/**
 * BusyBox's wget (Alpine, busybox) knows no `--progress` and prints no bar without a
 * terminal; a stage that installs GNU wget gets the long log back.
 */
function runsGnuWget(model: DockerfileModel, stage: Stage): boolean {
  if (!['alpine', 'busybox'].includes(baseUserland(stage) ?? '')) return true;
  for (let current: Stage | undefined = stage; current; current = current.base.stage) {
    const installs = stageRunCommands(model, current).some(({ description }) => description?.tool === 'apk' && description.subcommand?.name === 'add' && description.operands.some((word) => word.value === 'wget'));
    if (installs) return true;
  }
  return false;
}

export const wgetProgress: DockerfileRule = {
  meta: {
    id: 'wget-progress',
    defaultSeverity: 'off',
    category: 'layers',
    summary: '`wget` without `--progress` (or `-q`/`-nv`) fills the build log.',
    why: 'Without a terminal, GNU wget prints its progress as rows of dots: a large download writes thousands of lines into the build log, which buries the useful output and can exceed CI log limits. `--progress=dot:giga` prints one dot per megabyte-scale chunk; `-nv` or `-q` print less still.',
    example: 'FROM debian:bookworm-slim\nRUN wget https://example.com/big.tar.gz',
    useInstead: 'FROM debian:bookworm-slim\nRUN wget --progress=dot:giga https://example.com/big.tar.gz',
    fixSafety: 'safe',
    equivalents: ['hadolint DL3047'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (isWindowsStage(model, stage) || !runsGnuWget(model, stage)) continue;
      for (const { description, script } of stageRunCommands(model, stage)) {
        if (description?.tool !== 'wget' || SHORT_LOG.some((option) => description.flags.has(option))) continue;
        const program = wordRange(script, description.program);
        report({
          range: program,
          message: '`wget` without `--progress` prints rows of progress dots into the build log; add `--progress=dot:giga` (or `-nv`).',
          fixes: script.editable ? [{ title: 'Add --progress=dot:giga', safety: 'safe', isPreferred: true, edits: [{ range: { start: program.end, end: program.end }, newText: ' --progress=dot:giga' }] }] : [],
        });
      }
    }
  },
};
