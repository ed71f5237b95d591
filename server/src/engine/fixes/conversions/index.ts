/** Every palette conversion, in the order the palette lists them. */
import { addExecConversion } from './add-exec';
import type { Conversion } from './conversion';
import { dockerignoreConversion } from './dockerignore';
import { execFormConversion } from './exec-form';
import { manifestsFirstConversion } from './manifests-first';
import { mergeRunsConversion } from './merge-runs';
import { multiStageConversion } from './multi-stage';

export type { Conversion, ConversionInput, ConversionResult } from './conversion';

export const conversions: readonly Conversion[] = [
  multiStageConversion,
  mergeRunsConversion,
  execFormConversion,
  addExecConversion,
  dockerignoreConversion,
  manifestsFirstConversion,
];
