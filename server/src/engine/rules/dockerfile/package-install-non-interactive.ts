import { insertAfterFix } from '../../fixes/append-command';
import type { CommandDescription } from '../../shell';
import type { DockerfileRule } from '../rule';
import { mayHideOptions, packageFamily, type PackageFamily } from './support/package-managers';
import { anyWordMentions, editableScript, linuxStages, runCommands, stageChain } from './support/shipped-runs';
import { wordRange } from './support/run-commands';

/** Subcommands that change packages, and so ask before going ahead. */
const CONFIRMING: Readonly<Partial<Record<PackageFamily, readonly string[]>>> = {
  apt: ['install', 'reinstall', 'remove', 'purge', 'autoremove', 'autopurge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep'],
  rpm: ['install', 'reinstall', 'localinstall', 'groupinstall', 'remove', 'autoremove', 'upgrade', 'update', 'downgrade', 'distro-sync'],
  zypper: ['install', 'source-install', 'remove', 'update', 'dist-upgrade', 'patch'],
};

/** Configuration lines that answer yes for every command, when written into a file earlier. */
const ASSUME_YES_SETTING: Readonly<Partial<Record<PackageFamily, RegExp>>> = { apt: /Assume-Yes/i, rpm: /assumeyes/i };

/** apt-get's quiet level: `-qq`, `-q -q`, `-q=2`, `--quiet=2`. Level 2 implies `-y`. */
function quietLevel(description: CommandDescription): number {
  return description.allFlags.reduce((level, flag) => {
    if (flag.name === '-qq' || flag.name === '-qqq') return level + flag.name.length - 1;
    if (flag.name !== '-q') return level;
    return level + (flag.value === undefined ? 1 : Number(flag.value.replace(/^=/, '')) || 0);
  }, 0);
}

function answersYes(description: CommandDescription, family: PackageFamily): boolean {
  const { flags, allFlags, subcommand } = description;
  if (family === 'apt') {
    return (
      flags.has('-y') || flags.has('--force-yes') || flags.has('--assume-no') || flags.has('--trivial-only') || flags.has('-s') || quietLevel(description) >= 2 ||
      allFlags.some((flag) => flag.name === '-o' && /^APT::Get::Assume-Yes=["']?(true|1|yes)/i.test(flag.value ?? ''))
    );
  }
  if (family === 'rpm') return flags.has('-y') || flags.has('-n') || allFlags.some((flag) => flag.name === '--setopt' && /^assumeyes=/i.test(flag.value ?? ''));
  // zypper: the global -n/--non-interactive before the subcommand, or the install's own -y/--no-confirm.
  const nonInteractive = allFlags.some((flag) => flag.name === '-n' && (flag.written === '--non-interactive' || (subcommand !== undefined && flag.word.start < subcommand.word.start)));
  return nonInteractive || flags.has('-y');
}

export const packageInstallNonInteractive: DockerfileRule = {
  meta: {
    id: 'package-install-non-interactive',
    defaultSeverity: 'warning',
    category: 'layers',
    summary: 'A package install, upgrade or removal that asks for confirmation.',
    why: 'A build has no one to answer "Do you want to continue? [Y/n]". Without `-y` apt-get, yum and dnf read the end of input as "no" and abort, so the build fails, or works only while the install needs no extra packages and breaks the day a dependency is added. The same goes for upgrades and removals. zypper needs its global `-n` (or the install\'s `-y`).',
    example: 'RUN apt-get update && apt-get install curl',
    useInstead: 'RUN apt-get update && apt-get install -y curl',
    fixSafety: 'safe',
    equivalents: ['hadolint DL3014', 'hadolint DL3030', 'hadolint DL3038', 'hadolint DL3034'],
  },
  check({ model, report }) {
    for (const { description, script, command } of runCommands(model, linuxStages(model))) {
      const family = packageFamily(description);
      const subcommand = description?.subcommand;
      if (!description || !family || !subcommand || !CONFIRMING[family]?.includes(subcommand.name)) continue;
      // `yes | apt-get install …` answers on standard input.
      if (answersYes(description, family) || mayHideOptions(description) || (command.pipeline?.index ?? 0) > 0) continue;
      const setting = ASSUME_YES_SETTING[family];
      if (setting && anyWordMentions(model, stageChain(script.run.stage), setting, script.run.instruction)) continue;
      const fix = insertAfterFix(editableScript(script), command, subcommand.word, '-y', 'Add `-y`', 'safe');
      report({
        range: wordRange(script, subcommand.word),
        message: `\`${description.tool} ${subcommand.word.value ?? subcommand.name}\` without \`-y\` waits for a confirmation no one can give in a build; add \`-y\`.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
};
