import { isWindowsStage } from '../../dockerfile/model';
import { POSIX_SHELLS } from '../../dockerfile/shell-wrapper';
import type { CommandDescription, ShellWord } from '../../shell';
import type { DockerfileRule } from '../rule';
import { pipelines } from './support/pipelines';
import { shellInvocation, stageRunScripts, type RunCommand, type RunScript } from './support/run-commands';

/** Interpreters that run a script read from standard input, and the options that give them code another way. */
const INTERPRETERS = new Map<string, string[]>([
  ['python', ['-c', '-m']],
  ['perl', ['-e', '-E']],
  ['ruby', ['-e']],
  ['node', ['-e', '-p', '--eval', '--print']],
  ['php', ['-r']],
]);

/** curl and wget writing what they download to standard output. */
function downloader(description: CommandDescription | undefined): string | undefined {
  if (description?.tool === 'curl') {
    const output = description.flags.get('-o');
    return description.flags.has('-O') || (output && output.value !== '-') ? undefined : 'curl';
  }
  if (description?.tool === 'wget') return description.flags.get('-O')?.value === '-' ? 'wget' : undefined;
  return undefined;
}

/** Whether the command runs the script it reads on standard input. */
function runsStandardInput({ command, description }: RunCommand): boolean {
  if (!description) return false;
  if (POSIX_SHELLS.has(description.tool)) {
    const { inline, file } = shellInvocation(command, description);
    return !inline && !file;
  }
  const codeOptions = INTERPRETERS.get(description.tool);
  if (!codeOptions || codeOptions.some((option) => description.flags.has(option))) return false;
  return description.operands.length === 0 || description.operands[0].value === '-';
}

/** The word holding the code an interpreter runs: `sh -c "…"`, `bash <(…)`, `eval "…"`, `source <(…)`, `python -c "…"`. */
function codeWords({ command, description }: RunCommand): ShellWord[] {
  if (!description) return [];
  if (POSIX_SHELLS.has(description.tool)) {
    const { inline, file } = shellInvocation(command, description);
    return inline ? [inline] : file ? [file] : [];
  }
  if (description.tool === 'eval') return description.operands;
  if (description.tool === 'source' || description.tool === '.') return description.operands.slice(0, 1);
  const options = INTERPRETERS.get(description.tool);
  if (!options) return [];
  const code = options.map((option) => description.flags.get(option)?.valueWord).find((word) => word !== undefined);
  return code ? [code] : description.operands.slice(0, 1);
}

/** `"$(…)"`, `` `…` `` or `<(…)`: the whole word is what a substitution prints. */
const WHOLE_SUBSTITUTION = /^"?(?:\$\(|<\(|`)[\s\S]*(?:\)|`)"?$/;

/** An interpreter running what curl or wget downloads, and that tool. */
function* remoteCode(script: RunScript): Generator<{ interpreter: RunCommand; tool: string }> {
  for (const pipeline of pipelines(script)) {
    const source = pipeline.findIndex((element) => downloader(element?.description));
    const tool = downloader(pipeline[source]?.description);
    const interpreter = pipeline.slice(source + 1).find((element) => element && runsStandardInput(element));
    if (tool && interpreter) yield { interpreter, tool };
  }
  for (const interpreter of script.commands) {
    for (const word of codeWords(interpreter)) {
      if (!WHOLE_SUBSTITUTION.test(word.raw)) continue;
      const tool = script.commands.map((other) => other.command.start >= word.start && other.command.end <= word.end && downloader(other.description)).find(Boolean);
      if (tool) yield { interpreter, tool };
    }
  }
}

export const curlPipeShell: DockerfileRule = {
  meta: {
    id: 'curl-pipe-shell',
    defaultSeverity: 'warning',
    category: 'security',
    summary: 'A downloaded script is run without being verified (`curl … | sh`, `sh -c "$(curl …)"`, `bash <(curl …)`).',
    why: 'Whatever the URL serves at build time runs with the build\'s rights: a compromised server, CDN or account, or a changed script, ends up in the image without anyone seeing it, and the next build may run something else. A download that is cut off half-way can even run a truncated script. Download to a file, check its checksum or signature, then run it.',
    example: 'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/install.sh | sh',
    useInstead:
      'FROM debian:bookworm-slim\nARG INSTALL_SHA256=<checksum published by the vendor>\nRUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \\\n && echo "$INSTALL_SHA256  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh && rm /tmp/install.sh',
    fixSafety: 'none',
    equivalents: [],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (isWindowsStage(model, stage)) continue;
      for (const script of stageRunScripts(model, stage)) {
        for (const { interpreter, tool } of remoteCode(script)) {
          const { command, description } = interpreter;
          const program = description?.program ?? command.words[0];
          // `sudo bash` as written, wrappers included.
          const range = script.rangeOf(command.words[0].start, program.end);
          report({ range, message: `What \`${tool}\` downloads is run by \`${description?.tool}\` without any check; download it to a file and verify its checksum or signature first.` });
        }
      }
    }
  },
};
