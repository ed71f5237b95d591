import { isWholeContext, localCopySources, type CopySource } from '../../context/copy-sources';
import type { CommandDescription } from '../../shell';
import { manifestsFirstFix } from '../../fixes/conversions/manifests-first';
import type { BuildContext, RelatedInformation } from '../../types';
import type { DockerfileModel, Stage } from '../../dockerfile/model';
import type { DockerfileRule, DockerfileRuleContext } from '../rule';
import { installWord } from './support/package-caches';
import { actionOf } from './support/package-managers';
import { runCommands } from './support/shipped-runs';
import { wordRange } from './support/run-commands';

interface DependencyInstall {
  /** The tool, so an install of the same tool before the copy shows the manifests were copied first. */
  tool: string;
  manifests: string;
}

const NODE_MANIFESTS: Readonly<Record<string, string>> = { npm: 'package.json and package-lock.json', yarn: 'package.json and yarn.lock', pnpm: 'package.json and pnpm-lock.yaml' };

/** An install that needs only the dependency manifests, and which ones. */
function dependencyInstall(description: CommandDescription): DependencyInstall | undefined {
  const { tool, operands, flags } = description;
  const action = actionOf(description);
  const noPackages = operands.length === 0 && !flags.has('-g');
  if (tool === 'npm' && (action === 'ci' || (action === 'install' && noPackages))) return { tool, manifests: NODE_MANIFESTS.npm };
  if (tool === 'yarn' && (action === undefined || action === 'install') && operands.length === 0) return { tool, manifests: NODE_MANIFESTS.yarn };
  if (tool === 'pnpm' && (action === 'fetch' || (action === 'install' && noPackages))) return { tool, manifests: NODE_MANIFESTS.pnpm };
  const requirements = flags.get('-r')?.value;
  if (tool === 'pip' && action === 'install' && requirements) return { tool, manifests: requirements };
  if (tool === 'poetry' && action === 'install') return { tool, manifests: 'pyproject.toml and poetry.lock' };
  if (tool === 'pipenv' && (action === 'install' || action === 'sync')) return { tool, manifests: 'Pipfile and Pipfile.lock' };
  if (tool === 'go' && action === 'mod' && operands[0]?.value === 'download') return { tool, manifests: 'go.mod and go.sum' };
  if (tool === 'bundle' && action === 'install') return { tool, manifests: 'Gemfile and Gemfile.lock' };
  if (tool === 'composer' && action === 'install') return { tool, manifests: 'composer.json and composer.lock' };
  if (tool === 'cargo' && action === 'fetch') return { tool, manifests: 'Cargo.toml and Cargo.lock' };
  if ((tool === 'mvn' || tool === 'mvnw') && operands.some((word) => /^dependency:(go-offline|resolve|resolve-plugins)$/.test(word.value ?? ''))) return { tool, manifests: 'pom.xml' };
  if ((tool === 'gradle' || tool === 'gradlew') && operands.some((word) => word.value === 'dependencies')) return { tool, manifests: 'build.gradle and settings.gradle' };
  return undefined;
}

export const copyBeforeDependencyInstall: DockerfileRule = {
  meta: {
    id: 'copy-before-dependency-install',
    defaultSeverity: 'info',
    category: 'layers',
    summary: 'The whole build context is copied before the dependencies are installed.',
    why: 'The builder reuses a layer only while everything before it is unchanged. With `COPY . .` ahead of `npm ci` (or `pip install -r`, `go mod download`, `bundle install`...), every edit to any source file invalidates the copy and re-runs the whole dependency install. Copy the manifest and lock files first, install, then copy the rest: source edits then reuse the installed dependencies. Every stage is checked: builder stages are where dependency installs usually run.',
    example: 'COPY . .\nRUN npm ci --omit=dev',
    useInstead: 'COPY package.json package-lock.json ./\nRUN npm ci --omit=dev\nCOPY . .',
    fixSafety: 'unsafe',
    equivalents: [],
  },
  check({ model, context, report }) {
    // Unlike the other layer rules this one is about build time, not what ships, so builder
    // stages count (they are where most dependency installs happen).
    for (const stage of model.stages) checkStage(model, stage, context, report);
  },
};

function checkStage(model: DockerfileModel, stage: Stage, context: BuildContext | undefined, report: DockerfileRuleContext['report']): void {
  const copies = localCopySources(model, stage).filter((source) => isWholeContext(source.path));
  const firstCopy: CopySource | undefined = copies[0];
  if (!firstCopy) return;
  const copyLine = firstCopy.instruction.getRange().start.line;
  const installedBefore = new Set<string>();
  const related: RelatedInformation[] = [];
  const manifests: string[] = [];
  for (const { description, script } of runCommands(model, [stage])) {
    const install = description && dependencyInstall(description);
    if (!install) continue;
    if (script.run.instruction.getRange().start.line < copyLine) installedBefore.add(install.tool);
    else if (!installedBefore.has(install.tool)) {
      related.push({ range: wordRange(script, installWord(description)), message: 'the dependency install this copy invalidates' });
      if (!manifests.includes(install.manifests)) manifests.push(install.manifests);
    }
  }
  if (related.length === 0) return;
  report({
    range: firstCopy.range,
    message: `The whole context is copied before the dependencies are installed, so any source change re-runs the install. Copy ${manifests.join(', ')} first, install, then copy the rest.`,
    related,
    fixes: [manifestsFirstFix(model, stage, context)].filter((fix) => fix !== undefined),
  });
}
