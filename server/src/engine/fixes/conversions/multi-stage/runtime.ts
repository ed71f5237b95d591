/**
 * What the distroless stage of each language needs: its image, what the builder must add so
 * its output can be copied (a virtualenv, a static Go build, production-only node_modules),
 * which paths to copy and how the command changes when the image starts the interpreter.
 */
import { workdirAt } from '../../../dockerfile/image-files';
import { rootBase, type DockerfileModel, type Stage } from '../../../dockerfile/model';
import { resolvePosix } from '../../../dockerfile/paths';
import { runScripts } from '../../../dockerfile/run-scripts';
import { NUMERIC_VERSION } from '../../../images/image-versions';
import { minimalAlternative } from '../../../images/minimal-images';
import type { CommandDescription } from '../../../shell';
import type { BuildContext } from '../../../types';
import { convertToExecForm } from '../../exec-form';
import type { Stack } from '../stack';
import type { AppCommand } from './app-command';

export interface RuntimePlan {
  image: string;
  /** Instructions added right after the builder's FROM, so every later step sees them. */
  builderSetup: string[];
  /** Instructions added at the end of the builder, after the build. */
  builderFinish: string[];
  /** Absolute paths copied from the builder to the same place. */
  copies: string[];
  /** `NAME=value` assignments the runtime needs. */
  env: string[];
  /** Only on images that run as root: the distroless ones are `:nonroot`. */
  user?: string;
  entrypoint?: string[];
  cmd?: string[];
}

interface PlanInput {
  model: DockerfileModel;
  stage: Stage;
  context?: BuildContext;
  command: AppCommand;
  /** The builder's working directory at its end, where the app lives. */
  workdir: string;
}

const DISTROLESS = 'gcr.io/distroless';
/** The Python of Debian 13, which its distroless python3 image runs. */
const DISTROLESS_PYTHON = '3.13';
/** Distroless Node images exist per LTS line; an unversioned builder gets the current one. */
const DEFAULT_NODE_MAJOR = '24';
const DEFAULT_JAVA_MAJOR = '21';
/** Programs that run as `python -m <name>` with the same arguments. */
const PYTHON_MODULES = new Set(['gunicorn', 'uvicorn', 'flask', 'celery', 'hypercorn', 'daphne', 'streamlit']);
const INTERPRETERS = new Set(['sh', 'bash', 'ash', 'dash', 'ruby', 'bundle', 'rails', 'rake', 'php', 'perl', 'npm', 'npx', 'yarn', 'pnpm', 'node', 'python', 'python3', 'java', 'dotnet', 'go']);

function basename(path: string): string {
  return path.split('/').pop() ?? path;
}

function descriptions(model: DockerfileModel, stage: Stage): CommandDescription[] {
  return runScripts(model, stage).flatMap((script) => script.commands.flatMap(({ description }) => (description ? [description] : [])));
}

function builderTag(stage: Stage): string {
  return rootBase(stage).reference?.tag ?? '';
}

function isAlpine(stage: Stage): boolean {
  return /(^|-)alpine/.test(builderTag(stage)) || (rootBase(stage).reference?.repository ?? '').includes('alpine');
}

