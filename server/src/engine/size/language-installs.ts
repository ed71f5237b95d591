/** Which language packages a RUN command installs (pip, npm, yarn, pnpm, gem), as the size estimate asks. */
import { isWholeContext, localCopySources } from '../context/copy-sources';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import type { RunCommand } from '../rules/dockerfile/support/run-commands';
import { stageChain } from '../rules/dockerfile/support/shipped-runs';
import type { BuildContext } from '../types';
import { npmPackageName } from './language-packages';

export interface LanguageInstall {
  tool: 'pip' | 'npm' | 'yarn' | 'pnpm' | 'gem';
  /** Named packages without versions; empty when the install reads a manifest or lock file. */
  packages: string[];
  /** What it installs when no package is named: "requirements.txt", "package.json". */
  what: string;
}

const INSTALLS: Readonly<Record<LanguageInstall['tool'], readonly string[]>> = {
  pip: ['install'],
  npm: ['install', 'ci'],
  yarn: ['install', 'add', 'global'],
  pnpm: ['install', 'add'],
  gem: ['install'],
};

/** `pip install flask==3.0`, `npm ci`, `yarn add left-pad`; undefined for anything else. */
export function languageInstallOf({ description }: RunCommand): LanguageInstall | undefined {
  if (!description || !Object.hasOwn(INSTALLS, description.tool)) return undefined;
  const tool = description.tool as LanguageInstall['tool'];
  const subcommand = description.subcommand?.name;
  // A bare `yarn` installs; every other tool names its action.
  const installs = subcommand ? INSTALLS[tool].includes(subcommand) : tool === 'yarn' && description.operands.length === 0;
  if (!installs) return undefined;
  const operands = tool === 'yarn' && subcommand === 'global' ? description.operands.slice(1) : description.operands;
  const requirements = tool === 'pip' ? description.flags.get('-r')?.value : undefined;
  const packages = operands
    .filter((word) => word.value !== undefined && !word.hasExpansion && !/^(\.{0,2}\/|~|-)|:\/\/|\.(whl|tar\.gz|tgz|zip)$/.test(word.value))
    .map((word) => packageName(tool, word.value!))
    .filter((name) => name !== '');
  const what = requirements ?? (tool === 'pip' ? 'local files' : tool === 'gem' ? 'Gemfile' : 'package.json');
  return { tool, packages, what };
}

/** `flask[async]==3.0.0` → `flask`, `@types/node@20` → `@types/node`. */
function packageName(tool: LanguageInstall['tool'], spec: string): string {
  if (tool === 'pip') return spec.split(/[\[=<>!~;@ ]/)[0].toLowerCase();
  if (tool === 'gem') return spec.split(':')[0];
  return npmPackageName(spec);
}

const NODE_TOOLS = new Set(['npm', 'yarn', 'pnpm']);

/**
 * `npm ci` and a bare `yarn` install what the project's package.json lists: read from the
 * build context when a COPY of the stage (or those it builds on) brings it in. Development
 * dependencies are left out when the install omits them.
 */
export function manifestDependencies(model: DockerfileModel, stage: Stage, install: LanguageInstall, command: RunCommand, context: BuildContext | undefined): string[] | undefined {
  if (!NODE_TOOLS.has(install.tool) || install.packages.length > 0 || !context?.readFile) return undefined;
  const sources = stageChain(stage).flatMap((member) => localCopySources(model, member)).map((source) => source.path);
  // `COPY package*.json ./` names it with a glob.
  const named = sources.find((source) => /(^|\/)package[^/]*\.json$/.test(source))?.replace(/^\.?\/+/, '').replace(/[^/]*$/, 'package.json');
  const path = named ?? (sources.some(isWholeContext) ? 'package.json' : undefined);
  const text = path && context.readFile(path);
  if (!text) return undefined;
  let manifest: { dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch {
    return undefined;
  }
  const flags = command.description?.flags;
  const omitsDev = flags?.get('--omit')?.value === 'dev' || flags?.has('--production') === true || flags?.has('--prod') === true;
  return [...Object.keys(manifest.dependencies ?? {}), ...(omitsDev ? [] : Object.keys(manifest.devDependencies ?? {}))];
}
