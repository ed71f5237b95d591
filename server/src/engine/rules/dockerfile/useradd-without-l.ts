import { isWindowsStage } from '../../dockerfile/model';
import type { DockerfileRule } from '../rule';
import { stageRunCommands, wordRange } from './support/run-commands';

/** The highest uid lastlog and faillog hold without growing into a sparse multi-gigabyte file. */
const HIGHEST_COMPACT_UID = 65535;

export const useraddWithoutL: DockerfileRule = {
  meta: {
    id: 'useradd-without-l',
    defaultSeverity: 'warning',
    category: 'layers',
    summary: '`useradd` with a uid above 65535 and no `-l` (`--no-log-init`).',
    why: 'useradd reserves a record for the new uid in /var/log/lastlog and /var/log/faillog, files indexed by uid. On a filesystem they are sparse, but a container layer stores them in full: a uid such as 100000000 writes gigabytes into the layer (a known Docker issue). `-l` skips the log initialisation, which containers never need.',
    example: 'FROM debian:bookworm-slim\nRUN useradd -u 100000 -m app',
    useInstead: 'FROM debian:bookworm-slim\nRUN useradd -l -u 100000 -m app',
    fixSafety: 'safe',
    equivalents: ['hadolint DL3046'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (isWindowsStage(model, stage)) continue;
      for (const { description, script } of stageRunCommands(model, stage)) {
        if (description?.tool !== 'useradd' || description.flags.has('-l')) continue;
        const uid = description.flags.get('-u')?.value ?? '';
        if (!/^\d+$/.test(uid) || Number(uid) <= HIGHEST_COMPACT_UID) continue;
        const program = wordRange(script, description.program);
        report({
          range: program,
          message: `\`useradd\` without \`-l\` sizes /var/log/lastlog and faillog for uid ${uid}, and the layer stores them in full; add \`-l\`.`,
          fixes: script.editable ? [{ title: 'Add -l (--no-log-init)', safety: 'safe', isPreferred: true, edits: [{ range: { start: program.end, end: program.end }, newText: ' -l' }] }] : [],
        });
      }
    }
  },
};
