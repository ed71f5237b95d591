/**
 * What the RUNs of the shipped image write and delete, layer by layer: package caches,
 * downloaded files and installed packages. A layer keeps every byte written in it, so what
 * a RUN leaves behind stays in the image even when a later RUN deletes it.
 */
import type { Instruction } from '../../../dockerfile/syntax';
import { argumentsText, isWindowsStage, type DockerfileModel, type Stage } from '../../../dockerfile/model';
import { resolvePosix, unquote } from '../../../dockerfile/paths';
import type { CommandDescription, ShellWord } from '../../../shell';
import { cleaningWord, installWord, PACKAGE_CACHES, type PackageCache } from './package-caches';
import { cacheMountTargets, covers, matchesGlob } from './cache-paths';
import { isPackageInstall, isPackageRemoval, mayHideOptions, namedPackages, packageFamily, type PackageFamily, virtualPackage } from './package-managers';
import { runsInOrder, shippedStages, stageChain } from './shipped-runs';
import type { RunCommand } from './run-commands';

interface Origin {
  command: RunCommand;
  /** The word that wrote it: `update`, the package name, the download's path or URL. */
  word: ShellWord;
}

export type Artifact = Origin &
  ({ kind: 'cache'; cache: PackageCache } | { kind: 'file'; path: string } | { kind: 'package'; family: PackageFamily; name: string; group?: string });

export type PackageArtifact = Extract<Artifact, { kind: 'package' }>;

/** A command of a later RUN deleting what earlier RUNs left in their layers. */
export interface LateDeletion {
  command: RunCommand;
  /** The `rm` operand, the `purge`/`del` word, the `clean`/`purge` of a cache command. */
  word: ShellWord;
  artifacts: Artifact[];
}

export interface LayerHistory {
  /** The commands of each RUN of the shipped image, in build order. */
  runs: readonly (readonly RunCommand[])[];
  /** What each RUN wrote and did not delete itself. */
  leftovers: Map<Instruction, Artifact[]>;
  lateDeletions: LateDeletion[];
  /** Leftovers that a later RUN deletes (so the later RUN is where the finding goes). */
  deletedLater: Set<Artifact>;
}

interface Deleter {
  word: ShellWord;
  matches(artifact: Artifact): boolean;
  /** Moves and decompressions consume a file without a finding: the bytes move on. */
  silent?: true;
}

interface RunState {
  model: DockerfileModel;
  mounts: string[];
  /** The working directory; undefined once a `cd` makes it unknown. */
  cwd: string | undefined;
  earlier: RunCommand[];
}

/**
 * Relative paths of the base image's own working directory, which we do not know: they
 * still compare equal between RUNs of the same WORKDIR.
 */
const BASE_WORKDIR = '/\u0000base-workdir';

const cache = new WeakMap<DockerfileModel, LayerHistory>();
const stageCache = new WeakMap<Stage, LayerHistory>();

export function layerHistory(model: DockerfileModel): LayerHistory {
  let history = cache.get(model);
  if (!history) {
    history = buildHistory(model, shippedStages(model));
    cache.set(model, history);
  }
  return history;
}

/** The history of any stage's image (the stages it builds on included), for size estimates of stages that do not ship. */
export function stageLayerHistory(model: DockerfileModel, stage: Stage): LayerHistory {
  if (stage === model.shippedStage) return layerHistory(model);
  let history = stageCache.get(stage);
  if (!history) {
    history = buildHistory(model, stageChain(stage).filter((member) => !isWindowsStage(model, member)));
    stageCache.set(stage, history);
  }
  return history;
}

/** The packages RUNs of the shipped image install and do not remove in the same RUN: what the image carries. */
export function shippedPackages(model: DockerfileModel): readonly PackageArtifact[] {
  const history = layerHistory(model);
  let packages = packagesOf.get(history);
  if (!packages) {
    packages = Object.freeze([...history.leftovers.values()].flat().filter((artifact): artifact is PackageArtifact => artifact.kind === 'package'));
    packagesOf.set(history, packages);
  }
  return packages;
}

/** Listed once per history: the build-tool and debug-tool rules both ask. */
const packagesOf = new WeakMap<LayerHistory, readonly PackageArtifact[]>();

