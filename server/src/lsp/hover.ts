/**
 * Hovers with sizes: on FROM the base image's card and the stage total, on RUN and COPY/ADD
 * what the layer adds, on a Kubernetes `image:` the same card as on FROM.
 */
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver';
import { buildKubernetesModel } from '../engine/kubernetes/model';
import { containerImages } from '../engine/rules/kubernetes/support/images';
import { imageCardLines, layerLines, stageLabel } from '../engine/size/describe';
import { approximately } from '../engine/size/format';
import { imageSize, type SizeReport } from '../engine/size/estimate';
import { sizeTables } from '../engine/size/tables';
import { rangeTouches } from '../engine/text/document';
import { baseLookups, type RegistryFigures, type SizeLookup } from './image-size';

/** The registry sizes a hover at this position of a Dockerfile would show on a card (to fetch them first). */
export function hoveredBaseLookups(report: SizeReport, position: Position): SizeLookup[] {
  const stage = report.stages.find((candidate) => rangeTouches(candidate.fromRange, position));
  return stage ? baseLookups(stage.base) : [];
}

export function dockerfileHover(report: SizeReport, position: Position, today: string): Hover | undefined {
  const stage = report.stages.find((candidate) => rangeTouches(candidate.fromRange, position));
  if (stage) {
    const { base } = stage;
    const lines: string[] = [];
    if (base.image) lines.push(...imageCardLines(base.image, base, { today }));
    else if (base.scratch) lines.push('**scratch**: an empty base, 0 B.');
    else if (base.stage !== undefined) lines.push(`**Built on stage ${report.stages[base.stage]?.name ?? base.stage}**`);
    else lines.push(`**${base.written}**: the image depends on a build argument without a default, so its size is unknown.`);
    lines.push('', `**${capitalize(stageLabel(stage))}: ${approximately(stage.totalBytes, stage.partial)}** (estimate, tables as of ${report.asOf})`);
    return markdown(lines, stage.fromRange);
  }
  for (const candidate of report.stages) {
    const layer = candidate.layers.find((entry) => rangeTouches(entry.range, position));
    if (layer) return markdown(layerLines(layer, report.asOf), layer.range);
  }
  return undefined;
}

/** The card of the container image under the cursor in a manifest; `builtFrom` adds where the workspace builds it. */
export function manifestHover(text: string, position: Position, figures: RegistryFigures, today: string, builtFrom?: (image: string) => string | undefined): Hover | undefined {
  const image = manifestImageAt(text, position);
  if (!image) return undefined;
  const lines = imageCardLines(image.text, imageSize(image.text, sizeTables, figures.registrySizes, { platform: figures.platform, sizes: figures.platformSizes }), { today });
  const built = builtFrom?.(image.text);
  if (built) lines.splice(1, 0, '', built);
  return markdown(lines, image.range);
}

export function manifestImageAt(text: string, position: Position): { text: string; range: Range } | undefined {
  return containerImages(buildKubernetesModel(text)).find((image) => rangeTouches(image.range, position));
}

function markdown(lines: string[], range: Range): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
