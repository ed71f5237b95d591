/**
 * Generate .dockerignore: what no image of the detected stack needs (version control,
 * dependencies installed inside the build, build outputs, local secrets and editor files),
 * plus every secret-looking file the context holds. An existing .dockerignore gets only the
 * lines it lacks, appended. Patterns that would hide a path the Dockerfile copies by name
 * are left out, so the build keeps working.
 */
import { localCopySources, isWholeContext } from '../../context/copy-sources';
import { dockerignoreMatcher } from '../../context/dockerignore';
import { unignoredSecrets } from '../../context/secret-files';
import { LineIndex } from '../../text/document';
import type { BuildContext, Fix } from '../../types';
import type { DockerfileModel } from '../../dockerfile/model';
import { noConversion, type Conversion, type ConversionInput, type ConversionResult } from './conversion';
import { detectStacks, type Stack } from './stack';

const COMMON = ['.git', '.env', '.env.*', '!.env.example', '*.pem', '*.key', '.aws', '.ssh', '*.log', '.DS_Store', '.idea', '.vscode'];

const BY_STACK: Readonly<Record<Stack, readonly string[]>> = {
  node: ['node_modules', 'npm-debug.log*', 'coverage', 'dist', '.next'],
  python: ['__pycache__', '*.pyc', '.venv', 'venv', '.pytest_cache', '.mypy_cache', '*.egg-info', 'dist', 'build'],
  go: ['*.test', 'coverage.out'],
  java: ['target', 'build', '.gradle'],
  rust: ['target'],
  ruby: ['.bundle', 'vendor/bundle', 'log', 'tmp'],
  php: ['vendor'],
  dotnet: ['bin', 'obj'],
};

export const DOCKERIGNORE = '.dockerignore';

/** Sources the Dockerfile copies by name: a pattern that hides one would break the build. */
function namedSources(model: DockerfileModel): string[] {
  return model.stages.flatMap((stage) => localCopySources(model, stage)).map((source) => source.path.replace(/^\.\//, '')).filter((path) => !isWholeContext(path));
}

function candidates(model: DockerfileModel, context: BuildContext): string[] {
  const stacks = detectStacks(model, context);
  const wanted = [...new Set([...COMMON, ...stacks.flatMap((stack) => BY_STACK[stack])])];
  const sources = namedSources(model);
  const kept = wanted.filter((pattern) => pattern.startsWith('!') || !sources.some((source) => dockerignoreMatcher(pattern)(source)));
  // A negation only makes sense after the pattern it makes an exception to.
  return kept.filter((pattern) => !pattern.startsWith('!') || kept.includes('.env.*'));
}

/** The lines to add to `existing` (null: no .dockerignore yet). */
export function dockerignoreLines(model: DockerfileModel, context: BuildContext, existing: string | null): string[] {
  const present = new Set((existing ?? '').split(/\r?\n/).map((line) => line.trim()));
  const added = candidates(model, context).filter((pattern) => !present.has(pattern));
  const ignored = dockerignoreMatcher([existing ?? '', ...added].join('\n'));
  const secrets = unignoredSecrets(context, ignored).filter((path) => !present.has(path));
  return [...added, ...secrets];
}

export function dockerignoreFix(model: DockerfileModel, context: BuildContext): Fix | undefined {
  const file = context.dockerignoreFile ?? DOCKERIGNORE;
  const existing = context.dockerignore;
  const lines = dockerignoreLines(model, context, existing);
  if (lines.length === 0) return undefined;
  const index = new LineIndex(existing ?? '');
  const eol = existing ? index.lineTerminator(0) : '\n';
  const end = index.positionAt((existing ?? '').length);
  const lead = end.character > 0 ? eol : '';
  const header = existing === null ? [`# Kept out of the build context: not needed in the image, or secret.`] : [];
  return {
    title: existing === null ? 'Generate .dockerignore' : `Add ${lines.length} ${lines.length === 1 ? 'entry' : 'entries'} to ${file}`,
    edits: [{ file, range: { start: end, end }, newText: lead + [...header, ...lines].map((line) => line + eol).join('') }],
    // Ignoring a file the build reads in a way we cannot see (a script, a glob) breaks it.
    safety: 'unsafe',
    isPreferred: true,
  };
}

function convert({ model, context }: ConversionInput): ConversionResult {
  if (!context) return noConversion('the Dockerfile is not saved in a folder, so it has no build context');
  const fix = dockerignoreFix(model, context);
  return fix ? { fix } : noConversion(`${context.dockerignoreFile ?? DOCKERIGNORE} already lists everything Shipshape would add`);
}

export const dockerignoreConversion: Conversion = { id: 'generateDockerignore', title: 'Generate .dockerignore', convert };
