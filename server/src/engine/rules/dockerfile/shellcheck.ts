import type { Env, Instruction, Run } from '../../dockerfile/syntax';
import { execFormArguments, argumentsText, isWindowsStage, shellAt, type DockerfileModel, type Stage } from '../../dockerfile/model';
import { instructionScript } from '../../dockerfile/run-scripts';
import { PLATFORM_ARGS } from '../../dockerfile/scopes';
import { shellSource, type ShellSource } from '../../dockerfile/shell-source';
import { expandVariables } from '../../dockerfile/variables';
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

// What BuildKit's platform arguments look like: single words, never a space or a glob character.
const PLATFORM_SHAPES: Record<string, string> = { PLATFORM: 'linux/amd64', OS: 'linux', ARCH: 'amd64', VARIANT: 'v8' };

/**
 * The ARG and ENV variables in force at a RUN, as BuildKit hands them to its shell: the value
 * when the Dockerfile fixes it (an ENV, an ARG default, a platform argument), undefined when
 * only the build knows it (an ARG without default).
 */
function variablesAt(model: DockerfileModel, stage: Stage, run: Instruction): Map<string, string | undefined> {
  const chain: Stage[] = [];
  for (let current: Stage | undefined = stage; current; current = current.base.stage) chain.unshift(current);
  const known = new Map<string, string | undefined>();
  for (const current of chain) {
    for (const instruction of current.instructions) {
      if (instruction === run) return known;
      const keyword = instruction.getKeyword();
      if (keyword !== 'ARG' && keyword !== 'ENV') continue;
      for (const property of (instruction as Env).getProperties()) {
        const name = property.getName();
        const written = property.getValue();
        if (written === null || written === undefined) {
          // `ARG NAME` takes the global default, or a platform argument's value, or the build's.
          const platform = PLATFORM_ARGS.includes(name) ? PLATFORM_SHAPES[name.replace(/^(TARGET|BUILD)/, '')] : undefined;
          known.set(name, keyword === 'ARG' ? (model.globalArgs.get(name) ?? platform) : '');
        } else {
          const expansion = expandVariables(written, (other) => known.get(other), model.escapeChar);
          known.set(name, expansion.unresolved.length === 0 ? expansion.value : undefined);
        }
      }
    }
  }
  return known;
}

/**
 * Lines put before the script so that ShellCheck knows what the Dockerfile defines: `NAME='value'`
 * for a fixed value (a constant without spaces is not worth quoting, and `UID` is a build
 * argument, not bash's), `read -r NAME` for one only the build knows (quoting still matters).
 */
function declarations(variables: Map<string, string | undefined>): string[] {
  return [...variables]
    .filter(([name]) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    .map(([name, value]) => (value === undefined ? `read -r ${name}` : `${name}='${value.replace(/'/g, `'\\''`)}'`));
}

/** Programs that run the heredoc they are given as a script in their own language. */
const SCRIPT_INTERPRETER = /^(?:perl|python[0-9.]*|ruby|node|nodejs|php[0-9.]*|lua[0-9.]*|Rscript|tclsh|pwsh|deno|bun)$/;

/**
 * The script with the bodies of heredocs fed to another interpreter (`perl - <<PL`, `python3 <<EOF`)
 * blanked, line breaks kept: they are Perl or Python, and ShellCheck would read them as shell.
 */
function withoutForeignHeredocs(model: DockerfileModel, stage: Stage, run: Instruction, text: string): string {
  const script = instructionScript(model, stage, run);
  if (!script || script.shell.commands.length === 0) return text;
  let blanked = text;
  for (const { command, description } of script.commands) {
    if (!description || !SCRIPT_INTERPRETER.test(description.tool)) continue;
    for (const { heredoc } of command.redirections) {
      if (!heredoc || blanked.slice(heredoc.bodyStart, heredoc.bodyStart + heredoc.body.length) !== heredoc.body) continue;
      blanked = blanked.slice(0, heredoc.bodyStart) + heredoc.body.replace(/[^\n]/g, ' ') + blanked.slice(heredoc.bodyStart + heredoc.body.length);
    }
  }
  return blanked;
}

interface Job {
  source: ShellSource;
  request: ShellcheckRequest;
  /** The script's line before which the declarations stand (after a shebang and leading comments), and how many there are. */
  declaredAt: number;
  declared: number;
}

function jobsOf(model: DockerfileModel, stage: Stage): Job[] {
  const jobs: Job[] = [];
  for (const instruction of stage.instructions) {
    if (instruction.getKeyword() !== 'RUN' || execFormArguments(argumentsText(model, instruction))) continue;
    const dialect = dialectOf(shellAt(model, stage, instruction.getRange().start.line));
    const source = shellSource(model, instruction as Run);
    if (!dialect || !source || !source.text.trim()) continue;
    const lines = withoutForeignHeredocs(model, stage, instruction, source.text).split('\n');
    // A shebang and `# shellcheck` directives before the first command must stay first.
    let declaredAt = 0;
    while (declaredAt < lines.length - 1 && /^\s*(#|$)/.test(lines[declaredAt])) declaredAt++;
    const declared = declarations(variablesAt(model, stage, instruction));
    lines.splice(declaredAt, 0, ...declared);
    jobs.push({ source, request: { script: lines.join('\n'), dialect }, declaredAt, declared: declared.length });
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
      const lines = new LineIndex(job.source.text);
      // ShellCheck's line numbers count the declarations; the script's own lines do not.
      const scriptLine = (line: number) => (line > job.declaredAt + job.declared ? line - job.declared : line);
      for (const comment of answers[index] ?? []) {
        if (NOT_FOR_DOCKERFILES.has(comment.code)) continue;
        if (comment.line > job.declaredAt && comment.line <= job.declaredAt + job.declared) continue;
        report({
          range: job.source.rangeOf(scriptOffset(lines, scriptLine(comment.line), comment.column), scriptOffset(lines, scriptLine(comment.endLine), comment.endColumn)),
          message: `SC${comment.code} (${comment.level}): ${comment.message}`,
        });
      }
    });
  },
};
