/**
 * What the package rules share: which commands install or remove OS packages and which
 * packages they name, the stages whose layers ship, RUN cache mounts and path coverage.
 */
import type { Instruction, Run } from 'dockerfile-ast';
import { isWindowsStage, type DockerfileModel, type Stage } from '../../../dockerfile/model';
import { instructionScript } from '../../../dockerfile/run-scripts';
import { namesInScope } from '../../../dockerfile/scopes';
import type { EditableScript } from '../../../fixes/append-command';
import type { CommandDescription, ShellWord } from '../../../shell';
import type { Range } from '../../../types';
import { stageRunScripts, type RunCommand, type RunScript } from './run-commands';

export type PackageFamily = 'apt' | 'apk' | 'rpm' | 'zypper';

const FAMILIES: Readonly<Record<string, PackageFamily>> = {
  'apt-get': 'apt', apt: 'apt', apk: 'apk', yum: 'rpm', dnf: 'rpm', microdnf: 'rpm', zypper: 'zypper',
};

const INSTALLS: Readonly<Record<PackageFamily, readonly string[]>> = {
  apt: ['install', 'reinstall'],
  apk: ['add'],
  rpm: ['install', 'reinstall', 'localinstall'],
  zypper: ['install'],
};

const REMOVALS: Readonly<Record<PackageFamily, readonly string[]>> = {
  apt: ['remove', 'purge'],
  apk: ['del'],
  rpm: ['remove'],
  zypper: ['remove'],
};

export function packageFamily(description: CommandDescription | undefined): PackageFamily | undefined {
  return description ? FAMILIES[description.tool] : undefined;
}

/** The subcommand, or for tools without a subcommand table (poetry, mvn) the first operand. */
export function actionOf(description: CommandDescription): string | undefined {
  return description.subcommand?.name ?? description.operands[0]?.value;
}

export function isPackageInstall(description: CommandDescription | undefined): boolean {
  const family = packageFamily(description);
  return family !== undefined && INSTALLS[family].includes(description?.subcommand?.name ?? '');
}

export function isPackageRemoval(description: CommandDescription | undefined): boolean {
  const family = packageFamily(description);
  return family !== undefined && REMOVALS[family].includes(description?.subcommand?.name ?? '');
}

export interface PackageOperand {
  word: ShellWord;
  /** The package name without version, release or architecture. */
  name: string;
}

/** Where a package name ends: `curl=8.*`, `curl/bookworm`, `curl:amd64` (apt), `musl-dev>1.2` (apk, zypper). */
const VERSION_START: Readonly<Record<PackageFamily, RegExp>> = {
  apt: /[=/:]/,
  apk: /[=~<>]/,
  rpm: /$^/,
  zypper: /[=<>]/,
};

/**
 * The packages an install or removal names. Local files (`./x.deb`, `/tmp/x.rpm`), URLs,
 * rpm groups and capabilities, and words built by an expansion name no package we can know.
 */
export function namedPackages(description: CommandDescription): PackageOperand[] {
  const family = packageFamily(description);
  if (!family) return [];
  const packages: PackageOperand[] = [];
  for (const word of description.operands) {
    const value = word.value;
    if (value === undefined || word.hasExpansion || value === '' || /^(\.{0,2}\/|~|@)|:\/\/|\.(deb|rpm|apk)$|[()]/.test(value)) continue;
    const name = value.split(VERSION_START[family])[0];
    if (name) packages.push({ word, name: name.toLowerCase() });
  }
  return packages;
}

/** `apk add --virtual .build-deps gcc`: the name `apk del` removes the group by. */
export function virtualPackage(description: CommandDescription): string | undefined {
  return description.tool === 'apk' ? description.flags.get('-t')?.value : undefined;
}

/** A stage and the stages it is built `FROM`, parents first: their layers are all in its image. */
export function stageChain(stage: Stage | undefined): Stage[] {
  const chain: Stage[] = [];
  for (let current = stage; current; current = current.base.stage) chain.unshift(current);
  return chain;
}

/** The stages whose layers ship, but Windows ones. */
export function shippedStages(model: DockerfileModel): Stage[] {
  return stageChain(model.shippedStage).filter((stage) => !isWindowsStage(model, stage));
}

/** Every stage but Windows ones, where these Linux conventions do not apply. */
export function linuxStages(model: DockerfileModel): Stage[] {
  return model.stages.filter((stage) => !isWindowsStage(model, stage));
}

/** The RUN scripts of some stages, in build order. */
export function scriptsOf(model: DockerfileModel, stages: readonly Stage[]): RunScript[] {
  return stages.flatMap((stage) => stageRunScripts(model, stage));
}

/** The commands of each RUN that has any, in the order they run: nested scripts (`sh -c '…'`) where their shell runs. */
export function runsInOrder(model: DockerfileModel, stages: readonly Stage[]): RunCommand[][] {
  const byRun = new Map<Instruction, RunCommand[]>();
  for (const script of scriptsOf(model, stages)) {
    const commands = byRun.get(script.run.instruction) ?? [];
    byRun.set(script.run.instruction, commands);
    commands.push(...script.commands);
  }
  const offset = (command: RunCommand) => model.lines.offsetAt(command.script.rangeOf(command.command.start, command.command.start).start);
  // A stable sort keeps the parser's order among commands an exec form maps to one place.
  return [...byRun.values()].filter((commands) => commands.length > 0).map((commands) => [...commands].sort((a, b) => offset(a) - offset(b)));
}

/** The commands of the stages' RUNs, one RUN after the other. */
export function runCommands(model: DockerfileModel, stages: readonly Stage[]): RunCommand[] {
  return runsInOrder(model, stages).flat();
}

