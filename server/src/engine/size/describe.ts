/** Size estimates in words, the same in hovers, code lenses, the breakdown view and the CLI. */
import { isEndOfLife, lineTitle, effectiveToday } from '../images/end-of-life';
import { versionedParts } from '../images/image-versions';
import { parseImageReference } from '../images/reference';
import type { BaseSize, LayerSize, PlatformSize, SizeReport, StageSize } from './estimate';
import { approximately, formatBytes } from './format';
import type { SmallerImage } from './size-data';

export function stageLabel(stage: Pick<StageSize, 'name' | 'index' | 'shipped'>): string {
  if (stage.shipped) return 'final image';
  return `stage ${stage.name ?? stage.index}`;
}

/** The code lens on a FROM: "≈ 87 MB, final image". */
export function stageTitle(stage: StageSize): string {
  if (stage.partial && stage.totalBytes === 0) return `size unknown, ${stageLabel(stage)}`;
  return `${approximately(stage.totalBytes, stage.partial)}, ${stageLabel(stage)}`;
}

export interface CardOptions {
  /** ISO date for the end-of-life verdict. */
  today?: string;
}

/** The image card of a FROM or a Kubernetes `image:`, as Markdown lines. */
export function imageCardLines(image: string, base: Pick<BaseSize, 'card' | 'compressedBytes' | 'compressedSource' | 'uncompressedBytes' | 'platform' | 'smaller'>, options: CardOptions = {}): string[] {
  const { card } = base;
  const lines = [`**${image}**`];
  if (base.compressedBytes === undefined && base.uncompressedBytes === undefined) {
    lines.push('', `Size: unknown (not in the catalog${card ? '' : ' of base images'}).`);
  } else {
    const download = base.compressedBytes !== undefined ? `${formatBytes(base.compressedBytes)} download${base.compressedSource === 'registry' ? ' (from the registry)' : ''}` : 'download size unknown';
    const unpacked = base.uncompressedBytes !== undefined ? `${formatBytes(base.uncompressedBytes)} unpacked` : 'unpacked size unknown';
    lines.push('', `Size (linux/amd64): ${download}, ${unpacked}`);
  }
  if (base.platform) lines.push('', platformSizeLine(base.platform));
  if (card?.os) lines.push('', `OS: ${card.os}`);
  const eol = endOfLifeLine(image, options.today);
  if (eol) lines.push('', eol);
  if (card?.hasShell !== undefined) lines.push('', `Shell: ${card.hasShell ? 'yes' : 'none'}`);
  if (card?.defaultUser) lines.push('', `Default user: ${card.defaultUser}`);
  const smaller = smallerLines(base.smaller, base.compressedBytes);
  if (smaller.length > 0) lines.push('', 'Smaller alternatives:', ...smaller);
  if (card) lines.push('', `_Catalog figures as of ${card.asOf} (${card.source}); estimates, not measurements of your build._`);
  return lines;
}

/** "Size (linux/arm64): 41 MB download (from the registry)"; never a guess from the catalog's linux/amd64 figures. */
export function platformSizeLine(platform: PlatformSize): string {
  if (platform.compressedBytes !== undefined) return `Size (${platform.name}): ${formatBytes(platform.compressedBytes)} download (from the registry)`;
  if (platform.absent) return `Size (${platform.name}): unknown, the image has no ${platform.name} variant`;
  return `Size (${platform.name}): unknown, the registry gave no figure (offline, unreachable or a single-platform image) and the catalog holds linux/amd64 figures only`;
}

function smallerLines(smaller: readonly SmallerImage[], compressed: number | undefined): string[] {
  return smaller.map((alternative) => {
    const size = alternative.compressedBytes !== undefined ? `${formatBytes(alternative.compressedBytes)} download` : 'size unknown';
    const saving = alternative.compressedBytes !== undefined && compressed !== undefined && compressed > alternative.compressedBytes ? `, saves ${formatBytes(compressed - alternative.compressedBytes)}` : '';
    return `- \`${alternative.image}\`: ${size}${saving}${alternative.note ? ` (${alternative.note})` : ''}`;
  });
}

