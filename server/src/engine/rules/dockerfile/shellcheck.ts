import type { Run } from 'dockerfile-ast';
import { execFormArguments, argumentsText, isWindowsStage, shellAt, type DockerfileModel, type Stage } from '../../dockerfile/model';
import { shellSource, type ShellSource } from '../../dockerfile/shell-source';
import { LineIndex } from '../../text/document';
import type { ShellcheckRequest } from '../../types';
import type { DockerfileRule } from '../rule';

/**
 * Checks that are wrong for a RUN body: its variables come from ARG and ENV outside the
 * script, and sourced files live in the image, not next to the Dockerfile.
 */
const NOT_FOR_DOCKERFILES = new Set([1090, 1091, 2154, 2034]);

function dialectOf(shell: readonly string[]): ShellcheckRequest['dialect'] | undefined {
  const name = shell[0]?.split('/').pop() ?? '';
  if (name === 'bash' || name === 'dash' || name === 'ksh') return name;
  if (name === 'sh' || name === 'ash') return 'sh';
  return undefined;
}

function scriptOffset(lines: LineIndex, line: number, column: number): number {
  const index = Math.min(Math.max(line - 1, 0), lines.lineCount - 1);
  // json1 columns count every character, a tab included, as one.
  return lines.offsetAt({ line: index, character: column - 1 });
}

interface Job {
  source: ShellSource;
  request: ShellcheckRequest;
}

function jobsOf(model: DockerfileModel, stage: Stage): Job[] {
  const jobs: Job[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.getKeyword() !== 'RUN' || execFormArguments(argumentsText(model, instruction))) continue;
    const dialect = dialectOf(shellAt(model, stage, instruction.getRange().start.line));
    const source = shellSource(model, instruction as Run);
    if (dialect && source && source.text.trim()) jobs.push({ source, request: { script: source.text, dialect } });
  }
  return jobs;
}

export const shellcheck: DockerfileRule = {
  meta: {
    id: 'shellcheck',
    defaultSeverity: 'info',
    category: 'correctness',
    summary: 'ShellCheck findings in shell-form RUN instructions (when `shellcheck` is installed).',
    why: 'A RUN body is a shell script, with the script\'s pitfalls: unquoted variables, `cd` without a check, useless pipes. ShellCheck knows them all; Shipshape runs it on every RUN with the dialect of the stage\'s shell and puts each finding on the exact word. Its SC code is in the message, and `# shellcheck disable=SCxxxx` works inside heredoc bodies.',
    example: 'RUN tar -xzf $ARCHIVE -C /opt',
    useInstead: 'RUN tar -xzf "$ARCHIVE" -C /opt',
    fixSafety: 'none',
    equivalents: ['hadolint SC rules'],
  },
  check({ model, services, report }) {
    if (!services.shellcheck) return;
    const jobs = model.stages.filter((stage) => !isWindowsStage(model, stage)).flatMap((stage) => jobsOf(model, stage));
    if (jobs.length === 0) return;
    const answers = services.shellcheck(jobs.map((job) => job.request));
    jobs.forEach((job, index) => {
      const lines = new LineIndex(job.request.script);
      for (const comment of answers[index] ?? []) {
        if (NOT_FOR_DOCKERFILES.has(comment.code)) continue;
        report({
          range: job.source.rangeOf(scriptOffset(lines, comment.line, comment.column), scriptOffset(lines, comment.endLine, comment.endColumn)),
          message: `SC${comment.code} (${comment.level}): ${comment.message}`,
        });
      }
    });
  },
};