function packageScripts(context: BuildContext | undefined): Record<string, unknown> {
  try {
    const scripts = (JSON.parse(context?.readFile?.('package.json') ?? '{}') as { scripts?: unknown }).scripts;
    return scripts && typeof scripts === 'object' ? (scripts as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** `node server.js` as the arguments of the image's node; `npm start` read from package.json. */
function nodeArguments(argv: readonly string[], context: BuildContext | undefined): string[] | string {
  const [program, ...rest] = argv;
  if (basename(program) === 'node') return rest;
  const script = ['npm', 'yarn', 'pnpm'].includes(program) && (rest[0] === 'start' ? 'start' : rest[0] === 'run' ? rest[1] : undefined);
  const body = script ? packageScripts(context)[script] : undefined;
  const words = typeof body === 'string' ? convertToExecForm(body) : undefined;
  if (words?.kind === 'words' && words.words[0] === 'node') return words.words.slice(1);
  return `\`${argv.join(' ')}\` is not a plain \`node\` command the distroless node image can run`;
}

function nodePlan({ model, stage, context, command, workdir }: PlanInput): RuntimePlan | string {
  if (isAlpine(stage)) return 'native modules built on Alpine (musl) would not load on a glibc distroless image';
  const args = nodeArguments(command.argv, context);
  if (typeof args === 'string') return args;
  const major = NUMERIC_VERSION.exec(builderTag(stage))?.[1].split('.')[0] ?? DEFAULT_NODE_MAJOR;
  const tools = new Set(descriptions(model, stage).map((description) => description.tool));
  // The app ships with its production dependencies only.
  const prune = tools.has('npm') ? ['RUN npm prune --omit=dev'] : tools.has('pnpm') ? ['RUN pnpm prune --prod'] : [];
  return { image: `${DISTROLESS}/nodejs${major}-debian13:nonroot`, builderSetup: [], builderFinish: prune, copies: [workdir], env: ['NODE_ENV=production'], cmd: args };
}

function pythonPlan({ stage, command, workdir }: PlanInput): RuntimePlan | string {
  if (isAlpine(stage)) return 'wheels built on Alpine (musl) would not load on a glibc distroless image';
  const line = NUMERIC_VERSION.exec(builderTag(stage))?.[1] ?? '';
  const [program, ...rest] = command.argv;
  const python = /^python[\d.]*$/.test(basename(program));
  const builderSetup = ['RUN python -m venv /venv', 'ENV VIRTUAL_ENV=/venv PATH="/venv/bin:$PATH"'];
  const copies = ['/venv', workdir];
  // Compiled wheels only load on the Python line they were built for.
  if ((line === DISTROLESS_PYTHON || line.startsWith(`${DISTROLESS_PYTHON}.`)) && (python || PYTHON_MODULES.has(program))) {
    const cmd = python ? rest : ['-m', ...command.argv];
    return { image: `${DISTROLESS}/python3-debian13:nonroot`, builderSetup, builderFinish: [], copies, env: [`PYTHONPATH=/venv/lib/python${DISTROLESS_PYTHON}/site-packages`], cmd };
  }
  const reference = rootBase(stage).reference;
  const slim = reference && minimalAlternative(reference);
  if (!slim || slim.how !== 'swap') return `no distroless or slim image runs the Python line of \`${reference?.tag ?? 'this image'}\``;
  // The same Python line, so the virtualenv's interpreter link and wheels still work.
  return { image: slim.alternative, builderSetup, builderFinish: [], copies, env: ['VIRTUAL_ENV=/venv', 'PATH="/venv/bin:$PATH"'], user: '65532:65532', entrypoint: command.entrypoint, cmd: command.cmd };
}

/** Where the built program lives: the path CMD names, or the `-o` output of the build that made it. */
function programPath(model: DockerfileModel, stage: Stage, program: string, workdir: string): string | undefined {
  if (program.includes('/')) return resolvePosix(workdir, program);
  for (const script of runScripts(model, stage)) {
    for (const { description } of script.commands) {
      const output = description?.flags.get('-o')?.value;
      if (output && basename(output) === program) return resolvePosix(workdirAt(model, stage, script.instruction), output);
      if (description?.tool === 'go' && description.subcommand?.name === 'install' && !description.flags.has('-o')) {
        if (description.operands.some((word) => basename((word.value ?? '').replace(/@.*$/, '')) === program)) return `/go/bin/${program}`;
      }
    }
  }
  return undefined;
}

/** A compiled program copied on its own: Go statically, anything else with the C runtime. */
function binaryPlan({ model, stage, command, workdir }: PlanInput, stack: Stack | undefined): RuntimePlan | string {
  const words = command.entrypoint ?? command.cmd ?? [];
  const program = words[0];
  // Only a static Go build runs anywhere; anything else linked on Alpine needs musl.
  if (stack !== 'go' && isAlpine(stage)) return 'a program built on Alpine (musl) would not run on a glibc distroless image';
  if (INTERPRETERS.has(basename(program))) return `\`${basename(program)}\` has no distroless image to run on`;
  if (/\.(sh|bash|py|rb|pl|js)$/.test(program)) return `\`${program}\` is a script, and distroless images have no interpreter for it`;
  const path = programPath(model, stage, program, workdir);
  if (!path) return `cannot tell where \`${program}\` is built; name it by its path in CMD or ENTRYPOINT`;
  const renamed = [path, ...words.slice(1)];
  const usesC = stack === 'rust' || descriptions(model, stage).some((description) => ['gcc', 'g++', 'cc', 'c++', 'make', 'cmake', 'cargo'].includes(description.tool));
  const image = stack === 'go' ? 'static' : usesC ? 'cc' : 'base';
  return {
    image: `${DISTROLESS}/${image}-debian13:nonroot`,
    // A static binary: no C library in the static image to link against.
    builderSetup: stack === 'go' ? ['ENV CGO_ENABLED=0'] : [],
    builderFinish: [],
    copies: [path],
    env: [],
    entrypoint: command.entrypoint ? renamed : undefined,
    cmd: command.entrypoint ? command.cmd : renamed,
  };
}

function javaPlan({ stage, command, workdir }: PlanInput): RuntimePlan | string {
  const [program, ...rest] = command.argv;
  if (basename(program) !== 'java') return `\`${program}\` is not a \`java\` command the distroless java image can run`;
  const tag = builderTag(stage);
  const major = /(?:temurin|openjdk|jdk|jre|corretto)-?(\d+)/.exec(tag)?.[1] ?? /^(\d+)(?=[.-]|$)/.exec(tag)?.[1] ?? DEFAULT_JAVA_MAJOR;
  const image = `${DISTROLESS}/java${major}-debian13:nonroot`;
  const jar = rest[0] === '-jar' ? rest[1] : undefined;
  // The image's entrypoint is `java -jar`: a plain jar needs only its path.
  if (jar && !/[*?[]/.test(jar)) return { image, builderSetup: [], builderFinish: [], copies: [resolvePosix(workdir, jar)], env: [], cmd: rest.slice(1) };
  if (workdir === '/') return 'set a WORKDIR for the app first, so only it is copied';
  return { image, builderSetup: [], builderFinish: [], copies: [workdir], env: [], entrypoint: ['/usr/bin/java', ...rest] };
}

export function runtimePlan(input: PlanInput, stack: Stack | undefined): RuntimePlan | string {
  const needsFolder = stack === 'node' || stack === 'python';
  if (needsFolder && input.workdir === '/') return 'set a WORKDIR for the app first, so only it is copied';
  switch (stack) {
    case 'node':
      return nodePlan(input);
    case 'python':
      return pythonPlan(input);
    case 'java':
      return javaPlan(input);
    case 'ruby':
    case 'php':
    case 'dotnet':
      return `there is no distroless image for ${stack === 'dotnet' ? '.NET' : stack === 'php' ? 'PHP' : 'Ruby'} apps`;
    default:
      return binaryPlan(input, stack);
  }
}
