/**
 * The palette conversions: whole-file rewrites a person asks for by name (and that findings
 * offer as quick fixes), computed as data like any fix. Each lives in its own module.
 */
import type { DockerfileModel } from '../../dockerfile/model';
import type { BuildContext, EngineConfig, Fix, Range } from '../../types';

export interface ConversionInput {
  model: DockerfileModel;
  context?: BuildContext;
  /** For what depends on settings or the date (`today`). */
  config?: EngineConfig;
  /** The editor's selection; conversions that work on part of a file use it, an empty one means the line or the file. */
  selection?: Range;
}

/** The edit, or why there is none, in words the editor can show. */
export type ConversionResult = { fix: Fix } | { reason: string };

export interface Conversion {
  /** Stable name, the suffix of the LSP and VS Code command ids. */
  id: string;
  /** As the palette shows it after "Shipshape: ". */
  title: string;
  convert(input: ConversionInput): ConversionResult;
}

export function noConversion(reason: string): ConversionResult {
  return { reason };
}
