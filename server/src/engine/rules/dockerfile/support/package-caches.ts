/**
 * The caches package managers leave in a layer: which commands fill each one, which empty
 * it, where it lives (for `rm` and cache mounts) and what the fix adds.
 */
import type { DockerfileModel } from '../../../dockerfile/model';
import { localCopySources } from '../../../context/copy-sources';
import type { CommandDescription, ShellWord } from '../../../shell';
import { packageFamily, type PackageFamily } from './package-managers';
import { scriptsOf, stageChain, variableSet } from './shipped-runs';
import type { RunCommand } from './run-commands';

export interface PackageCache {
  id: PackageFamily | 'pip' | 'npm' | 'yarn';
  /** What stays behind, for messages. */
  what: string;
  /** Where it lives; `~` is the user's home. */
  paths: readonly string[];
  /** The commands a finding about the cache goes on. */
  installs(description: CommandDescription): boolean;
  /** The command writes the cache into the layer (unless a mount covers it). */
  fills(command: RunCommand, earlier: readonly RunCommand[], model: DockerfileModel): boolean;
  /** A command of the tool itself that empties the cache. */
  empties(description: CommandDescription): boolean;
  /** An option of each install that keeps the cache out of the layer. */
  flag?: string;
  /** The command a fix appends to empty it. */
  cleanup(description: CommandDescription): string;
}

const subcommandOf = (description: CommandDescription) => description.subcommand?.name ?? '';
const inFamily = (family: PackageFamily, subcommands: readonly string[]) => (description: CommandDescription) =>
  packageFamily(description) === family && subcommands.includes(subcommandOf(description));
/** `npm cache clean`, `pip cache purge`: a `cache` subcommand and its action. */
const cacheAction = (tool: string, actions: readonly string[]) => (description: CommandDescription) =>
  description.tool === tool && subcommandOf(description) === 'cache' && actions.includes(description.operands[0]?.value ?? '');
// Built once: every command of every RUN meets each cache's tests.
const aptUpdate = inFamily('apt', ['update']);
const aptInstall = inFamily('apt', ['install']);
const apkFetches = inFamily('apk', ['add', 'update', 'upgrade']);
const rpmFetches = inFamily('rpm', ['install', 'reinstall', 'localinstall', 'groupinstall', 'upgrade', 'update', 'makecache', 'distro-sync', 'downgrade']);
const rpmClean = inFamily('rpm', ['clean']);
const zypperFetches = inFamily('zypper', ['install', 'refresh', 'update', 'dist-upgrade', 'patch', 'source-install']);
const sudoPrefix = (description: CommandDescription) => (description.viaSudo ? 'sudo ' : '');

const YARN_INSTALLS = ['install', 'add', 'global'];
/** Options only Yarn 2+ knows: its cache may be the project's packages (Plug'n'Play), not a spare copy. */
const YARN_BERRY_OPTIONS = ['--immutable', '--immutable-cache', '--check-cache', '--mode', '--inline-builds', '--refresh-lockfile'];

function isYarnInstall(description: CommandDescription): boolean {
  if (description.tool !== 'yarn') return false;
  // A bare `yarn` installs.
  return description.subcommand ? YARN_INSTALLS.includes(description.subcommand.name) : description.operands.length === 0;
}

/** Yarn 1 (classic): no option, setup step or copied setting of Yarn 2+ in sight. */
function isYarnClassic({ description, script }: RunCommand, model: DockerfileModel): boolean {
  if (!description || YARN_BERRY_OPTIONS.some((option) => description.flags.has(option))) return false;
  const chain = stageChain(script.run.stage);
  const upTo = script.run.instruction.getRange().start.line;
  const setsUpBerry = scriptsOf(model, chain).some(
    (other) =>
      other.run.instruction.getRange().start.line <= upTo &&
      other.commands.some((candidate) => candidate.description?.tool === 'corepack' || (candidate.description?.tool === 'yarn' && ['set', 'policies'].includes(subcommandOf(candidate.description)))),
  );
  const copiesBerrySettings = chain.some((stage) => localCopySources(model, stage).some((source) => /(^|\/)\.yarn(rc\.yml)?(\/|$)/.test(source.path)));
  return !setsUpBerry && !copiesBerrySettings;
}

