/**
 * The RUNs rules walk and what surrounds them: the stages whose layers ship, each RUN's
 * commands in the order they run, the variables and settings in force, what the image runs.
 */
import type { Instruction, Run } from '../../../dockerfile/syntax';
import { isWindowsStage, type DockerfileModel, type Stage } from '../../../dockerfile/model';
import { instructionScript } from '../../../dockerfile/run-scripts';
import { namesInScope } from '../../../dockerfile/scopes';
import type { EditableScript } from '../../../fixes/append-command';
import type { ShellWord } from '../../../shell';
import type { Range } from '../../../types';
import { stageRunScripts, type RunCommand, type RunScript } from './run-commands';

/** A stage and the stages it is built `FROM`, parents first: their layers are all in its image. */
export function stageChain(stage: Stage | undefined): Stage[] {
  const chain: Stage[] = [];
  for (let current = stage; current; current = current.base.stage) chain.unshift(current);
  return chain;
}

/** The stages whose layers ship, but Windows ones. */
export function shippedStages(model: DockerfileModel): Stage[] {
  return stageChain(model.shippedStage).filter((stage) => !isWindowsStage(model, stage));
}

/** Every stage but Windows ones, where these Linux conventions do not apply. */
export function linuxStages(model: DockerfileModel): Stage[] {
  return model.stages.filter((stage) => !isWindowsStage(model, stage));
}

/** The RUN scripts of some stages, in build order. */
export function scriptsOf(model: DockerfileModel, stages: readonly Stage[]): RunScript[] {
  return stages.flatMap((stage) => stageRunScripts(model, stage));
}

/** A stage's RUN commands in the order they run, by RUN and all together: listed once, shared frozen. */
interface StageRuns {
  runs: readonly (readonly RunCommand[])[];
  commands: readonly RunCommand[];
}

const stageRuns = new WeakMap<Stage, StageRuns>();

/** The commands of each RUN of a stage that has any, in the order they run: nested scripts (`sh -c '…'`) where their shell runs. */
function runsOfStage(model: DockerfileModel, stage: Stage): StageRuns {
  let listed = stageRuns.get(stage);
  if (!listed) {
    const byRun = new Map<Instruction, RunScript[]>();
    for (const script of stageRunScripts(model, stage)) {
      const scripts = byRun.get(script.run.instruction);
      if (scripts) scripts.push(script);
      else byRun.set(script.run.instruction, [script]);
    }
    const runs: (readonly RunCommand[])[] = [];
    for (const scripts of byRun.values()) {
      const commands = scripts.length === 1 ? scripts[0].commands : Object.freeze(inDocumentOrder(model, scripts));
      if (commands.length > 0) runs.push(commands);
    }
    listed = { runs: Object.freeze(runs), commands: Object.freeze(runs.flat()) };
    stageRuns.set(stage, listed);
  }
  return listed;
}

/**
 * The commands of a RUN's scripts by where they start in the document: a nested script's
 * commands run where its shell does. (One script's commands are in that order already.)
 */
function inDocumentOrder(model: DockerfileModel, scripts: readonly RunScript[]): RunCommand[] {
  const placed = scripts.flatMap((script) => script.commands.map((command) => ({ at: model.lines.offsetAt(script.rangeOf(command.command.start, command.command.start).start), command })));
  // A stable sort keeps the parser's order among commands an exec form maps to one place.
  return placed.sort((a, b) => a.at - b.at).map(({ command }) => command);
}

/** The commands of each RUN of the stages, in build order. */
export function runsInOrder(model: DockerfileModel, stages: readonly Stage[]): readonly (readonly RunCommand[])[] {
  return stages.length === 1 ? runsOfStage(model, stages[0]).runs : stages.flatMap((stage) => runsOfStage(model, stage).runs);
}

/** The commands of the stages' RUNs, one RUN after the other. */
export function runCommands(model: DockerfileModel, stages: readonly Stage[]): readonly RunCommand[] {
  return stages.length === 1 ? runsOfStage(model, stages[0]).commands : stages.flatMap((stage) => runsOfStage(model, stage).commands);
}

