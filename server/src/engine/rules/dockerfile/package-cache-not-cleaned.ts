import type { Instruction } from '../../dockerfile/syntax';
import { rootBase, type DockerfileModel } from '../../dockerfile/model';
import { appendCommandFix, insertAfterFix } from '../../fixes/append-command';
import { canonicalRepository } from '../../images/reference';
import type { Fix } from '../../types';
import type { DockerfileRule, Report } from '../rule';
import { layerHistory, type Artifact } from './support/layer-history';
import { installWord, PACKAGE_CACHES, type PackageCache } from './support/package-caches';
import { mayHideOptions, packageFamily } from './support/package-managers';
import { anyWordMentions, editableScript, runCommands, runsInOrder, shippedStages, stageChain } from './support/shipped-runs';
import { wordRange, type RunCommand } from './support/run-commands';

const APT_LIST_USERS = ['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'satisfy'];

/**
 * A later RUN (of this stage or one built on it) installs with apt without its own
 * `apt-get update`: it relies on the lists this RUN leaves, so removing them would break it.
 */
function laterRunNeedsAptLists(model: DockerfileModel, instruction: Instruction): boolean {
  const line = instruction.getRange().start.line;
  const owner = model.stages.find((stage) => stage.instructions.includes(instruction));
  const builtOnIt = model.stages.filter((stage) => owner && stageChain(stage).includes(owner));
  return runsInOrder(model, builtOnIt).some((commands) => {
    if (commands[0].script.run.instruction.getRange().start.line <= line) return false;
    for (const { description } of commands) {
      if (packageFamily(description) !== 'apt') continue;
      if (description?.subcommand?.name === 'update') return false;
      if (APT_LIST_USERS.includes(description?.subcommand?.name ?? '')) return true;
    }
    return false;
  });
}

function cleanupFix(model: DockerfileModel, cache: PackageCache, install: RunCommand): Fix | undefined {
  const { description, script, command } = install;
  if (!description || (cache.id === 'apt' && laterRunNeedsAptLists(model, script.run.instruction))) return undefined;
  const text = cache.cleanup(description);
  return appendCommandFix(model, editableScript(script), command, text, `Append \`${text}\``, 'safe');
}

function flagFix(cache: PackageCache, install: RunCommand): Fix | undefined {
  const { description, script, command } = install;
  if (!description || !cache.flag) return undefined;
  return insertAfterFix(editableScript(script), command, installWord(description), cache.flag, `Add \`${cache.flag}\``, 'safe');
}

/** The findings for one cache one RUN leaves: on each install without the flag, or on the last install. */
function cacheReports(model: DockerfileModel, cache: PackageCache, left: Artifact[], commands: readonly RunCommand[]): Report[] {
  const installs = (command: RunCommand) => command.description !== undefined && cache.installs(command.description);
  if (cache.flag && left.every((artifact) => installs(artifact.command))) {
    return left.map((artifact) => ({
      range: wordRange(artifact.command.script, artifact.word),
      message: `This install leaves ${cache.what} in the layer; add \`${cache.flag}\` (or a cache mount).`,
      fixes: [flagFix(cache, artifact.command)].filter((fix): fix is Fix => fix !== undefined),
    }));
  }
  // The cache is written by the first leftover; the cleanup goes after the last install.
  const from = commands.indexOf(left[0].command);
  const install = commands.slice(from).filter(installs).pop();
  if (!install?.description) return [];
  const cleanup = cache.cleanup(install.description);
  const fix = cleanupFix(model, cache, install);
  return [
    {
      range: wordRange(install.script, installWord(install.description)),
      message: `This RUN leaves ${cache.what} in the layer; end it with \`${cleanup}\` (or use a cache mount).`,
      fixes: fix ? [fix] : [],
    },
  ];
}

/** `gem install` builds ri/rdoc documentation unless told not to; the official ruby images already tell it. */
function gemDocumentationReports(model: DockerfileModel): Report[] {
  const reports: Report[] = [];
  for (const stage of shippedStages(model)) {
    const base = rootBase(stage).reference;
    if (base && canonicalRepository(base) === 'docker.io/library/ruby') continue;
    for (const install of runCommands(model, [stage])) {
      const { description, script } = install;
      if (description?.tool !== 'gem' || description.subcommand?.name !== 'install' || description.flags.has('-N')) continue;
      if ((description.flags.has('--no-ri') && description.flags.has('--no-rdoc')) || mayHideOptions(description)) continue;
      // A gemrc written earlier (`gem: --no-document`) turns documentation off for every install.
      if (anyWordMentions(model, stageChain(stage), /no-document|no-rdoc/, script.run.instruction)) continue;
      const fix = insertAfterFix(editableScript(script), install.command, description.subcommand.word, '--no-document', 'Add `--no-document`', 'safe');
      reports.push({
        range: wordRange(script, description.subcommand.word),
        message: '`gem install` also builds ri/rdoc documentation into the layer; add `--no-document`.',
        fixes: fix ? [fix] : [],
      });
    }
  }
  return reports;
}

export const packageCacheNotCleaned: DockerfileRule = {
  meta: {
    id: 'package-cache-not-cleaned',
    defaultSeverity: 'info',
    category: 'layers',
    summary: 'A package install leaves its cache in the shipped image.',
    why: 'Package managers keep what they download: apt its package lists, apk its index, yum/dnf/zypper their metadata, pip, npm and Yarn their download caches; `gem install` also builds documentation. Whatever a RUN leaves is frozen into its layer, and deleting it in a later RUN does not shrink the image. Clean up in the same RUN, use the no-cache option, or mount a BuildKit cache (`RUN --mount=type=cache`) so the cache never enters the layer. Only the stage that ships is checked.',
    example: 'RUN apt-get update && apt-get install -y --no-install-recommends curl\nRUN pip install -r requirements.txt',
    useInstead: 'RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir -r requirements.txt',
    fixSafety: 'safe',
    equivalents: ['hadolint DL3009', 'hadolint DL3019', 'hadolint DL3032', 'hadolint DL3036', 'hadolint DL3040', 'hadolint DL3042', 'hadolint DL3060'],
  },
  check({ model, report }) {
    const history = layerHistory(model);
    for (const commands of history.runs) {
      const leftovers = history.leftovers.get(commands[0].script.run.instruction) ?? [];
      for (const cache of PACKAGE_CACHES) {
        // A later RUN deleting it is cleanup-in-later-layer's finding.
        const left = leftovers.filter((artifact) => artifact.kind === 'cache' && artifact.cache === cache && !history.deletedLater.has(artifact));
        if (left.length > 0) cacheReports(model, cache, left, commands).forEach(report);
      }
    }
    gemDocumentationReports(model).forEach(report);
  },
};
