import { candidatePaths, contextPathOf, workdirAt } from '../../dockerfile/image-files';
import { instructionScript } from '../../dockerfile/run-scripts';
import { finalCommandWithoutExec, POSIX_SHELLS } from '../../dockerfile/shell-wrapper';
import { parseShell, type ShellWord } from '../../shell';
import { LineIndex } from '../../text/document';
import type { DockerfileRule } from '../rule';


export const entrypointScriptWithoutExec: DockerfileRule = {
  meta: {
    id: 'entrypoint-script-without-exec',
    defaultSeverity: 'warning',
    category: 'process',
    summary: 'The entrypoint script starts the app without `exec`.',
    why: 'The script\'s shell stays PID 1 with the app as its child. It does not forward SIGTERM, so `docker stop` and Kubernetes wait out the grace period and kill the app mid-request. Ending the script with `exec "$@"` or `exec node server.js` makes the app PID 1.',
    example: '#!/bin/sh\n# docker-entrypoint.sh\n./migrate\nnode server.js',
    useInstead: '#!/bin/sh\n./migrate\nexec node server.js',
    // The edit lands in the script, a file the person may not have open: never applied on save.
    fixSafety: 'unsafe',
    equivalents: [],
  },
  check({ model, context, report }) {
    if (!context?.readFile) return;
    for (const stage of model.stages) {
      // The ENTRYPOINT runs when there is one; CMD only becomes its arguments then.
      const instruction = ['ENTRYPOINT', 'CMD'].map((keyword) => stage.instructions.filter((candidate) => candidate.getKeyword() === keyword).pop()).find(Boolean);
      const script = instruction && instructionScript(model, stage, instruction);
      const command = script?.commands.length === 1 ? script.commands[0].command : undefined;
      if (!script || !instruction || !command?.program) continue;
      const [program, ...rest] = command.words;
      // `sh entrypoint.sh` runs the script named after the shell's options.
      const scriptWord: ShellWord | undefined = POSIX_SHELLS.has(command.program.name ?? '') ? rest.find((word) => !(word.value ?? '-').startsWith('-')) : program;
      if (!scriptWord?.value || (POSIX_SHELLS.has(command.program.name ?? '') && rest.some((word) => word.value === '-c'))) continue;
      const workdir = workdirAt(model, stage, instruction);
      const contextPath = candidatePaths(scriptWord.value, workdir).map((path) => contextPathOf(model, stage, path)).find((path) => path !== undefined);
      const text = contextPath === undefined ? undefined : context.readFile(contextPath);
      if (contextPath === undefined || text === undefined || !isShellScript(text, contextPath)) continue;
      const final = finalCommandWithoutExec(parseShell(text));
      if (!final) continue;
      const name = final.program.name;
      const lines = new LineIndex(text);
      const finalRange = { start: lines.positionAt(final.start), end: lines.positionAt(final.end) };
      const at = finalRange.start;
      report({
        range: script.wordRange(scriptWord),
        message: `\`${contextPath}\` starts \`${name}\` on line ${finalRange.start.line + 1} without \`exec\`: the script's shell stays PID 1 and does not forward SIGTERM.`,
        related: [{ file: contextPath, range: finalRange, message: `add \`exec\` before \`${name}\`` }],
        fixes: [{ title: `Add exec before ${name} in ${contextPath}`, safety: 'unsafe', isPreferred: true, edits: [{ file: contextPath, range: { start: at, end: at }, newText: 'exec ' }] }],
      });
    }
  },
};

function isShellScript(text: string, path: string): boolean {
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
  if (!shebang) return path.endsWith('.sh');
  const interpreter = (shebang[1].endsWith('/env') ? shebang[2] ?? '' : shebang[1]).split('/').pop() ?? '';
  return POSIX_SHELLS.has(interpreter);
}
