import type { CommandDescription, ShellWord } from '../../shell';
import type { DockerfileRule } from '../rule';
import { isPackageInstall, namedPackages, packageFamily, type PackageFamily } from './support/package-managers';
import { groupByRange, linuxStages, runCommands } from './support/shipped-runs';
import { wordRange } from './support/run-commands';

interface Unpinned {
  word: ShellWord;
  name: string;
  /** How a version is written for this tool. */
  hint: string;
}

const OS_PINNED: Readonly<Record<PackageFamily, RegExp>> = { apt: /=/, apk: /[=~<>]/, rpm: /-\d/, zypper: /[=<>]|-\d/ };
const OS_HINT: Readonly<Record<PackageFamily, string>> = { apt: '=<version>', apk: '=<version>', rpm: '-<version>', zypper: '=<version>' };

/** Local paths, archives, URLs and VCS references name no registry package. */
const NOT_A_REGISTRY_NAME = /^[./~]|:\/\/|^(git|github|gitlab|bitbucket|file|link|workspace|npm|git\+\w+):|\.(whl|tar\.gz|tgz|zip|gem)$/;
/** A version starting with a number, optionally after `v`, `=`, `^`, `~`, `<` or `>`. */
const VERSION = /^[v=^~<>]*\d/;

function osPackages(description: CommandDescription, family: PackageFamily): Unpinned[] {
  return namedPackages(description)
    .filter(({ word }) => !OS_PINNED[family].test(word.value ?? ''))
    .map(({ word, name }) => ({ word, name, hint: `${name}${OS_HINT[family]}` }));
}

const literalOperands = (description: CommandDescription) =>
  description.operands.filter((word): word is ShellWord & { value: string } => word.value !== undefined && !word.hasExpansion && !NOT_A_REGISTRY_NAME.test(word.value));

function pipPackages(description: CommandDescription): Unpinned[] {
  // A constraints file pins whatever the command names.
  if (description.flags.has('-c')) return [];
  return literalOperands(description)
    .filter((word) => !/[=<>~!@]/.test(word.value) && !word.value.includes('/'))
    .map((word) => ({ word, name: word.value, hint: `${word.value.replace(/\[.*\]$/, '')}==<version>` }));
}

function nodePackages(description: CommandDescription): Unpinned[] {
  const unpinned: Unpinned[] = [];
  for (const word of literalOperands(description)) {
    // `@scope/name@1.2.3`: the version follows the last `@` that does not start the word.
    const at = word.value.lastIndexOf('@');
    const [name, version] = at > 0 ? [word.value.slice(0, at), word.value.slice(at + 1)] : [word.value, ''];
    // `user/repo` is a GitHub shorthand, not a registry name.
    if (name.split('/').length > (name.startsWith('@') ? 2 : 1) || VERSION.test(version)) continue;
    unpinned.push({ word, name, hint: `${name}@<version>` });
  }
  return unpinned;
}

function gemPackages(description: CommandDescription): Unpinned[] {
  if (description.flags.has('-v')) return [];
  return literalOperands(description)
    .filter((word) => !word.value.includes(':'))
    .map((word) => ({ word, name: word.value, hint: `${word.value}:<version>` }));
}

function goPackages(description: CommandDescription): Unpinned[] {
  // Without `@version` a path names a package of the current module, pinned by go.mod.
  return literalOperands(description)
    .filter((word) => word.value.includes('@') && !/@(v\d|[0-9a-f]{7,40}$)/.test(word.value))
    .map((word) => {
      const name = word.value.slice(0, word.value.indexOf('@'));
      return { word, name, hint: `${name}@v<version>` };
    });
}

function unpinnedOf(description: CommandDescription): Unpinned[] {
  const family = packageFamily(description);
  if (family) return isPackageInstall(description) ? osPackages(description, family) : [];
  const subcommand = description.subcommand?.name;
  const { tool } = description;
  if (tool === 'pip' && subcommand === 'install') return pipPackages(description);
  if ((tool === 'npm' && subcommand === 'install') || (['yarn', 'pnpm'].includes(tool) && subcommand === 'add')) return nodePackages(description);
  if (tool === 'yarn' && subcommand === 'global' && description.operands[0]?.value === 'add') return nodePackages({ ...description, operands: description.operands.slice(1) });
  if (tool === 'gem' && subcommand === 'install') return gemPackages(description);
  if (tool === 'go' && subcommand === 'install') return goPackages(description);
  return [];
}

export const packageVersionUnpinned: DockerfileRule = {
  meta: {
    id: 'package-version-unpinned',
    defaultSeverity: 'off',
    category: 'layers',
    summary: 'A package is installed without a pinned version.',
    why: 'Without a version, each build installs whatever is newest that day: two builds of the same Dockerfile can differ, and a breaking or compromised release slips in unnoticed. Pinning makes builds reproducible, at the cost of bumping versions yourself (a bot can). Off by default: pinned OS packages break when the distribution drops the old version, and many teams rely on a pinned base image instead.',
    example: 'RUN apt-get install -y --no-install-recommends curl\nRUN pip install flask',
    useInstead: 'RUN apt-get install -y --no-install-recommends curl=8.14.1-2\nRUN pip install flask==3.1.1',
    fixSafety: 'none',
    equivalents: ['hadolint DL3008', 'hadolint DL3013', 'hadolint DL3016', 'hadolint DL3018', 'hadolint DL3028', 'hadolint DL3033', 'hadolint DL3037', 'hadolint DL3041', 'hadolint DL3062'],
  },
  check({ model, report }) {
    const unpinned = runCommands(model, linuxStages(model)).flatMap(({ description, script }) =>
      description ? unpinnedOf(description).map((item) => ({ ...item, range: wordRange(script, item.word) })) : [],
    );
    for (const { range, items } of groupByRange(unpinned, (item) => item.range)) {
      const names = items.map((item) => `\`${item.name}\``).join(', ');
      const hints = items.map((item) => `\`${item.hint}\``).join(', ');
      report({ range, message: `${names} ${items.length > 1 ? 'are' : 'is'} installed without a pinned version; pin ${hints} for reproducible builds.` });
    }
  },
};
