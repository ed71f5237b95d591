/**
 * The size report as plain data for a view or `shipshape size --format json`: per stage the
 * base, each layer with its line and text, the total and the smaller bases, every byte count
 * labelled exact, estimated or unknown.
 */
import { LineIndex } from '../text/document';
import { endOfLifeLine, platformSizeLine, stageTitle } from './describe';
import { approximately } from './format';
import type { SizeReport } from './estimate';

export interface BreakdownLayer {
  /** 1-based, as people count lines. */
  line: number;
  keyword: string;
  /** The instruction's first line, shortened. */
  text: string;
  bytes: number;
  /** Some part is unknown: `bytes` is a lower bound. */
  partial: boolean;
  /** "≈ 12 MB" or "at least 12 MB". */
  label: string;
  wastedBytes: number;
  files?: number;
  parts: { label: string; bytes: number | null; deletedLaterOnLine?: number }[];
}

export interface BreakdownStage {
  title: string;
  name?: string;
  shipped: boolean;
  totalBytes: number;
  partial: boolean;
  /** `platformSize`: the other platform's download size in words, when the card shows one (see platformSizeLine). */
  base: { label: string; bytes: number | null; compressedBytes: number | null; compressedSource: 'registry' | 'catalog' | null; endOfLife?: string; platformSize?: string };
  layers: BreakdownLayer[];
  smaller: { image: string; compressedBytes: number | null; savesBytes: number | null; note?: string }[];
}

export interface Breakdown {
  stages: BreakdownStage[];
  asOf: string;
}

const MAX_TEXT = 72;

export function breakdownOf(report: SizeReport, text: string, today?: string): Breakdown {
  const lines = new LineIndex(text);
  const stages = report.stages.map((stage): BreakdownStage => {
    const { base } = stage;
    const parent = base.stage !== undefined ? report.stages[base.stage] : undefined;
    const baseLabel = base.scratch ? 'scratch' : parent ? `stage ${parent.name ?? parent.index}` : (base.image ?? `${base.written} (unresolved)`);
    const baseBytes = base.scratch ? 0 : parent ? parent.totalBytes : (base.uncompressedBytes ?? null);
    return {
      title: stageTitle(stage),
      name: stage.name,
      shipped: stage.shipped,
      totalBytes: stage.totalBytes,
      partial: stage.partial,
      base: {
        label: baseLabel,
        bytes: baseBytes,
        compressedBytes: base.compressedBytes ?? null,
        compressedSource: base.compressedSource ?? null,
        endOfLife: base.image ? endOfLifeLine(base.image, today) : undefined,
        ...(base.platform ? { platformSize: platformSizeLine(base.platform) } : {}),
      },
      layers: stage.layers.map((layer) => ({
        line: layer.range.start.line + 1,
        keyword: layer.keyword,
        text: shorten(lines.lineText(layer.range.start.line)),
        bytes: layer.bytes,
        partial: layer.partial,
        label: approximately(layer.bytes, layer.partial),
        wastedBytes: layer.wastedBytes,
        files: layer.files,
        parts: layer.parts.map((part) => ({ label: part.label, bytes: part.bytes ?? null, ...(part.deletedLater ? { deletedLaterOnLine: part.deletedLater.line + 1 } : {}) })),
      })),
      smaller: base.smaller.map((alternative) => ({
        image: alternative.image,
        compressedBytes: alternative.compressedBytes ?? null,
        savesBytes: alternative.compressedBytes !== undefined && base.compressedBytes !== undefined ? Math.max(0, base.compressedBytes - alternative.compressedBytes) : null,
        note: alternative.note,
      })),
    };
  });
  return { stages, asOf: report.asOf };
}

function shorten(text: string): string {
  const line = text.replace(/\s*\\?\s*$/, '').trim();
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT - 1)}…` : line;
}

