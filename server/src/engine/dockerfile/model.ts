import { LineIndex } from '../text/document';
import { parseDockerfile, type Dockerfile, type From, type Instruction } from './syntax';
import type { Range } from '../types';
import { imageFacts, SCRATCH_FACTS, type ImageFacts } from '../images/known-images';
import { parseImageReference, type ImageReference } from '../images/reference';
import { expandVariables } from './variables';

/** What a stage's FROM points at once build arguments are substituted. */
export interface BaseImage {
  /** The image text as written, e.g. "${BASE}". */
  written: string;
  writtenRange: Range;
  /** After substituting ARG defaults; undefined when a variable has no value. */
  resolved?: string;
  reference?: ImageReference;
  /** The earlier stage this FROM builds on, when it names one. */
  stage?: Stage;
  isScratch: boolean;
  facts: ImageFacts;
}

export interface Stage {
  index: number;
  /** The name after AS, as written. */
  name?: string;
  from: From;
  base: BaseImage;
  /** Instructions after FROM up to the next FROM. */
  instructions: Instruction[];
  shipped: boolean;
}

export interface DockerfileModel {
  text: string;
  lines: LineIndex;
  ast: Dockerfile;
  escapeChar: string;
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Map<string, string | undefined>;
  stages: Stage[];
  shippedStage?: Stage;
}

export interface ModelOptions {
  /** Stage that ships, by name or 0-based index; the last stage otherwise. */
  shippedStage?: string;
}

export function buildDockerfileModel(text: string, options: ModelOptions = {}): DockerfileModel {
  const lines = new LineIndex(text);
  const ast = parseDockerfile(text, lines);
  const escapeChar = ast.getEscapeCharacter();
  const globalArgs = new Map<string, string | undefined>();
  for (const arg of ast.getInitialARGs()) {
    const property = arg.getProperty();
    const value = property?.getValue();
    // A default may use the ARGs declared before it (`ARG IMAGE=${REGISTRY}/app`); BuildKit expands them.
    if (property?.getName()) globalArgs.set(property.getName(), value == null ? undefined : expandVariables(value, (name) => globalArgs.get(name), escapeChar).value);
  }

  const stages: Stage[] = [];
  let current: Stage | undefined;
  for (const instruction of ast.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From;
      current = {
        index: stages.length,
        name: from.getBuildStage() ?? undefined,
        from,
        base: resolveBase(from, globalArgs, stages, escapeChar),
        instructions: [],
        shipped: false,
      };
      stages.push(current);
    } else if (current) {
      current.instructions.push(instruction);
    }
  }

  const shippedStage = findShippedStage(stages, options.shippedStage);
  if (shippedStage) shippedStage.shipped = true;
  return { text, lines, ast, escapeChar, globalArgs, stages, shippedStage };
}

function findShippedStage(stages: Stage[], configured: string | undefined): Stage | undefined {
  if (configured !== undefined && configured !== '') {
    const byName = stages.find((stage) => stage.name?.toLowerCase() === configured.toLowerCase());
    if (byName) return byName;
    if (/^\d+$/.test(configured)) return stages[Number(configured)] ?? stages[stages.length - 1];
  }
  return stages[stages.length - 1];
}

function resolveBase(from: From, globalArgs: Map<string, string | undefined>, earlier: Stage[], escapeChar: string): BaseImage {
  const written = from.getImage() ?? '';
  const writtenRange = from.getImageRange() ?? from.getRange();
  const expansion = expandVariables(written, (name) => globalArgs.get(name), escapeChar);
  const resolved = expansion.unresolved.length === 0 && expansion.value !== '' ? expansion.value : undefined;
  if (resolved === undefined) return { written, writtenRange, isScratch: false, facts: imageFacts({ repository: '' }) };
  if (resolved.toLowerCase() === 'scratch') return { written, writtenRange, resolved, isScratch: true, facts: SCRATCH_FACTS };
  // Stage names are case-insensitive in BuildKit.
  const stage = earlier.find((candidate) => candidate.name?.toLowerCase() === resolved.toLowerCase());
  if (stage) return { written, writtenRange, resolved, stage, isScratch: stage.base.isScratch, facts: stage.base.facts };
  const reference = parseImageReference(resolved);
  return { written, writtenRange, resolved, reference, isScratch: false, facts: imageFacts(reference) };
}

/** The image a stage ultimately builds on, following stage-to-stage FROMs. */
export function rootBase(stage: Stage): BaseImage {
  let base = stage.base;
  while (base.stage) base = base.stage.base;
  return base;
}

/** Whether an instruction's arguments are a valid JSON array of strings (exec form). */
export function execFormArguments(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed as string[];
  } catch {
    // Docker runs an unparsable array in shell form, and so do we.
  }
  return undefined;
}

export function argumentsText(model: DockerfileModel, instruction: Instruction): string {
  const range = instruction.getArgumentsRange();
  return range ? model.lines.textOf(range) : '';
}

const DEFAULT_SHELL = ['/bin/sh', '-c'];

const shellsByStage = new WeakMap<Stage, { line: number; shell: string[] }[]>();

/** The stage's own valid SHELL instructions, in order, read once per stage. */
function stageShells(model: DockerfileModel, stage: Stage): { line: number; shell: string[] }[] {
  let shells = shellsByStage.get(stage);
  if (!shells) {
    shells = stage.instructions
      .filter((instruction) => instruction.getKeyword() === 'SHELL')
      .map((instruction) => ({ line: instruction.getRange().start.line, shell: execFormArguments(argumentsText(model, instruction)) ?? [] }))
      .filter((entry) => entry.shell.length > 0);
    shellsByStage.set(stage, shells);
  }
  return shells;
}

/** The shell a shell-form instruction at `line` runs under: the latest SHELL of the stage or its parents. */
export function shellAt(model: DockerfileModel, stage: Stage, line: number): string[] {
  for (let current: Stage | undefined = stage; current; current = current.base.stage) {
    const before = stageShells(model, current).filter((entry) => entry.line < line);
    if (before.length > 0) return before[before.length - 1].shell;
  }
  return DEFAULT_SHELL;
}

/** Whether the stage builds on a Windows image, where Linux conventions do not apply. */
export function isWindowsStage(model: DockerfileModel, stage: Stage): boolean {
  return model.escapeChar === '`' || rootBase(stage).facts.family === 'windows';
}

export interface JsonString {
  value: string;
  /** Range of the string literal, quotes included. */
  range: Range;
}

/**
 * The strings of an exec-form array with their exact ranges. (dockerfile-ast's own JSON
 * strings drop the spaces inside values, so we scan the text ourselves.)
 */
export function execFormStrings(model: DockerfileModel, instruction: Instruction): JsonString[] | undefined {
  const range = instruction.getArgumentsRange();
  if (!range || !execFormArguments(model.lines.textOf(range))) return undefined;
  const start = model.lines.offsetAt(range.start);
  const end = model.lines.offsetAt(range.end);
  const strings: JsonString[] = [];
  for (let i = start; i < end; i++) {
    if (model.text[i] !== '"') continue;
    let j = i + 1;
    while (j < end && model.text[j] !== '"') j += model.text[j] === '\\' ? 2 : 1;
    strings.push({ value: JSON.parse(model.text.slice(i, j + 1)) as string, range: { start: model.lines.positionAt(i), end: model.lines.positionAt(j + 1) } });
    i = j;
  }
  return strings;
}
