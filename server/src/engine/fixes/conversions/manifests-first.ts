/**
 * Copy Dependency Manifests First: `COPY . .` followed by a dependency install becomes
 * copy-the-manifests, install, copy-the-rest, so a source edit no longer re-runs the
 * install. Only where the reorder cannot change what the steps see: nothing but the install
 * RUNs (and ENV, ARG, LABEL) between the copy and the last install, and those RUNs doing
 * nothing but installing and cleaning up.
 */
import type { Copy, Instruction } from 'dockerfile-ast';
import { isWholeContext } from '../../context/copy-sources';
import { copyOperands } from '../../dockerfile/copy-operands';
import type { DockerfileModel, Stage } from '../../dockerfile/model';
import { instructionScript } from '../../dockerfile/run-scripts';
import type { CommandDescription } from '../../shell';
import type { BuildContext, TextEdit } from '../../types';
import { noConversion, type Conversion, type ConversionInput, type ConversionResult } from './conversion';
import { insertLines, instructionText } from './line-edits';

/** The files a dependency install reads, lock files included; undefined for anything else. */
function manifestsOf(description: CommandDescription): string[] | undefined {
  const { tool, operands, flags } = description;
  const action = description.subcommand?.name ?? operands[0]?.value;
  const bare = description.subcommand ? operands.length === 0 : operands.length <= 1;
  switch (tool) {
    case 'npm':
      return action === 'ci' || (action === 'install' && bare && !flags.has('-g')) ? ['package.json', 'package-lock.json', 'npm-shrinkwrap.json'] : undefined;
    case 'yarn':
      return (action === undefined || action === 'install') && operands.length === 0 ? ['package.json', 'yarn.lock', '.yarnrc.yml'] : undefined;
    case 'pnpm':
      return action === 'fetch' || (action === 'install' && bare) ? ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml'] : undefined;
    case 'pip': {
      const requirements = flags.get('-r')?.value;
      return action === 'install' && requirements && operands.length === 0 ? [requirements] : undefined;
    }
    case 'poetry':
      return action === 'install' ? ['pyproject.toml', 'poetry.lock'] : undefined;
    case 'pipenv':
      return action === 'install' || action === 'sync' ? ['Pipfile', 'Pipfile.lock'] : undefined;
    case 'uv':
      return action === 'sync' ? ['pyproject.toml', 'uv.lock'] : undefined;
    case 'go':
      return action === 'mod' && operands[0]?.value === 'download' ? ['go.mod', 'go.sum'] : undefined;
    case 'bundle':
      return action === 'install' ? ['Gemfile', 'Gemfile.lock'] : undefined;
    case 'composer':
      return action === 'install' ? ['composer.json', 'composer.lock'] : undefined;
    case 'cargo':
      return action === 'fetch' ? ['Cargo.toml', 'Cargo.lock'] : undefined;
    case 'mvn':
    case 'mvnw':
      return operands.some((word) => /^dependency:(go-offline|resolve|resolve-plugins)$/.test(word.value ?? '')) ? ['pom.xml'] : undefined;
    case 'gradle':
    case 'gradlew':
      return operands.some((word) => word.value === 'dependencies') ? ['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties'] : undefined;
    default:
      return undefined;
  }
}

/** Commands an install RUN may also hold without needing the sources: cache cleanup and set-up. */
const HOUSEKEEPING = new Set(['rm', 'mkdir', 'true', 'echo', 'set']);

/** The manifests a RUN needs, when it only installs dependencies; undefined otherwise. */
function installOnly(model: DockerfileModel, stage: Stage, run: Instruction): string[] | undefined {
  const script = instructionScript(model, stage, run);
  if (!script || script.execForm) return undefined;
  const manifests: string[] = [];
  for (const { description } of script.commands) {
    if (!description) return undefined;
    const found = manifestsOf(description);
    if (found) manifests.push(...found);
    else if (!HOUSEKEEPING.has(description.tool) && description.subcommand?.name !== 'cache' && !(description.tool === 'bundle' && description.subcommand?.name === 'config')) return undefined;
  }
  return manifests.length > 0 ? manifests : undefined;
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
  const manifests: string[] = [];
  let lastInstall: Instruction | undefined;
  for (const instruction of stage.instructions.slice(at + 1)) {
    if (PASSIVE.has(instruction.getKeyword())) continue;
    const needs = instruction.getKeyword() === 'RUN' ? installOnly(model, stage, instruction) : undefined;
    if (!needs) break;
    manifests.push(...needs);
    lastInstall = instruction;
  }
  if (!lastInstall) return [];
  // Only the files that exist: COPY fails on a missing source. Without a listing, all of them.
  const present = new Set(context?.files ?? []);
  const files = [...new Set(manifests)].filter((file) => !context?.files || present.has(file));
  if (files.length === 0) return [];
  const destination = operands.destination.value;
  const folder = destination.endsWith('/') ? destination : `${destination}/`;
  return [
    { range: operands.sources[0].range, newText: files.join(' ') },
    ...(folder === destination ? [] : [{ range: operands.destination.range, newText: folder }]),
    insertLines(model, lastInstall.getRange().end.line + 1, [instructionText(model, copy)]),
  ];
}

function convert({ model, context }: ConversionInput): ConversionResult {
  const edits = model.stages.flatMap((stage) => stageEdits(model, stage, context));
  if (edits.length === 0) return noConversion('no `COPY . .` is directly followed by a dependency install that needs only its manifests');
  return { fix: { title: 'Copy the dependency manifests first', edits, safety: 'unsafe', isPreferred: true } };
}

export const manifestsFirstConversion: Conversion = { id: 'copyManifestsFirst', title: 'Copy Dependency Manifests First', convert };
