/**
 * What each stage of a Dockerfile will weigh, layer by layer, before it is built: the base
 * (a registry's exact figure or the catalog's), what each RUN installs and leaves behind,
 * what COPY/ADD take from the build context or another stage. Every figure is an estimate
 * from dated tables; what no table knows is said to be unknown, never guessed.
 */
import type { Instruction } from '../dockerfile/syntax';
import { addSourceKind, looksLikeArchive } from '../dockerfile/add-sources';
import { copyOperands } from '../dockerfile/copy-operands';
import { buildDockerfileModel, type DockerfileModel, type Stage } from '../dockerfile/model';
import { resolvePosix, unquote } from '../dockerfile/paths';
import { copyFromFlag, copySource } from '../dockerfile/stages';
import { parseImageReference } from '../images/reference';
import { stageLayerHistory, type Artifact, type LateDeletion } from '../rules/dockerfile/support/layer-history';
import { laterPermissionRewrites, type PermissionRewrite } from '../rules/dockerfile/support/later-permission-changes';
import { stageRunCommands, type RunCommand } from '../rules/dockerfile/support/run-commands';
import { workdirBefore } from '../rules/dockerfile/support/workdir';
import type { BuildContext, EngineConfig, Range } from '../types';
import { languageInstallOf, manifestDependencies } from './language-installs';
import type { ImageCard, SizeData, SmallerImage } from './size-data';

export type PartKind = 'package' | 'cache' | 'download' | 'files' | 'stage';

export interface SizePart {
  label: string;
  kind: PartKind;
  /** Undefined when no table knows it. */
  bytes?: number;
  /** A later RUN deletes it: the bytes stay in this layer anyway. */
  deletedLater?: { line: number };
}

export interface LayerSize {
  keyword: 'RUN' | 'COPY' | 'ADD';
  range: Range;
  /** The sum of the parts whose size is known. */
  bytes: number;
  parts: SizePart[];
  /** Some part is unknown (or a context walk stopped at its bound): `bytes` is a lower bound. */
  partial: boolean;
  /** COPY/ADD from the build context: the files it takes. */
  files?: number;
  /** COPY --from: the stage it copies from. */
  fromStage?: string;
  /** What later RUNs delete of this layer: still shipped. */
  wastedBytes: number;
}

export interface BaseSize {
  written: string;
  /** The image as resolved (ARG defaults substituted); undefined for a stage, scratch or an unresolved variable. */
  image?: string;
  scratch: boolean;
  /** `FROM <stage>`: that stage's index. */
  stage?: number;
  card?: ImageCard;
  compressedBytes?: number;
  compressedSource?: 'registry' | 'catalog';
  uncompressedBytes?: number;
  /** The other platform the card shows (FROM's `--platform`, else the configured one), when it is not linux/amd64. */
  platform?: PlatformSize;
  smaller: SmallerImage[];
}

/** The platform every catalog figure and the stage totals are for. */
export const CATALOG_PLATFORM = 'linux/amd64';

/** What a registry said about one platform of an image: its download size, or that the image has no such platform. */
export type PlatformFigure = number | 'absent';

export interface PlatformSize {
  name: string;
  /** From the registry; undefined when it was not asked or did not answer (the catalog holds linux/amd64 only). */
  compressedBytes?: number;
  /** The registry lists the image's platforms and this one is not among them. */
  absent?: boolean;
}

/** The key of `platformSizes`: one platform of one image as resolved. */
export function platformSizeKey(image: string, platform: string): string {
  return `${platform} ${image}`;
}

/**
 * A platform as the registry names it in an index: `arm64` is `linux/arm64`, case does not
 * matter; undefined for an empty or variable (`$BUILDPLATFORM`) one.
 */
export function normalizePlatform(written: string | undefined): string | undefined {
  const platform = written?.trim().toLowerCase();
  if (!platform || platform.includes('$')) return undefined;
  return platform.includes('/') ? platform : `linux/${platform}`;
}

