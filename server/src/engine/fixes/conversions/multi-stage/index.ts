/**
 * Convert to Multi-Stage Distroless Build: the single stage becomes the builder (named, so
 * the new stage can copy from it) and a distroless stage suited to the language ships the
 * app. Instructions that only matter at run time (CMD, ENTRYPOINT, EXPOSE, LABEL, VOLUME,
 * STOPSIGNAL, HEALTHCHECK) move to the new stage; run-time ENV is repeated there. Every other
 * byte of the file stays as it was.
 */
import type { Env, Instruction } from '../../../dockerfile/syntax';
import { workdirAt } from '../../../dockerfile/image-files';
import { argumentsText, execFormArguments, isWindowsStage, type DockerfileModel, type Stage } from '../../../dockerfile/model';
import { effectiveToday, isEndOfLife } from '../../../images/end-of-life';
import { versionedParts } from '../../../images/image-versions';
import { parseImageReference } from '../../../images/reference';
import type { TextEdit } from '../../../types';
import { formatJsonArray } from '../../exec-form';
import { noConversion, type Conversion, type ConversionInput, type ConversionResult } from '../conversion';
import { insertLines, instructionText, moveToEnd } from '../line-edits';
import { stageStack } from '../stack';
import { appCommand } from './app-command';
import { runtimePlan, type RuntimePlan } from './runtime';

export const BUILDER_NAME = 'build';

const MOVED = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'LABEL', 'VOLUME', 'STOPSIGNAL', 'HEALTHCHECK']);
/** Variables for the build only: toolchain settings, versions of what the base installed, PATH of the builder's tools. */
const BUILD_ONLY_ENV = /^(PATH|DEBIAN_FRONTEND|CGO_ENABLED|GO[A-Z0-9_]*|JAVA_HOME|VIRTUAL_ENV|(MAVEN|GRADLE|PIP|POETRY|UV|NPM_CONFIG|YARN|PNPM|CARGO|RUSTUP)_[A-Z0-9_]*|[A-Z0-9_]*_VERSION)$/i;
/** Secrets belong in the runtime environment, not in another image layer. */
const SECRET_ENV = /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

/** The builder's run-time ENV as `NAME=value`; values built from other variables stay behind with them. */
function runtimeEnv(model: DockerfileModel, stage: Stage): string[] {
  const env: string[] = [];
  for (const instruction of stage.instructions.filter((candidate) => candidate.getKeyword() === 'ENV')) {
    for (const property of (instruction as Env).getProperties()) {
      const name = property.getName();
      const valueRange = property.getValueRange();
      const raw = valueRange ? model.lines.textOf(valueRange) : '';
      if (!name || BUILD_ONLY_ENV.test(name) || SECRET_ENV.test(name) || raw.includes('$')) continue;
      // The legacy `ENV NAME value with spaces` form needs quotes as NAME=value.
      const value = property.getAssignmentOperator() === null && /\s/.test(raw) ? JSON.stringify(raw) : raw;
      env.push(`${name}=${value}`);
    }
  }
  return env;
}

/** A HEALTHCHECK whose test needs a shell cannot run on distroless; NONE and exec form can. */
function healthcheckMovable(model: DockerfileModel, instruction: Instruction): boolean {
  const text = argumentsText(model, instruction);
  const command = /(?:^|\s)CMD\s+([\s\S]*)$/i.exec(text)?.[1];
  return /^\s*NONE\s*$/i.test(text) || (command !== undefined && execFormArguments(command) !== undefined);
}

function finalStage(plan: RuntimePlan, moved: readonly string[], env: readonly string[], workdir: string, builder: string): string[] {
  const names = new Set(plan.env.map((assignment) => assignment.split('=')[0]));
  const allEnv = [...env.filter((assignment) => !names.has(assignment.split('=')[0])), ...plan.env];
  const commands = moved.filter((text) => /^\s*(CMD|ENTRYPOINT)\b/i.test(text) === false);
  return [
    '',
    `FROM ${plan.image}`,
    ...commands.filter((text) => /^\s*LABEL\b/i.test(text)),
    ...(allEnv.length > 0 ? [`ENV ${allEnv.join(' ')}`] : []),
    ...(workdir !== '/' ? [`WORKDIR ${workdir}`] : []),
    ...plan.copies.map((path) => `COPY --from=${builder} ${path} ${path}`),
    ...(plan.user ? [`USER ${plan.user}`] : []),
    ...commands.filter((text) => !/^\s*LABEL\b/i.test(text)),
    ...(plan.entrypoint ? [`ENTRYPOINT ${formatJsonArray(plan.entrypoint)}`] : []),
    ...(plan.cmd ? [`CMD ${formatJsonArray(plan.cmd)}`] : []),
  ];
}

function convert({ model, config, context }: ConversionInput): ConversionResult {
  const [stage, ...more] = model.stages;
  if (!stage) return noConversion('the file has no FROM');
  if (more.length > 0) return noConversion('the Dockerfile is multi-stage already');
  if (isWindowsStage(model, stage)) return noConversion('distroless images are Linux images');
  const family = stage.base.facts.family;
  if (family !== 'other') return noConversion(`it already builds on a ${family} image`);
  const command = appCommand(model, stage);
  if (typeof command === 'string') return noConversion(command);
  const workdir = workdirAt(model, stage);
  const plan = runtimePlan({ model, stage, context, command, workdir }, stageStack(model, stage));
  if (typeof plan === 'string') return noConversion(plan);
  // The runtime follows the builder's release line: a line past its end of life would ship twice.
  const today = effectiveToday(config?.today);
  if (versionedParts(parseImageReference(plan.image)).some((part) => isEndOfLife(part.line, today))) return noConversion(`\`${plan.image}\` is past its end of life: move the build to a supported line first`);
  const moved = stage.instructions.filter((instruction) => MOVED.has(instruction.getKeyword()));
  if (moved.some((instruction) => instruction.getKeyword() === 'HEALTHCHECK' && !healthcheckMovable(model, instruction))) {
    return noConversion('its HEALTHCHECK runs through a shell, which distroless images do not have');
  }

  const builder = stage.name ?? BUILDER_NAME;
  const fromEnd = stage.from.getRange().end;
  const edits: TextEdit[] = [];
  if (!stage.name) edits.push({ range: { start: fromEnd, end: fromEnd }, newText: ` AS ${BUILDER_NAME}` });
  if (plan.builderSetup.length > 0) edits.push(insertLines(model, fromEnd.line + 1, plan.builderSetup));
  const tail = [...plan.builderFinish, ...finalStage(plan, moved.map((instruction) => instructionText(model, instruction)), runtimeEnv(model, stage), workdir, builder)];
  edits.push(...moveToEnd(model, moved, tail));
  return { fix: { title: 'Convert to a multi-stage distroless build', edits, safety: 'unsafe', isPreferred: true } };
}

export const multiStageConversion: Conversion = {
  id: 'convertToMultiStage',
  title: 'Convert to Multi-Stage Distroless Build',
  convert,
};
