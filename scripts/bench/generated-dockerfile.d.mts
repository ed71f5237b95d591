/** A Dockerfile of `lines` lines shaped like real ones (see generated-dockerfile.mjs). */
export function generatedDockerfile(lines?: number): string;