/** An ARG or ENV of that name is in force at the RUN, or the command gets it some other way. */
export function variableSet(command: RunCommand, name: string, earlier: readonly RunCommand[]): boolean {
  const { run } = command.script;
  if (namesInScope(run.stage, run.instruction).has(name)) return true;
  const assigns = (word: ShellWord | undefined) => word?.value?.startsWith(`${name}=`) === true;
  if (command.command.assignments.some((assignment) => assignment.name === name)) return true;
  if (command.description?.environment.some(assigns)) return true;
  // `export NAME=…` earlier in the same RUN.
  return earlier.some((other) => other.description?.tool === 'export' && other.command.words.some(assigns));
}

const firstMentions = new WeakMap<DockerfileModel, Map<string, Map<Stage, number>>>();

/** The line of each stage's first RUN with a word matching `text`, computed once per file and pattern. */
function firstMentionLines(model: DockerfileModel, text: RegExp): Map<Stage, number> {
  const byPattern = firstMentions.get(model) ?? new Map<string, Map<Stage, number>>();
  firstMentions.set(model, byPattern);
  const key = `${text.source}/${text.flags}`;
  let lines = byPattern.get(key);
  if (!lines) {
    lines = new Map();
    for (const script of scriptsOf(model, model.stages)) {
      const { stage, instruction } = script.run;
      if (lines.has(stage) || !script.commands.some(({ command }) => command.words.some((word) => text.test(word.value ?? word.raw)))) continue;
      lines.set(stage, instruction.getRange().start.line);
    }
    byPattern.set(key, lines);
  }
  return lines;
}

/** A RUN of these stages up to `upTo` has a word matching `text`: an apt or yum setting written to a file, a gemrc. */
export function anyWordMentions(model: DockerfileModel, stages: readonly Stage[], text: RegExp, upTo: Instruction): boolean {
  const lines = firstMentionLines(model, text);
  return stages.some((stage) => (lines.get(stage) ?? Infinity) <= upTo.getRange().start.line);
}

/** A RUN script as the fix builders take it. */
export function editableScript(script: RunScript): EditableScript {
  const heredoc = (script.run.instruction as Run).getHeredocs().length > 0;
  // A script the shell cannot read (an unterminated quote) has no reliable end: an appended
  // command could land inside the quote, where fix-all would append it again on every pass.
  const readable = script.run.shell.errors.length === 0;
  return { commands: script.commands.map(({ command }) => command), rangeOf: script.rangeOf, editable: script.editable && readable, inline: script.nested || heredoc };
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'fish']);

/**
 * Words of what the shipped image runs (CMD, ENTRYPOINT, HEALTHCHECK), by basename: a tool
 * the image runs (`ENTRYPOINT ["git"]`, `CMD ["sshd", "-D"]`) is its purpose, not waste.
 * Undefined when the file sets no CMD or ENTRYPOINT, or only an interactive shell: a base,
 * toolchain or dev-container image that others build on or work in, whose tools are what it is for.
 */
export function appRuntimeWords(model: DockerfileModel): ReadonlySet<string> | undefined {
  let words = runtimeWords.get(model);
  if (words === undefined) {
    words = readRuntimeWords(model) ?? null;
    runtimeWords.set(model, words);
  }
  return words ?? undefined;
}

/** Read once per file: the build-tool and debug-tool rules both ask. */
const runtimeWords = new WeakMap<DockerfileModel, ReadonlySet<string> | null>();

function readRuntimeWords(model: DockerfileModel): Set<string> | undefined {
  const words = new Set<string>();
  let runsSomething = false;
  for (const stage of shippedStages(model)) {
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (!['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(keyword)) continue;
      const commands = instructionScript(model, stage, instruction)?.commands ?? [];
      // `CMD ["bash"]`: an interactive shell is a work environment, not an app.
      runsSomething ||= keyword !== 'HEALTHCHECK' && !commands.every(({ description }) => description && SHELLS.has(description.tool) && description.operands.length === 0);
      for (const { command } of commands) {
        for (const word of command.words) words.add((word.value ?? word.raw).replace(/^.*\//, ''));
      }
    }
  }
  return runsSomething ? words : undefined;
}

/** Items grouped by range, in order: an exec-form RUN maps all its words onto one range, which gets one finding. */
export function groupByRange<T>(items: readonly T[], rangeOf: (item: T) => Range): { range: Range; items: T[] }[] {
  const groups = new Map<string, { range: Range; items: T[] }>();
  for (const item of items) {
    const range = rangeOf(item);
    const key = JSON.stringify(range);
    const group = groups.get(key) ?? { range, items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}
