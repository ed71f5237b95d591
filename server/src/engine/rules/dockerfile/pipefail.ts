import { execFormStrings, isWindowsStage, shellAt, type DockerfileModel, type Stage } from '../../dockerfile/model';
import { POSIX_SHELLS } from '../../dockerfile/shell-wrapper';
import type { Fix, Range } from '../../types';
import type { DockerfileRule } from '../rule';
import { baseUserland } from './support/base-userland';
import { pipelines, type Pipeline } from './support/pipelines';
import { basename, stageRunScripts, type RunCommand, type RunScript } from './support/run-commands';

const PIPEFAIL_SHELL = '["/bin/bash", "-o", "pipefail", "-c"]';
/** Writers whose failure means nothing. `yes` is killed by SIGPIPE on purpose: pipefail would fail it. */
const CANNOT_FAIL = new Set(['echo', 'printf', 'true', ':', 'yes']);
/** Commands after `||` that say a failure of the pipeline is accepted. */
const ACCEPTS_FAILURE = new Set(['true', ':', 'echo', 'printf']);

/** `-o pipefail`, `-euo pipefail`, `-opipefail` among a shell's or a `set`'s words. */
function setsPipefail(words: readonly string[]): boolean {
  return words.some((word, index) => word === '-opipefail' || (word === 'pipefail' && /^-[A-Za-z]*o$/.test(words[index - 1] ?? '')));
}

/** Readers that stop early (`head`, `grep -q`): under pipefail the writer's SIGPIPE fails the pipeline. */
function closesEarly(run: RunCommand | undefined): boolean {
  const description = run?.description;
  if (description?.tool === 'head') return true;
  return description?.tool === 'grep' && ['-q', '--quiet', '--silent', '-m', '--max-count', '-l', '--files-with-matches'].some((option) => description.flags.has(option));
}

/** Verifiers fail by themselves when what reaches them is missing or cut short (`… | sha256sum -c -`). */
function failsOnMissingInput(run: RunCommand | undefined): boolean {
  const description = run?.description;
  if (!description) return false;
  if (/^(?:sha\d*|md5|b2|sm3)sum$|^shasum$/.test(description.tool)) return description.flags.has('-c') || description.flags.has('--check');
  return description.tool === 'gpgv' || (/^gpg2?$/.test(description.tool) && description.flags.has('--verify'));
}

function cannotFail(run: RunCommand | undefined): boolean {
  const description = run?.description;
  if (!run || !description) return false;
  // `cat <<EOF | …` only copies its heredoc.
  return CANNOT_FAIL.has(description.tool) || (description.tool === 'cat' && description.operands.length === 0 && run.command.redirections.some((redirection) => redirection.operator.startsWith('<<')));
}

/** Whether pipefail would change the RUN's outcome: a writer that can fail, a reader that reads to the end, no `|| true`. */
function needsPipefail(pipeline: Pipeline, script: RunScript): boolean {
  const writers = pipeline.slice(0, -1);
  if (writers.every(cannotFail) || pipeline.slice(1).some(closesEarly) || failsOnMissingInput(pipeline[pipeline.length - 1])) return false;
  // What runs next at the pipeline's depth or above: `… | tar xz || true` and `(… | tar xz) || true` accept failure.
  const end = Math.max(...pipeline.map((element) => element?.command.end ?? 0));
  const depth = Math.min(...pipeline.map((element) => element?.command.nesting.length ?? Infinity));
  const next = script.commands.find((run) => run.command.start >= end && run.command.nesting.length <= depth);
  return next?.command.before !== '||' || !ACCEPTS_FAILURE.has(next.description?.tool ?? '');
}

/** Pipelines that pipefail would break: `yes | …`, `… | head`. */
function breaksUnderPipefail(pipeline: Pipeline): boolean {
  return pipeline[0]?.description?.tool === 'yes' || pipeline.slice(1).some(closesEarly);
}

const BETWEEN = /^(?:\s|\\)*$/;

/** The first `|` of the pipeline found next to a simple command, or the first command when compound commands hide them. */
function pipeRange(model: DockerfileModel, script: RunScript, pipeline: Pipeline): Range {
  const offset = (at: number) => model.lines.offsetAt(script.rangeOf(at, at).start);
  const text = model.text;
  for (let index = 0; index + 1 < pipeline.length; index++) {
    const [left, right] = [pipeline[index], pipeline[index + 1]];
    let bar = -1;
    if (left) {
      const end = offset(left.command.end);
      bar = text.indexOf('|', end);
      if (!BETWEEN.test(text.slice(end, bar))) bar = -1;
    } else if (right) {
      const start = offset(right.command.start);
      bar = text.lastIndexOf('|', start - 1);
      if (!BETWEEN.test(text.slice(bar + 1, start).replace(/^&/, ''))) bar = -1;
    }
    if (bar >= 0) return { start: model.lines.positionAt(bar), end: model.lines.positionAt(bar + 1) };
  }
  // Every pipeline is made from at least one simple command.
  const first = pipeline.find((element) => element !== undefined) as RunCommand;
  return script.rangeOf(first.command.start, first.command.end);
}