/** Directories a RUN mounts a cache or tmpfs over: what is written there stays out of the layer. */
export function cacheMountTargets(run: Instruction): string[] {
  if (run.getKeyword() !== 'RUN') return [];
  const targets: string[] = [];
  for (const flag of (run as Run).getFlags()) {
    if (flag.getName() !== 'mount') continue;
    const option = (name: string) => flag.getOptions().find((candidate) => candidate.getName() === name)?.getValue() ?? undefined;
    const type = option('type');
    const target = option('target') ?? option('dst') ?? option('destination');
    if ((type === 'cache' || type === 'tmpfs') && target) targets.push(target);
  }
  return targets;
}

/** `~`, `$HOME` and root's home all as `~`, without a trailing `/`, `/.` or glob (`/*`, `/*_*`): the directory meant. */
export function normalizePath(path: string): string {
  const home = path.replace(/^(~|\$\{?HOME\}?|\/root)(?=\/|$)/, '~');
  return home.replace(/(\/[^/]*\*[^/]*|\/\.)?\/*$/, '') || '/';
}

/** Whether `dir` (a mount target, an `rm` operand, possibly a glob of its entries) holds all of `path`. */
export function covers(dir: string, path: string): boolean {
  const outer = normalizePath(dir);
  const inner = normalizePath(path);
  if (inner === outer) return true;
  if (!inner.startsWith(outer === '/' ? '/' : `${outer}/`)) return false;
  const glob = /\/([^/]*\*[^/]*)\/*$/.exec(dir)?.[1];
  // The glob must match the entry that holds `path`.
  return !glob || matchesGlob(glob, inner.slice(outer.length + 1).split('/')[0]);
}

/** Whether a shell glob (`*`, `?`) matches a whole path; like the shell's, a wildcard does not match a leading dot. */
export function matchesGlob(glob: string, path: string): boolean {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  if (!new RegExp(`^${source}$`).test(path)) return false;
  const globSegments = glob.split('/');
  return path.split('/').every((segment, index) => !segment.startsWith('.') || globSegments[index]?.startsWith('.'));
}

/** An ARG or ENV of that name is in force at the RUN, or the command gets it some other way. */
export function variableSet(command: RunCommand, name: string, earlier: readonly RunCommand[]): boolean {
  const { run } = command.script;
  if (namesInScope(run.stage, run.instruction).has(name)) return true;
  const assigns = (word: ShellWord | undefined) => word?.value?.startsWith(`${name}=`) === true;
  if (command.command.assignments.some((assignment) => assignment.name === name)) return true;
  if (command.description?.environment.some(assigns)) return true;
  // `export NAME=…` earlier in the same RUN.
  return earlier.some((other) => other.description?.tool === 'export' && other.command.words.some(assigns));
}

/** A RUN of these stages up to `upTo` has a word matching `text`: an apt or yum setting written to a file, a gemrc. */
export function anyWordMentions(model: DockerfileModel, stages: readonly Stage[], text: RegExp, upTo: Instruction): boolean {
  for (const script of scriptsOf(model, stages)) {
    if (script.run.instruction.getRange().start.line > upTo.getRange().start.line) continue;
    if (script.commands.some(({ command }) => command.words.some((word) => text.test(word.value ?? word.raw)))) return true;
  }
  return false;
}

/** A RUN script as the fix builders take it. */
export function editableScript(script: RunScript): EditableScript {
  const heredoc = (script.run.instruction as Run).getHeredocs().length > 0;
  return { commands: script.commands.map(({ command }) => command), rangeOf: script.rangeOf, editable: script.editable, inline: script.nested || heredoc };
}

/** `apt-get install $APT_OPTS curl`: a word that is all expansion may hold any option. */
export function mayHideOptions(description: CommandDescription): boolean {
  const words = [...description.operands, ...description.allFlags.map((flag) => flag.valueWord ?? flag.word)];
  return words.some((word) => word.hasExpansion && /^["']?\$/.test(word.raw));
}

/**
 * Words of what the shipped image runs (CMD, ENTRYPOINT, HEALTHCHECK), by basename: a tool
 * the image runs (`ENTRYPOINT ["git"]`, `CMD ["sshd", "-D"]`) is its purpose, not waste.
 * Undefined when the file sets no CMD or ENTRYPOINT, or only an interactive shell: a base,
 * toolchain or dev-container image that others build on or work in, whose tools are what it is for.
 */
const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'fish']);

export function appRuntimeWords(model: DockerfileModel): Set<string> | undefined {
  const words = new Set<string>();
  let runsSomething = false;
  for (const stage of shippedStages(model)) {
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (!['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(keyword)) continue;
      const commands = instructionScript(model, stage, instruction)?.commands ?? [];
      // `CMD ["bash"]`: an interactive shell is a work environment, not an app.
      runsSomething ||= keyword !== 'HEALTHCHECK' && !commands.every(({ description }) => description && SHELLS.has(description.tool) && description.operands.length === 0);
      for (const { command } of commands) {
        for (const word of command.words) words.add((word.value ?? word.raw).replace(/^.*\//, ''));
      }
    }
  }
  return runsSomething ? words : undefined;
}

/** Items grouped by range, in order: an exec-form RUN maps all its words onto one range, which gets one finding. */
export function groupByRange<T>(items: readonly T[], rangeOf: (item: T) => Range): { range: Range; items: T[] }[] {
  const groups = new Map<string, { range: Range; items: T[] }>();
  for (const item of items) {
    const range = rangeOf(item);
    const key = JSON.stringify(range);
    const group = groups.get(key) ?? { range, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}
