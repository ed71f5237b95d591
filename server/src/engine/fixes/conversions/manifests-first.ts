/**
 * Copy Dependency Manifests First: `COPY . .` followed by a dependency install becomes
 * copy-the-manifests, install, copy-the-rest, so a source edit no longer re-runs the
 * install. Only where the reorder cannot change what the steps see: nothing but the install
 * RUNs (and ENV, ARG, LABEL) between the copy and the last install, and those RUNs doing
 * nothing but installing and cleaning up.
 */
import type { Copy, Instruction } from '../../dockerfile/syntax';
import { isWholeContext } from '../../context/copy-sources';
import { copyOperands } from '../../dockerfile/copy-operands';
import { workdirAt } from '../../dockerfile/image-files';
import { resolvePosix } from '../../dockerfile/paths';
import type { DockerfileModel, Stage } from '../../dockerfile/model';
import { instructionScript } from '../../dockerfile/run-scripts';
import type { CommandDescription } from '../../shell';
import type { BuildContext, Fix, TextEdit } from '../../types';
import { noConversion, type Conversion, type ConversionInput, type ConversionResult } from './conversion';
import { insertLines, instructionText } from './line-edits';

/** What a dependency install reads: files it needs, and files it reads when they exist (copied only when the context listing shows them). */
interface Manifests {
  required: string[];
  optional: string[];
}

function manifests(required: string[], optional: string[] = []): Manifests {
  return { required, optional };
}

/** The manifests of a dependency install; undefined for anything else. */
function manifestsOf(description: CommandDescription): Manifests | undefined {
  const { tool, operands, flags } = description;
  const action = description.subcommand?.name ?? operands[0]?.value;
  const bare = description.subcommand ? operands.length === 0 : operands.length <= 1;
  switch (tool) {
    case 'npm':
      return action === 'ci' || (action === 'install' && bare && !flags.has('-g')) ? manifests(['package.json', 'package-lock.json'], ['npm-shrinkwrap.json', '.npmrc']) : undefined;
    case 'yarn':
      return (action === undefined || action === 'install') && operands.length === 0 ? manifests(['package.json', 'yarn.lock'], ['.yarnrc.yml', '.yarnrc']) : undefined;
    case 'pnpm':
      return action === 'fetch' || (action === 'install' && bare) ? manifests(['package.json', 'pnpm-lock.yaml'], ['pnpm-workspace.yaml', '.npmrc']) : undefined;
    case 'pip': {
      // A file in a subfolder would need its own destination to keep its path: not handled.
      const requirements = flags.get('-r')?.value;
      return action === 'install' && requirements && !requirements.includes('/') && operands.length === 0 ? manifests([requirements]) : undefined;
    }
    case 'poetry':
      return action === 'install' ? manifests(['pyproject.toml', 'poetry.lock']) : undefined;
    case 'pipenv':
      return action === 'install' || action === 'sync' ? manifests(['Pipfile', 'Pipfile.lock']) : undefined;
    case 'uv':
      return action === 'sync' ? manifests(['pyproject.toml', 'uv.lock']) : undefined;
    case 'go':
      return action === 'mod' && operands[0]?.value === 'download' ? manifests(['go.mod'], ['go.sum']) : undefined;
    case 'bundle':
      return action === 'install' ? manifests(['Gemfile', 'Gemfile.lock']) : undefined;
    case 'composer':
      return action === 'install' ? manifests(['composer.json', 'composer.lock']) : undefined;
    case 'cargo':
      return action === 'fetch' ? manifests(['Cargo.toml', 'Cargo.lock']) : undefined;
    case 'mvn':
    case 'mvnw':
      return operands.some((word) => /^dependency:(go-offline|resolve|resolve-plugins)$/.test(word.value ?? '')) ? manifests(['pom.xml']) : undefined;
    case 'gradle':
    case 'gradlew':
      // Groovy or Kotlin build scripts: only the listing tells which.
      return operands.some((word) => word.value === 'dependencies') ? manifests([], ['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties']) : undefined;
    default:
      return undefined;
  }
}

/** Commands an install RUN may also hold without needing the sources: cache cleanup and set-up. */
const HOUSEKEEPING = new Set(['rm', 'mkdir', 'true', 'echo', 'set']);