/** The shell the RUN runs under: its exec-form array, or the SHELL in force. */
function runShell(model: DockerfileModel, stage: Stage, script: RunScript): string[] {
  const strings = script.run.execForm ? execFormStrings(model, script.run.instruction) : undefined;
  return strings ? strings.map((string) => string.value) : shellAt(model, stage, script.run.instruction.getRange().start.line);
}

function advice(stage: Stage, script: RunScript, shell: string): string {
  if (script.run.execForm) return 'add `-o pipefail` to the shell in the array';
  if (shell !== 'sh') return 'add `"-o", "pipefail"` to the SHELL instruction';
  const userland = baseUserland(stage);
  if (userland === 'alpine' || userland === 'busybox') return 'start the RUN with `set -o pipefail &&` (BusyBox ash supports it)';
  return `add \`SHELL ${PIPEFAIL_SHELL}\` before it${userland ? '' : ' (where the image has bash)'}`;
}

/** SHELL with pipefail before the stage's first such shell-form RUN, where bash is known to exist and no pipe breaks under it. */
function shellFix(model: DockerfileModel, stage: Stage, first: RunScript | undefined, scripts: RunScript[]): Fix | undefined {
  if (!first || !['debian', 'rhel'].includes(baseUserland(stage) ?? '')) return undefined;
  if (scripts.slice(scripts.indexOf(first)).some((script) => pipelines(script).some(breaksUnderPipefail))) return undefined;
  const start = first.run.instruction.getRange().start;
  const indent = model.lines.lineText(start.line).slice(0, start.character);
  const newText = `SHELL ${PIPEFAIL_SHELL}${model.lines.lineTerminator(start.line)}${indent}`;
  return { title: `Add SHELL ${PIPEFAIL_SHELL}`, safety: 'unsafe', isPreferred: true, edits: [{ range: { start, end: start }, newText }] };
}

export const pipefail: DockerfileRule = {
  meta: {
    id: 'pipefail',
    defaultSeverity: 'warning',
    category: 'correctness',
    summary: 'A RUN pipes commands without `pipefail`, so a failure before the `|` goes unnoticed.',
    why: 'A pipeline\'s status is its last command\'s: in `curl -fsSL $URL | tar -xz` a failed download still lets the RUN succeed when tar is content with what it got, and the image is built without what the step was meant to add. `-o pipefail` makes any failing command fail the pipeline. Pipes whose writers cannot fail (`echo … |`), that accept failure (`|| true`), that end in a verifier failing by itself on missing input (`| sha256sum -c -`, `| gpg --verify`), or whose reader stops early (`| head`, `| grep -q`, where pipefail would fail them) are not reported. The fix switches the stage to bash, which also changes builtins such as `echo`, so it is offered, not applied.',
    example: 'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin',
    useInstead: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin',
    fixSafety: 'unsafe',
    equivalents: ['hadolint DL4006'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (isWindowsStage(model, stage)) continue;
      // SHELL and `set -o pipefail` reach the RUN's own script, not a `bash -c` inside it.
      const scripts = stageRunScripts(model, stage).filter((script) => !script.nested);
      const found: { script: RunScript; range: Range; shell: string }[] = [];
      for (const script of scripts) {
        const shell = runShell(model, stage, script);
        if (!POSIX_SHELLS.has(basename(shell[0] ?? '')) || setsPipefail(shell)) continue;
        const pipeline = pipelines(script).find((candidate) => {
          const start = candidate.find((element) => element !== undefined)?.command.start ?? 0;
          const enabled = script.commands.some(({ command, description }) => description?.tool === 'set' && command.start < start && setsPipefail(command.words.map((word) => word.value ?? '')));
          return !enabled && needsPipefail(candidate, script);
        });
        if (pipeline) found.push({ script, range: pipeRange(model, script, pipeline), shell: basename(shell[0]) });
      }
      const fixable = found.filter(({ script, shell }) => !script.run.execForm && shell === 'sh');
      const fix = shellFix(model, stage, fixable[0]?.script, scripts);
      for (const { script, range, shell } of found) {
        report({
          range,
          message: `Without \`pipefail\` only the last command of this pipe decides whether the RUN fails; ${advice(stage, script, shell)}.`,
          fixes: fix && fixable.some((candidate) => candidate.script === script) ? [fix] : [],
        });
      }
    }
  },
};