function buildHistory(model: DockerfileModel, stages: readonly Stage[]): LayerHistory {
  const history: LayerHistory = { runs: runsInOrder(model, stages), leftovers: new Map(), lateDeletions: [], deletedLater: new Set() };
  const workdirs = workdirsOf(model, stages);
  let live: Artifact[] = [];
  for (const commands of history.runs) {
    const instruction = commands[0]?.script.run.instruction;
    if (!instruction) continue;
    const state: RunState = { model, mounts: cacheMountTargets(instruction), cwd: workdirs.get(instruction), earlier: [] };
    for (const command of commands) {
      for (const deleter of deletersOf(command, state)) {
        const deleted = live.filter((artifact) => deleter.matches(artifact));
        if (deleted.length === 0) continue;
        live = live.filter((artifact) => !deleted.includes(artifact));
        const late = deleted.filter((artifact) => artifact.command.script.run.instruction !== instruction);
        if (late.length === 0 || deleter.silent) continue;
        history.lateDeletions.push({ command, word: deleter.word, artifacts: late });
        late.forEach((artifact) => history.deletedLater.add(artifact));
      }
      const created = creationsOf(command, state, live);
      // Writing a cache or a file again replaces the earlier RUN's copy: that one stays its RUN's leftover, deleted by nobody.
      live = live.filter((artifact) => artifact.command.script.run.instruction === instruction || !created.some((fresh) => supersedes(fresh, artifact)));
      live.push(...created);
      state.cwd = cwdAfter(command, state.cwd);
      state.earlier.push(command);
    }
    history.leftovers.set(instruction, live.filter((artifact) => artifact.command.script.run.instruction === instruction));
  }
  return history;
}

function supersedes(fresh: Artifact, earlier: Artifact): boolean {
  if (fresh.kind === 'cache') return earlier.kind === 'cache' && earlier.cache === fresh.cache;
  return fresh.kind === 'file' && earlier.kind === 'file' && earlier.path === fresh.path;
}

/** The working directory of each RUN, following WORKDIR; undefined when a WORKDIR uses a variable. */
function workdirsOf(model: DockerfileModel, stages: readonly Stage[]): Map<Instruction, string | undefined> {
  const workdirs = new Map<Instruction, string | undefined>();
  let cwd: string | undefined = BASE_WORKDIR;
  for (const stage of stages) {
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'WORKDIR') {
        const path = unquote(argumentsText(model, instruction).trim());
        if (path === '' || path.includes('$')) cwd = undefined;
        else if (path.startsWith('/')) cwd = resolvePosix('/', path);
        else cwd = cwd && resolvePosix(cwd, path);
      } else if (keyword === 'RUN') {
        workdirs.set(instruction, cwd);
      }
    }
  }
  return workdirs;
}

function cwdAfter({ command, description }: RunCommand, cwd: string | undefined): string | undefined {
  if (!description || !['cd', 'pushd', 'popd'].includes(description.tool)) return cwd;
  const target = description.operands[0];
  // A `cd` inside a subshell or branch may not hold for what follows.
  if (description.tool !== 'cd' || command.nesting.length > 0 || !target?.value || target.hasExpansion) return undefined;
  return target.value.startsWith('/') ? resolvePosix('/', target.value) : cwd && resolvePosix(cwd, target.value);
}

const mountedCache = (state: RunState, packageCache: PackageCache) => state.mounts.some((target) => packageCache.paths.some((path) => covers(target, path)));

function creationsOf(command: RunCommand, state: RunState, live: readonly Artifact[]): Artifact[] {
  const { description } = command;
  if (!description) return [];
  const created: Artifact[] = [];
  // `pip install $PIP_FLAGS …` may well say `--no-cache-dir`: unknown, so quiet.
  const optionsKnown = !mayHideOptions(description);
  for (const packageCache of PACKAGE_CACHES) {
    if (optionsKnown && packageCache.fills(command, state.earlier, state.model) && !mountedCache(state, packageCache)) {
      created.push({ kind: 'cache', cache: packageCache, command, word: installWord(description) });
    }
  }
  const download = downloadOf(description, state.cwd);
  if (download && !state.mounts.some((target) => covers(target, download.path))) created.push({ kind: 'file', command, ...download });
  const family = packageFamily(description);
  if (family && isPackageInstall(description)) {
    const group = virtualPackage(description);
    for (const { word, name } of namedPackages(description)) {
      const known = live.some((artifact) => artifact.kind === 'package' && artifact.family === family && artifact.name === name);
      if (!known) created.push({ kind: 'package', family, name, group, command, word });
    }
  }
  return created;
}

const URL = /^(https?|ftp):\/\//;

