import { isWindowsStage, type DockerfileModel, type Stage } from '../../dockerfile/model';
import { canMergeRuns, mergeRunsFix } from '../../fixes/merge-run';
import type { CommandDescription } from '../../shell';
import type { Fix } from '../../types';
import type { DockerfileRule } from '../rule';
import { packageFamily, type PackageFamily } from './support/package-managers';
import { runsInOrder } from './support/shipped-runs';
import { wordRange, type RunCommand } from './support/run-commands';

/** The commands that refresh a package index. */
const REFRESH: Readonly<Partial<Record<PackageFamily, string>>> = { apt: 'update', apk: 'update', rpm: 'makecache' };
/** Commands of the same tool that do not read the index. */
const NOT_READING = new Set(['update', 'makecache', 'clean', 'autoclean', 'distclean', 'dist-clean', 'cache']);
/** Programs that run commands we cannot see, which may install from the fresh index. */
const RUNNERS = new Set(['xargs', 'eval', 'source', '.', 'make', 'sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'install_packages', 'install-packages']);

function readsIndex(description: CommandDescription, family: PackageFamily): boolean {
  return packageFamily(description) === family && !NOT_READING.has(description.subcommand?.name ?? '');
}

/** A command whose program we cannot see through: an expansion, a script, a command runner. */
function opaque({ command, description }: RunCommand): boolean {
  if (!command.program || !description) return false;
  if (command.program.name === undefined || RUNNERS.has(description.tool)) return true;
  const written = description.program.value ?? '';
  return packageFamily(description) === undefined && (written.includes('/') || written.endsWith('.sh'));
}

/** The next instruction, when it is a RUN this one can merge into and it installs from the index. */
function mergeFix(model: DockerfileModel, stage: Stage, update: RunCommand, family: PackageFamily): Fix | undefined {
  const { instruction } = update.script.run;
  const next = stage.instructions[stage.instructions.indexOf(instruction) + 1];
  if (!next || !canMergeRuns(model, instruction, next)) return undefined;
  const nextCommands = runsInOrder(model, [stage]).find((commands) => commands[0].script.run.instruction === next) ?? [];
  if (!nextCommands.some(({ description }) => description && readsIndex(description, family))) return undefined;
  return mergeRunsFix(model, instruction, next, "Merge into the next RUN's install", 'safe');
}

export const packageUpdateAlone: DockerfileRule = {
  meta: {
    id: 'package-update-alone',
    defaultSeverity: 'warning',
    category: 'layers',
    summary: 'A package index is refreshed in a RUN that installs nothing.',
    why: 'The builder caches each RUN by its text. A RUN with only `apt-get update` (or `apk update`, `yum makecache`) is reused from the cache for months, so a later RUN that installs reads a stale index: installs fail with 404s or quietly get old, unpatched versions. Refresh and install in the same RUN.',
    example: 'RUN apt-get update\nRUN apt-get install -y --no-install-recommends curl',
    useInstead: 'RUN apt-get update \\\n    && apt-get install -y --no-install-recommends curl',
    fixSafety: 'safe',
    equivalents: ['Trivy DS-0017', 'Checkov CKV_DOCKER_5'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (isWindowsStage(model, stage)) continue;
      for (const commands of runsInOrder(model, [stage])) {
        commands.forEach((update, index) => {
          const family = packageFamily(update.description);
          const word = update.description?.subcommand;
          if (!family || !word || REFRESH[family] !== word.name) return;
          const after = commands.slice(index + 1);
          if (after.some((other) => (other.description && readsIndex(other.description, family)) || opaque(other))) return;
          const fix = mergeFix(model, stage, update, family);
          report({
            range: wordRange(update.script, word.word),
            message: `\`${update.description?.tool} ${word.name}\` in a RUN that installs nothing: the builder caches this layer and a later install reads a stale index. Refresh and install in the same RUN.`,
            fixes: fix ? [fix] : [],
          });
        });
      }
    }
  },
};
