/** A multi-document bundle of `lines` lines shaped like an operator's (see generated-manifest.mjs). */
export function generatedManifest(lines?: number): string;