export interface StageSize {
  index: number;
  name?: string;
  fromRange: Range;
  shipped: boolean;
  base: BaseSize;
  layers: LayerSize[];
  /** Base (unpacked, or at least its download when only that is known) plus every layer: what the stage's image weighs on disk. */
  totalBytes: number;
  /** Some part (the base or a layer) is unknown: the total is a lower bound. */
  partial: boolean;
}

export interface SizeReport {
  stages: StageSize[];
  /** The date of the tables the estimates come from. */
  asOf: string;
}

export interface EstimateInput {
  text: string;
  config?: EngineConfig;
  context?: BuildContext;
  data: SizeData;
  /** Exact compressed sizes a registry gave, by image as resolved (`node:22-slim`). */
  registrySizes?: ReadonlyMap<string, number>;
  /** What a registry said about other platforms than linux/amd64, by `platformSizeKey`. */
  platformSizes?: ReadonlyMap<string, PlatformFigure>;
}

export function estimateImageSize(input: EstimateInput): SizeReport {
  const model = buildDockerfileModel(input.text, { shippedStage: input.config?.shippedStage });
  return estimateModel(model, input);
}

export function estimateModel(model: DockerfileModel, input: Omit<EstimateInput, 'text'>): SizeReport {
  const stages: StageSize[] = [];
  const rewrites = new Map<Instruction, PermissionRewrite[]>();
  const layersByLine = new Map<number, LayerSize>();
  for (const rewrite of laterPermissionRewrites(model, input.context?.sizes)) {
    const instruction = rewrite.command.script.run.instruction;
    rewrites.set(instruction, [...(rewrites.get(instruction) ?? []), rewrite]);
  }
  for (const stage of model.stages) {
    const base = baseSize(stage, input);
    const runs = runLayers(model, stage, input.data, input.context);
    const layers: LayerSize[] = [];
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'RUN') {
        const layer = runs.layers.get(instruction);
        if (layer) layers.push(withRewrites(layer, rewrites.get(instruction) ?? [], layersByLine));
      } else if (keyword === 'COPY' || keyword === 'ADD') {
        layers.push(copyLayer(model, instruction, keyword, stages, input.context));
      }
      const added = layers[layers.length - 1];
      if (added?.range.start.line === instruction.getRange().start.line) layersByLine.set(added.range.start.line, added);
    }
    const parent = base.stage !== undefined ? stages[base.stage] : undefined;
    // Unpacked is never less than the download: with only the download known, it is the floor.
    const baseBytes = parent ? parent.totalBytes : base.scratch ? 0 : (base.uncompressedBytes ?? base.compressedBytes ?? 0);
    const baseKnown = parent ? !parent.partial : base.scratch || base.uncompressedBytes !== undefined;
    stages.push({
      index: stage.index,
      name: stage.name,
      fromRange: stage.from.getRange(),
      shipped: stage.shipped,
      base,
      layers,
      totalBytes: baseBytes + layers.reduce((sum, layer) => sum + layer.bytes, 0),
      partial: !baseKnown || layers.some((layer) => layer.partial),
    });
  }
  return { stages, asOf: input.data.asOf };
}

/** A RUN's layer with the files its chmod/chown copy again from earlier layers. */
function withRewrites(layer: LayerSize, rewrites: readonly PermissionRewrite[], earlier: ReadonlyMap<number, LayerSize>): LayerSize {
  if (rewrites.length === 0) return layer;
  const parts = [...layer.parts];
  let { bytes, partial } = layer;
  for (const rewrite of rewrites) {
    const { tool, word, addition } = rewrite;
    const copied = rewrittenSize(rewrite, (line) => earlier.get(line));
    parts.push({ label: `${word.value ?? ''} copied again by ${tool} (added on line ${addition.instruction.getRange().start.line + 1})`, kind: 'files', bytes: copied.bytes });
    bytes += copied.bytes ?? 0;
    partial ||= copied.partial;
  }
  return { ...layer, parts, bytes, partial };
}