/** The file `curl -o`/`-O` or `wget` writes, as an absolute path. */
function downloadOf(description: CommandDescription, cwd: string | undefined): { path: string; word: ShellWord } | undefined {
  const { tool, flags } = description;
  if (tool !== 'curl' && tool !== 'wget') return undefined;
  const output = flags.get(tool === 'curl' ? '-o' : '-O');
  const url = description.operands.find((word) => URL.test(word.value ?? ''));
  let path: string | undefined;
  let word: ShellWord | undefined;
  if (output) {
    [path, word] = [output.value, output.valueWord];
  } else if (url?.value && (tool === 'wget' ? !flags.has('-r') : flags.has('-O'))) {
    // The remote name: the URL's last path segment, in --output-dir / -P or the working directory.
    const name = url.value.replace(/[?#].*$/, '').replace(URL, '').split('/').slice(1).pop();
    const directory = flags.get(tool === 'curl' ? '--output-dir' : '-P')?.value;
    [path, word] = [name && (directory ? `${directory}/${name}` : name), url];
  }
  if (!path || !word || path === '-' || path.startsWith('/dev/') || /[$`]/.test(path)) return undefined;
  const absolute = absolutePath(path, cwd);
  return absolute ? { path: absolute, word } : undefined;
}

function absolutePath(path: string, cwd: string | undefined): string | undefined {
  if (path.startsWith('/')) return resolvePosix('/', path);
  return cwd === undefined || path.startsWith('~') ? undefined : resolvePosix(cwd, path);
}

const DECOMPRESSORS = new Set(['gunzip', 'bunzip2', 'unxz', 'unzstd', 'unlzma']);

function deletersOf(command: RunCommand, state: RunState): Deleter[] {
  const { description } = command;
  if (!description) return [];
  const deleters: Deleter[] = [];
  for (const packageCache of PACKAGE_CACHES) {
    if (!packageCache.empties(description) || mountedCache(state, packageCache)) continue;
    deleters.push({ word: cleaningWord(description), matches: (artifact) => artifact.kind === 'cache' && artifact.cache === packageCache });
  }
  if (description.tool === 'rm') deleters.push(...description.operands.flatMap((word) => removalOf(word, state)));
  if (description.tool === 'mv' || DECOMPRESSORS.has(description.tool) || ((description.tool === 'gzip' || description.tool === 'xz') && description.flags.has('-d'))) {
    const consumed = description.tool === 'mv' ? description.operands.slice(0, -1) : description.operands;
    for (const word of consumed) {
      const path = word.value !== undefined && !word.hasExpansion ? absolutePath(word.value, state.cwd) : undefined;
      if (path) deleters.push({ word, matches: (artifact) => artifact.kind === 'file' && artifact.path === path, silent: true });
    }
  }
  const removal = packageRemovalOf(command, state);
  if (removal) deleters.push(removal);
  return deleters;
}

/** What `rm <word>` deletes: caches under it, downloaded files it names or holds. */
function removalOf(word: ShellWord, state: RunState): Deleter[] {
  // Of the expansions only `$HOME/…` is followed: caches live under the home directory.
  const written = word.hasExpansion ? (/^\$(HOME|\{HOME\})(\/[^$`]*)?$/.test(word.raw) ? word.raw : undefined) : word.value;
  if (written === undefined) return [];
  const path = /^[/~$]/.test(written) ? written : absolutePath(written, state.cwd);
  if (!path) return [];
  const glob = path.startsWith('/') ? resolvePosix('/', path) : undefined;
  return [
    {
      word,
      matches: (artifact) =>
        (artifact.kind === 'cache' && !mountedCache(state, artifact.cache) && artifact.cache.paths.some((cachePath) => covers(path, cachePath))) ||
        (artifact.kind === 'file' && glob !== undefined && ancestorsAndSelf(artifact.path).some((candidate) => matchesGlob(glob, candidate))),
    },
  ];
}

function ancestorsAndSelf(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, index) => parts.slice(0, index + 1).join('/') || '/').slice(1);
}

/** `apt-get purge gcc`, `apk del .build-deps`, and apt's `apt-mark auto` + `purge --auto-remove` idiom. */
function packageRemovalOf({ description, script }: RunCommand, state: RunState): Deleter | undefined {
  const family = packageFamily(description);
  if (!description?.subcommand || !family) return undefined;
  const removal = isPackageRemoval(description);
  // After `apt-mark auto`, an auto-removal takes everything this RUN installed (what stays is marked manual again, unseen).
  const autoRemove =
    family === 'apt' &&
    (description.subcommand.name === 'autoremove' || (removal && (description.flags.has('--auto-remove') || description.flags.has('--autoremove')))) &&
    state.earlier.some((other) => other.description?.tool === 'apt-mark' && other.description.operands[0]?.value === 'auto');
  const names = new Set(removal ? namedPackages(description).map((operand) => operand.name) : []);
  if (names.size === 0 && !autoRemove) return undefined;
  const instruction = script.run.instruction;
  return {
    word: description.subcommand.word,
    matches: (artifact) =>
      artifact.kind === 'package' &&
      artifact.family === family &&
      (names.has(artifact.name) || (artifact.group !== undefined && names.has(artifact.group)) || (autoRemove && artifact.command.script.run.instruction === instruction)),
  };
}
