/**
 * Which language ecosystem a Dockerfile builds, for conversions that write stack-specific
 * text (a distroless runtime, ignore patterns, manifest files): the base image says it most
 * reliably, then the tools its RUNs call, then the manifests in the build context.
 */
import { rootBase, type DockerfileModel, type Stage } from '../../dockerfile/model';
import { runScripts } from '../../dockerfile/run-scripts';
import { officialImageName } from '../../images/image-versions';
import type { BuildContext } from '../../types';

export type Stack = 'node' | 'python' | 'go' | 'java' | 'rust' | 'ruby' | 'php' | 'dotnet';

const BY_IMAGE: Readonly<Record<string, Stack>> = {
  node: 'node',
  python: 'python',
  pypy: 'python',
  golang: 'go',
  maven: 'java',
  gradle: 'java',
  'eclipse-temurin': 'java',
  openjdk: 'java',
  'amazoncorretto': 'java',
  'ibm-semeru-runtimes': 'java',
  rust: 'rust',
  ruby: 'ruby',
  php: 'php',
  composer: 'php',
};

const BY_TOOL: Readonly<Record<string, Stack>> = {
  npm: 'node',
  yarn: 'node',
  pnpm: 'node',
  pip: 'python',
  pip3: 'python',
  poetry: 'python',
  pipenv: 'python',
  uv: 'python',
  go: 'go',
  mvn: 'java',
  mvnw: 'java',
  gradle: 'java',
  gradlew: 'java',
  cargo: 'rust',
  bundle: 'ruby',
  gem: 'ruby',
  composer: 'php',
  dotnet: 'dotnet',
};

const BY_MANIFEST: readonly [RegExp, Stack][] = [
  [/^package\.json$/, 'node'],
  [/^(requirements[^/]*\.txt|pyproject\.toml|Pipfile|setup\.py)$/, 'python'],
  [/^go\.mod$/, 'go'],
  [/^(pom\.xml|build\.gradle(\.kts)?|settings\.gradle(\.kts)?)$/, 'java'],
  [/^Cargo\.toml$/, 'rust'],
  [/^Gemfile$/, 'ruby'],
  [/^composer\.json$/, 'php'],
  [/\.(csproj|fsproj|sln)$/, 'dotnet'],
];

/** The ecosystem of one stage's image and commands. */
export function stageStack(model: DockerfileModel, stage: Stage): Stack | undefined {
  const reference = rootBase(stage).reference;
  const image = reference && officialImageName(reference);
  if (image !== undefined && Object.hasOwn(BY_IMAGE, image)) return BY_IMAGE[image];
  if (reference?.repository.includes('dotnet/sdk')) return 'dotnet';
  for (const script of runScripts(model, stage)) {
    for (const { command } of script.commands) {
      const name = command.program?.name ?? '';
      if (Object.hasOwn(BY_TOOL, name)) return BY_TOOL[name];
    }
  }
  return undefined;
}

/** The ecosystems of the whole build: every stage's, then the manifests at the context root. */
export function detectStacks(model: DockerfileModel, context?: BuildContext): Stack[] {
  const stacks = new Set<Stack>();
  for (const stage of model.stages) {
    const stack = stageStack(model, stage);
    if (stack) stacks.add(stack);
  }
  for (const path of context?.files ?? []) {
    const found = BY_MANIFEST.find(([pattern]) => pattern.test(path))?.[1];
    if (found) stacks.add(found);
  }
  return [...stacks];
}