export const PACKAGE_CACHES: readonly PackageCache[] = [
  {
    id: 'apt',
    what: "apt's package lists (/var/lib/apt/lists)",
    paths: ['/var/lib/apt/lists'],
    installs: inFamily('apt', ['install', 'reinstall']),
    // `install -U` (`--update`, apt 2.9+) refreshes the lists first.
    fills: ({ description }) => description !== undefined && (aptUpdate(description) || (aptInstall(description) && (description.flags.has('-U') || description.flags.has('--update')))),
    // apt 2.8 spells it `distclean`; `dist-clean` is accepted as the same.
    empties: inFamily('apt', ['distclean', 'dist-clean']),
    cleanup: (description) => `${sudoPrefix(description)}rm -rf /var/lib/apt/lists/*`,
  },
  {
    id: 'apk',
    what: "apk's index cache (/var/cache/apk)",
    paths: ['/var/cache/apk'],
    installs: inFamily('apk', ['add']),
    // `--no-network` installs from what is already there, fetching no index.
    fills: ({ description }) => description !== undefined && apkFetches(description) && !description.flags.has('--no-cache') && !description.flags.has('--no-network'),
    empties: () => false,
    flag: '--no-cache',
    cleanup: (description) => `${sudoPrefix(description)}rm -rf /var/cache/apk/*`,
  },
  {
    id: 'rpm',
    what: 'the yum/dnf metadata and package cache (/var/cache/yum, /var/cache/dnf)',
    paths: ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'],
    installs: inFamily('rpm', ['install', 'reinstall', 'localinstall']),
    fills: ({ description }) => description !== undefined && rpmFetches(description),
    empties: (description) => rpmClean(description) && description.operands.some((word) => word.value === 'all'),
    cleanup: (description) => `${sudoPrefix(description)}${description.tool} clean all`,
  },
  {
    id: 'zypper',
    what: "zypper's package and metadata cache (/var/cache/zypp)",
    paths: ['/var/cache/zypp'],
    installs: inFamily('zypper', ['install']),
    fills: ({ description }) => description !== undefined && zypperFetches(description),
    empties: inFamily('zypper', ['clean']),
    cleanup: (description) => `${sudoPrefix(description)}zypper clean --all`,
  },
  {
    id: 'pip',
    what: "pip's download cache (~/.cache/pip)",
    paths: ['~/.cache/pip'],
    installs: (description) => description.tool === 'pip' && subcommandOf(description) === 'install',
    fills: (command, earlier) => {
      const { description } = command;
      if (!description || description.tool !== 'pip' || subcommandOf(description) !== 'install') return false;
      if (description.flags.has('--no-cache-dir') || description.flags.has('--cache-dir')) return false;
      // Any value of PIP_NO_CACHE_DIR turns the cache off; PIP_CACHE_DIR puts it somewhere we do not follow.
      return !variableSet(command, 'PIP_NO_CACHE_DIR', earlier) && !variableSet(command, 'PIP_CACHE_DIR', earlier);
    },
    empties: cacheAction('pip', ['purge']),
    flag: '--no-cache-dir',
    cleanup: (description) => `${sudoPrefix(description)}pip cache purge`,
  },
  {
    id: 'npm',
    what: "npm's cache (~/.npm)",
    paths: ['~/.npm'],
    installs: (description) => description.tool === 'npm' && ['install', 'ci'].includes(subcommandOf(description)),
    fills: (command, earlier) => {
      const { description } = command;
      if (!description || description.tool !== 'npm' || !['install', 'ci', 'update'].includes(subcommandOf(description)) || description.flags.has('--cache')) return false;
      return !variableSet(command, 'npm_config_cache', earlier) && !variableSet(command, 'NPM_CONFIG_CACHE', earlier);
    },
    empties: cacheAction('npm', ['clean']),
    cleanup: (description) => `${sudoPrefix(description)}npm cache clean --force`,
  },
  {
    id: 'yarn',
    what: "Yarn's cache (/usr/local/share/.cache/yarn, ~/.cache/yarn)",
    paths: ['/usr/local/share/.cache/yarn', '~/.cache/yarn'],
    installs: isYarnInstall,
    fills: (command, earlier, model) => {
      const { description } = command;
      if (!description || !isYarnInstall(description) || description.flags.has('--cache-folder')) return false;
      return !variableSet(command, 'YARN_CACHE_FOLDER', earlier) && isYarnClassic(command, model);
    },
    empties: cacheAction('yarn', ['clean']),
    cleanup: (description) => `${sudoPrefix(description)}yarn cache clean`,
  },
];

/** The word a finding about an install goes on: its subcommand, or the program of a bare `yarn`. */
export function installWord(description: CommandDescription): ShellWord {
  return description.subcommand?.word ?? description.program;
}

/** `npm cache clean`, `apt-get dist-clean`: the word that says what is cleaned. */
export function cleaningWord(description: CommandDescription): ShellWord {
  return description.subcommand?.name === 'cache' ? description.operands[0] : installWord(description);
}
