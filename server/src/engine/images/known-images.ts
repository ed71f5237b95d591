import { canonicalRepository, type ImageReference } from './reference';

/**
 * Facts about well-known base images that decide rules without pulling them: whether the
 * image has a shell and whether it already runs as a non-root user.
 */
export interface ImageFacts {
  hasShell: boolean | 'unknown';
  runsAsNonRoot: boolean | 'unknown';
  family: 'distroless' | 'chainguard' | 'scratch' | 'windows' | 'other';
  /** The image's own ENTRYPOINT when it runs an interpreter, so CMD holds only its arguments. */
  entrypoint?: string[];
}

const DISTROLESS_ENTRYPOINTS: [RegExp, string[]][] = [
  [/^nodejs\d*/, ['/nodejs/bin/node']],
  [/^python3/, ['/usr/bin/python3']],
  [/^java\d*/, ['/usr/bin/java', '-jar']],
];

const UNKNOWN: ImageFacts = { hasShell: 'unknown', runsAsNonRoot: 'unknown', family: 'other' };

export function imageFacts(reference: ImageReference): ImageFacts {
  const repository = canonicalRepository(reference);
  const tag = reference.tag ?? '';
  if (repository.startsWith('gcr.io/distroless/')) {
    // Only the :debug variants carry busybox's sh.
    const name = repository.slice('gcr.io/distroless/'.length);
    const entrypoint = DISTROLESS_ENTRYPOINTS.find(([pattern]) => pattern.test(name))?.[1];
    return { hasShell: tag.includes('debug'), runsAsNonRoot: tag.includes('nonroot'), family: 'distroless', entrypoint };
  }
  if (repository.startsWith('cgr.dev/chainguard/')) {
    // Chainguard's production images ship no shell; only their "-dev" variants do.
    return { hasShell: /(^|-)dev$/.test(tag), runsAsNonRoot: true, family: 'chainguard' };
  }
  if (repository.startsWith('mcr.microsoft.com/windows') || repository.startsWith('mcr.microsoft.com/powershell') && tag.includes('nanoserver')) {
    return { hasShell: 'unknown', runsAsNonRoot: 'unknown', family: 'windows' };
  }
  if (repository.endsWith('-unprivileged')) return { ...UNKNOWN, runsAsNonRoot: true };
  return UNKNOWN;
}

export const SCRATCH_FACTS: ImageFacts = { hasShell: false, runsAsNonRoot: false, family: 'scratch' };