/** The manifests a RUN needs, when it only installs dependencies; undefined otherwise. */
function installOnly(model: DockerfileModel, stage: Stage, run: Instruction): Manifests[] | undefined {
  const script = instructionScript(model, stage, run);
  if (!script || script.execForm) return undefined;
  const found: Manifests[] = [];
  for (const { description } of script.commands) {
    if (!description) return undefined;
    const manifests = manifestsOf(description);
    if (manifests) found.push(manifests);
    else if (!HOUSEKEEPING.has(description.tool) && description.subcommand?.name !== 'cache' && !(description.tool === 'bundle' && description.subcommand?.name === 'config')) return undefined;
  }
  return found.length > 0 ? found : undefined;
}

const PASSIVE = new Set(['ENV', 'ARG', 'LABEL']);

function stageEdits(model: DockerfileModel, stage: Stage, context: BuildContext | undefined): TextEdit[] {
  const at = stage.instructions.findIndex((instruction) => {
    const operands = ['COPY', 'ADD'].includes(instruction.getKeyword()) && !(instruction as Copy).getFlags().some((flag) => flag.getName() === 'from') ? copyOperands(model, instruction) : undefined;
    return operands?.sources.length === 1 && operands.heredocSources === 0 && isWholeContext(operands.sources[0].value);
  });
  if (at < 0) return [];
  const copy = stage.instructions[at];
  const operands = copyOperands(model, copy);
  if (!operands || operands.sources[0].json || operands.destination.json) return [];
  const needed: Manifests[] = [];
  let lastInstall: Instruction | undefined;
  for (const instruction of stage.instructions.slice(at + 1)) {
    if (PASSIVE.has(instruction.getKeyword())) continue;
    const needs = instruction.getKeyword() === 'RUN' ? installOnly(model, stage, instruction) : undefined;
    if (!needs) break;
    needed.push(...needs);
    lastInstall = instruction;
  }
  if (!lastInstall) return [];
  // COPY fails on a missing source: with a listing, only the files that exist; without one, the required ones.
  const listed = context?.files && new Set(context.files);
  const candidates = needed.flatMap(({ required, optional }) => (listed ? [...required, ...optional] : required));
  const files = [...new Set(candidates)].filter((file) => !listed || listed.has(file));
  if (files.length === 0) return [];
  // A relative destination before any WORKDIR depends on the base image: the new COPY says where it goes.
  const written = operands.destination.value;
  const hasWorkdir = stage.instructions.slice(0, at).some((instruction) => instruction.getKeyword() === 'WORKDIR');
  const destination = written.startsWith('/') || hasWorkdir ? written : resolvePosix(workdirAt(model, stage, copy), written);
  const folder = destination.endsWith('/') ? destination : `${destination}/`;
  return [
    // Named local files are COPY's job, even where the whole context came in with ADD.
    ...(copy.getKeyword() === 'ADD' ? [{ range: copy.getInstructionRange(), newText: 'COPY' }] : []),
    { range: operands.sources[0].range, newText: files.join(' ') },
    ...(folder === written ? [] : [{ range: operands.destination.range, newText: folder }]),
    insertLines(model, lastInstall.getRange().end.line + 1, [instructionText(model, copy)]),
  ];
}

function fixOf(edits: TextEdit[]): Fix {
  // Unsafe: an install step may read more than its manifests (postinstall scripts, local paths).
  return { title: 'Copy the dependency manifests first', edits, safety: 'unsafe', isPreferred: true };
}

/** The reorder of one stage, as copy-before-dependency-install offers it. */
export function manifestsFirstFix(model: DockerfileModel, stage: Stage, context: BuildContext | undefined): Fix | undefined {
  const edits = stageEdits(model, stage, context);
  return edits.length > 0 ? fixOf(edits) : undefined;
}

function convert({ model, context }: ConversionInput): ConversionResult {
  const edits = model.stages.flatMap((stage) => stageEdits(model, stage, context));
  if (edits.length === 0) return noConversion('no `COPY . .` is directly followed by a dependency install that needs only its manifests');
  return { fix: fixOf(edits) };
}

export const manifestsFirstConversion: Conversion = { id: 'copyManifestsFirst', title: 'Copy Dependency Manifests First', convert };