/** "End of life: Debian 11 (bullseye), 2026-08-31 (passed)". */
export function endOfLifeLine(image: string, today?: string): string | undefined {
  const parts = versionedParts(parseImageReference(image));
  const part = parts[0];
  if (!part) return undefined;
  const title = lineTitle(part.productId, part.line);
  if (!part.line.eol) return `End of life: ${title}, none announced`;
  const passed = isEndOfLife(part.line, effectiveToday(today));
  return `End of life: ${title}, ${part.line.eol}${passed ? ' (passed)' : ''}`;
}

/** A RUN or COPY/ADD layer's hover, as Markdown lines. */
export function layerLines(layer: LayerSize, asOf: string): string[] {
  const lines = [`**Layer: ${approximately(layer.bytes, layer.partial)}** (estimate)`];
  if (layer.files !== undefined) lines.push('', `${layer.files} file${layer.files === 1 ? '' : 's'} from the build context (after .dockerignore), ${formatBytes(layer.bytes)}`);
  if (layer.parts.length > 0) lines.push('');
  for (const part of layer.parts) {
    const size = part.bytes === undefined ? 'unknown' : formatBytes(part.bytes);
    const deleted = part.deletedLater ? `, deleted on line ${part.deletedLater.line + 1} but still shipped here` : '';
    lines.push(`- ${part.label}: ${size}${deleted}`);
  }
  if (layer.wastedBytes > 0) lines.push('', `${formatBytes(layer.wastedBytes)} of this layer stay in the image although a later RUN deletes them.`);
  if (layer.keyword === 'RUN') lines.push('', `_Installed sizes from package tables as of ${asOf}._`);
  return lines;
}

/** The report as plain text, for the CLI. */
export function reportText(report: SizeReport, options: CardOptions = {}): string {
  const out: string[] = [];
  for (const stage of report.stages) {
    out.push(`${stage.name ? `Stage ${stage.name}` : `Stage ${stage.index}`}${stage.shipped ? ' (final image)' : ''}: ${approximately(stage.totalBytes, stage.partial)}`);
    out.push(`  base ${baseText(stage.base, report)}`);
    for (const layer of stage.layers) {
      out.push(`  line ${layer.range.start.line + 1} ${layer.keyword}: ${approximately(layer.bytes, layer.partial)}${layer.files !== undefined ? ` (${layer.files} file${layer.files === 1 ? '' : 's'})` : ''}${layer.wastedBytes > 0 ? `, ${formatBytes(layer.wastedBytes)} deleted later but shipped` : ''}`);
      for (const part of layer.parts) out.push(`    ${part.label}: ${part.bytes === undefined ? 'unknown' : formatBytes(part.bytes)}`);
    }
    for (const alternative of stage.base.smaller) {
      out.push(`  smaller: ${alternative.image}${alternative.compressedBytes !== undefined ? ` (${formatBytes(alternative.compressedBytes)} download)` : ''}`);
    }
    const eol = stage.base.image ? endOfLifeLine(stage.base.image, options.today) : undefined;
    if (eol) out.push(`  ${eol}`);
  }
  out.push(`Estimates from tables as of ${report.asOf}; "at least" marks parts whose size is unknown.`);
  return out.join('\n');
}

function baseText(base: BaseSize, report: SizeReport): string {
  if (base.scratch) return 'scratch: 0 B';
  if (base.stage !== undefined) {
    const parent = report.stages[base.stage];
    return `stage ${parent?.name ?? base.stage}: ${parent ? approximately(parent.totalBytes, parent.partial) : 'unknown'}`;
  }
  if (!base.image) return `${base.written}: unknown (unresolved variable)`;
  const unpacked = base.uncompressedBytes !== undefined ? formatBytes(base.uncompressedBytes) : 'unknown';
  const download = base.compressedBytes !== undefined ? `, ${formatBytes(base.compressedBytes)} download${base.compressedSource === 'registry' ? ' (registry)' : ''}` : '';
  return `${base.image}: ${unpacked} unpacked${download}`;
}