/**
 * The bytes a chmod/chown copies again: the files it names, or the whole COPY layer it covers
 * (found by its line); `partial` when some of them are unknown, `bytes` then a lower bound.
 */
export function rewrittenSize(rewrite: PermissionRewrite, layerOnLine: (line: number) => LayerSize | undefined): { bytes?: number; partial: boolean } {
  const { addition } = rewrite;
  const layer = rewrite.wholeLayer && addition.origin === 'copy' ? layerOnLine(addition.instruction.getRange().start.line) : undefined;
  if (layer) return { bytes: layer.bytes, partial: layer.partial };
  return { bytes: rewrite.bytes, partial: rewrite.bytes === undefined };
}

function baseSize(stage: Stage, input: Omit<EstimateInput, 'text'>): BaseSize {
  const { base } = stage;
  const written = base.written;
  if (base.stage) return { written, scratch: false, stage: base.stage.index, smaller: [] };
  if (base.isScratch) return { written, scratch: true, smaller: [] };
  if (!base.resolved) return { written, scratch: false, smaller: [] };
  // A literal `--platform` is what the build pulls; the configured platform otherwise.
  const platform = normalizePlatform(stage.from.getPlatformFlag()?.getValue() ?? undefined) ?? normalizePlatform(input.config?.sizePlatform);
  return { written, ...imageSize(base.resolved, input.data, input.registrySizes, { platform, sizes: input.platformSizes }) };
}

/** The size card of an image by name, for a FROM or a Kubernetes `image:`; `other` adds a platform besides linux/amd64. */
export function imageSize(image: string, data: SizeData, registrySizes?: ReadonlyMap<string, number>, other: { platform?: string; sizes?: ReadonlyMap<string, PlatformFigure> } = {}): Omit<BaseSize, 'written'> {
  const reference = parseImageReference(image);
  const card = data.imageCard(reference);
  const registry = registrySizes?.get(image);
  return {
    image,
    scratch: false,
    card,
    compressedBytes: registry ?? card?.compressedBytes,
    compressedSource: registry !== undefined ? 'registry' : card?.compressedBytes !== undefined ? 'catalog' : undefined,
    uncompressedBytes: card?.uncompressedBytes,
    platform: other.platform && other.platform !== CATALOG_PLATFORM ? platformSize(other.platform, other.sizes?.get(platformSizeKey(image, other.platform))) : undefined,
    smaller: data.smallerImages(reference),
  };
}

function platformSize(name: string, figure: PlatformFigure | undefined): PlatformSize {
  if (figure === 'absent') return { name, absent: true };
  return { name, compressedBytes: figure };
}

/** The RUN layers of a stage and the bytes of each artifact they leave (for cleanup-in-later-layer). */
interface RunLayers {
  /** The build context the layers were estimated with (package.json is read from it). */
  context: BuildContext | undefined;
  layers: Map<Instruction, LayerSize>;
  artifactBytes: Map<Artifact, number | undefined>;
  /** Packages installed once the stage's RUNs are done, for the stages built on it. */
  installedAfter: Set<string>;
}

const runCache = new WeakMap<Stage, RunLayers>();

/** The bytes a late deletion cannot take back; undefined when any of it is unknown. */
export function wastedBytes(model: DockerfileModel, deletion: LateDeletion, data: SizeData, context?: BuildContext): number | undefined {
  let total = 0;
  for (const artifact of deletion.artifacts) {
    const stage = artifact.command.script.run.stage;
    const bytes = runLayers(model, stage, data, context).artifactBytes.get(artifact);
    if (bytes === undefined) return undefined;
    total += bytes;
  }
  return total;
}

function runLayers(model: DockerfileModel, stage: Stage, data: SizeData, context: BuildContext | undefined): RunLayers {
  let layers = runCache.get(stage);
  if (!layers || layers.context !== context) {
    layers = computeRunLayers(model, stage, data, context);
    runCache.set(stage, layers);
  }
  return layers;
}

/** Packages the RUNs of the stages a stage builds on installed (its base image's own set is on the image card). */
function installedBefore(model: DockerfileModel, stage: Stage, data: SizeData, context: BuildContext | undefined): Set<string> {
  return new Set(stage.base.stage ? runLayers(model, stage.base.stage, data, context).installedAfter : []);
}

function computeRunLayers(model: DockerfileModel, stage: Stage, data: SizeData, context: BuildContext | undefined): RunLayers {
  const history = stageLayerHistory(model, stage);
  const baseCard = rootCard(stage, data);
  const installed = installedBefore(model, stage, data, context);
  const deletions = new Map<Artifact, LateDeletion>();
  for (const deletion of history.lateDeletions) for (const artifact of deletion.artifacts) deletions.set(artifact, deletion);
  const result: RunLayers = { context, layers: new Map(), artifactBytes: new Map(), installedAfter: installed };
  const commandsByRun = new Map<Instruction, RunCommand[]>();
  for (const command of stageRunCommands(model, stage)) {
    const list = commandsByRun.get(command.script.run.instruction) ?? [];
    list.push(command);
    commandsByRun.set(command.script.run.instruction, list);
  }
  for (const instruction of stage.instructions) {
    if (instruction.getKeyword() !== 'RUN') continue;
    const leftovers = history.leftovers.get(instruction) ?? [];
    const parts: SizePart[] = [];
    let partial = false;
    const deletedLine = (artifacts: readonly Artifact[]) => {
      const deletion = artifacts.map((artifact) => deletions.get(artifact)).find(Boolean);
      return deletion ? { line: deletion.command.script.run.instruction.getRange().start.line } : undefined;
    };
    const record = (part: SizePart) => {
      parts.push(part);
      if (part.bytes === undefined) partial = true;
    };
    // OS packages, one estimate per install command so its options apply.
    const installs = new Map<RunCommand, Extract<Artifact, { kind: 'package' }>[]>();
    for (const artifact of leftovers) {
      if (artifact.kind !== 'package') continue;
      const list = installs.get(artifact.command) ?? [];
      list.push(artifact);
      installs.set(artifact.command, list);
    }
    for (const [command, artifacts] of installs) {
      const family = artifacts[0].family;
      const names = artifacts.map((artifact) => artifact.name);
      const options = { base: baseCard, installed, noInstallRecommends: command.description?.flags.has('--no-install-recommends') === true };
      const estimate = family === 'apt' ? data.aptInstall(names, options) : family === 'apk' ? data.apkInstall?.(names, options) : undefined;
      for (const artifact of artifacts) {
        const own = estimate?.packages.find((entry) => entry.name === artifact.name && !entry.dependency);
        const known = own ?? (estimate?.alreadyInstalled.includes(artifact.name) ? { bytes: 0 } : undefined);
        result.artifactBytes.set(artifact, known?.bytes);
        record({ label: artifact.name, kind: 'package', bytes: known?.bytes, deletedLater: deletedLine([artifact]) });
      }
      const dependencies = estimate?.packages.filter((entry) => entry.dependency) ?? [];
      if (dependencies.length > 0) {
        const bytes = dependencies.reduce((sum, entry) => sum + entry.bytes, 0);
        // The dependencies go only with an auto-removal of every package the install named.
        const allDeleted = artifacts.every((artifact) => autoRemoves(deletions.get(artifact)));
        if (allDeleted) result.artifactBytes.set(artifacts[0], (result.artifactBytes.get(artifacts[0]) ?? 0) + bytes);
        record({ label: `${dependencies.length} ${dependencies.length === 1 ? 'dependency' : 'dependencies'}`, kind: 'package', bytes, deletedLater: allDeleted ? deletedLine(artifacts) : undefined });
      }
      if (estimate && estimate.recordsBytes > 0) record({ label: `${family === 'apt' ? "dpkg's" : `${family}'s`} package records`, kind: 'package', bytes: estimate.recordsBytes });
      for (const entry of estimate?.packages ?? []) installed.add(entry.name);
      names.forEach((name) => installed.add(name));
    }
    // Language packages (pip, npm), which the layer history does not track.
    const languageBytes = new Map<string, number>();
    for (const command of commandsByRun.get(instruction) ?? []) {
      const request = languageInstallOf(command);
      if (!request) continue;
      const listed = manifestDependencies(model, stage, request, command, context);
      const names = listed ?? request.packages;
      const estimate = names.length > 0 ? data.languageInstall?.(request.tool, names) : undefined;
      const what = listed ? `${request.what}: ${listed.length} dependencies` : request.packages.length > 0 ? request.packages.join(', ') : request.what;
      const unknown = estimate && estimate.unknown.length > 0 ? `; not in the tables: ${estimate.unknown.join(', ')}` : '';
      if (estimate) languageBytes.set(request.tool, (languageBytes.get(request.tool) ?? 0) + estimate.bytes);
      record({ label: `${request.tool}: ${what}${unknown}`, kind: 'package', bytes: estimate?.bytes });
      partial ||= unknown !== '';
    }
    // Caches and downloads left in the layer.
    for (const artifact of leftovers) {
      if (artifact.kind === 'cache') {
        const bytes = cacheBytes(artifact.cache.id, baseCard, languageBytes, data);
        result.artifactBytes.set(artifact, bytes);
        record({ label: artifact.cache.what, kind: 'cache', bytes, deletedLater: deletedLine([artifact]) });
      } else if (artifact.kind === 'file') {
        result.artifactBytes.set(artifact, undefined);
        record({ label: `download ${artifact.path}`, kind: 'download', deletedLater: deletedLine([artifact]) });
      }
    }
    const bytes = parts.reduce((sum, part) => sum + (part.bytes ?? 0), 0);
    const wasted = parts.filter((part) => part.deletedLater).reduce((sum, part) => sum + (part.bytes ?? 0), 0);
    result.layers.set(instruction, { keyword: 'RUN', range: instruction.getRange(), bytes, parts, partial, wastedBytes: wasted });
  }
  return result;
}

/** `apk del` takes the dependencies nothing else needs; apt only with `--auto-remove` or `autoremove`. */
function autoRemoves(deletion: LateDeletion | undefined): boolean {
  const description = deletion?.command.description;
  if (!description) return false;
  if (description.tool === 'apk') return true;
  return description.subcommand?.name === 'autoremove' || description.flags.has('--auto-remove') || description.flags.has('--autoremove');
}

function cacheBytes(id: string, base: ImageCard | undefined, languageBytes: ReadonlyMap<string, number>, data: SizeData): number | undefined {
  if (id === 'apt') return data.aptInstall([], { base, installed: new Set(), noInstallRecommends: true })?.aptListsBytes;
  const installedBytes = languageBytes.get(id);
  return installedBytes === undefined ? undefined : data.languageCache?.(id, installedBytes);
}

/** The card of the image under a stage (and the stages it builds on). */
function rootCard(stage: Stage, data: SizeData): ImageCard | undefined {
  let current: Stage | undefined = stage;
  while (current?.base.stage) current = current.base.stage;
  return current?.base.reference ? data.imageCard(current.base.reference) : undefined;
}

function copyLayer(model: DockerfileModel, instruction: Instruction, keyword: 'COPY' | 'ADD', stages: readonly StageSize[], context: BuildContext | undefined): LayerSize {
  const layer: LayerSize = { keyword, range: instruction.getRange(), bytes: 0, parts: [], partial: false, wastedBytes: 0 };
  const from = copyFromFlag(instruction)?.getValue();
  const operands = copyOperands(model, instruction);
  if (!operands) return layer;
  if (from) return copyFromLayer(model, layer, from, operands.sources.map((source) => unquote(source.value)), stages);
  let files = 0;
  for (const source of operands.sources) {
    const path = unquote(source.value);
    const kind = addSourceKind(source.value);
    if (kind !== 'local') {
      layer.parts.push({ label: `${path} (fetched at build time)`, kind: 'download' });
      layer.partial = true;
      continue;
    }
    const matched = contextFiles(path, context);
    if (!matched) {
      layer.parts.push({ label: path, kind: 'files' });
      layer.partial = true;
      continue;
    }
    const archive = keyword === 'ADD' && looksLikeArchive(path);
    layer.parts.push({ label: archive ? `${path} (an archive ADD unpacks: its unpacked size is unknown)` : path, kind: 'files', bytes: matched.bytes });
    layer.bytes += matched.bytes;
    files += matched.count;
    layer.partial ||= archive || !matched.complete;
  }
  layer.files = files;
  return layer;
}

const GLOB = /[*?[]/;

/** The files of the context a COPY source takes, as the builder would: a file, a folder's content or a glob. */
function contextFiles(source: string, context: BuildContext | undefined): { bytes: number; count: number; complete: boolean } | undefined {
  const sizes = context?.sizes;
  if (!sizes || source.includes('$')) return undefined;
  const path = resolvePosix('/', source).replace(/^\/+/, '');
  const pattern = GLOB.test(path) ? globPattern(path) : undefined;
  let bytes = 0;
  let count = 0;
  for (const [file, size] of sizes.files) {
    const taken = path === '' || (pattern ? ancestorsAndSelf(file).some((candidate) => pattern.test(candidate)) : file === path || file.startsWith(`${path}/`));
    if (!taken) continue;
    bytes += size;
    count++;
  }
  return { bytes, count, complete: sizes.complete };
}

/** Go's filepath.Match, as the builder matches COPY sources: `*` and `?` stop at `/`, dots are not special. */
function globPattern(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index];
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = glob.indexOf(']', index + 1);
      if (end < 0) source += '\\[';
      else {
        source += `[${glob.slice(index + 1, end).replace(/^\^|^!/, '^').replace(/\\/g, '\\\\')}]`;
        index = end;
      }
    } else source += char.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function ancestorsAndSelf(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

/**
 * `COPY --from=<stage>`: the whole stage when it copies `/`; else what the source stage's
 * COPY/ADD layers put under the copied paths. What its RUNs wrote there is not known.
 */
function copyFromLayer(model: DockerfileModel, layer: LayerSize, from: string, sources: string[], stages: readonly StageSize[]): LayerSize {
  const source = copySource(model, from);
  const estimate = source && stages[source.index];
  if (!source || !estimate) {
    layer.parts.push({ label: `${sources.join(', ')} from ${from}`, kind: 'stage' });
    layer.partial = true;
    return layer;
  }
  const stageName = source.name ?? String(source.index);
  layer.fromStage = stageName;
  for (const path of sources) {
    const absolute = resolvePosix('/', path);
    if (absolute === '/') {
      layer.parts.push({ label: `/ of stage ${stageName} (the whole stage)`, kind: 'stage', bytes: estimate.totalBytes });
      layer.bytes += estimate.totalBytes;
      layer.partial ||= estimate.partial;
      continue;
    }
    let bytes = 0;
    for (const instruction of source.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const destination = destinationOf(model, source, instruction);
      const sourceLayer = estimate.layers.find((candidate) => candidate.range.start.line === instruction.getRange().start.line);
      if (destination && sourceLayer && (destination === absolute || destination.startsWith(`${absolute}/`))) bytes += sourceLayer.bytes;
    }
    layer.parts.push({ label: `${path} from stage ${stageName} (what its COPY/ADD put there; files its RUNs wrote are not counted)`, kind: 'stage', bytes });
    layer.bytes += bytes;
    layer.partial = true;
  }
  return layer;
}

function destinationOf(model: DockerfileModel, stage: Stage, instruction: Instruction): string | undefined {
  const destination = copyOperands(model, instruction)?.destination.value;
  if (!destination || destination.includes('$')) return undefined;
  const path = unquote(destination);
  if (path.startsWith('/')) return resolvePosix('/', path);
  const workdir = workdirBefore(model, stage, instruction);
  return workdir ? resolvePosix(workdir, path) : undefined;
}
