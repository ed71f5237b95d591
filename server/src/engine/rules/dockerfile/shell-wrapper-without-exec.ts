import { execFormStrings } from '../../dockerfile/model';
import { instructionScript } from '../../dockerfile/run-scripts';
import type { DockerfileRule } from '../rule';
import { finalCommandWithoutExec, wrappedScript } from '../../dockerfile/shell-wrapper';


export const shellWrapperWithoutExec: DockerfileRule = {
  meta: {
    id: 'shell-wrapper-without-exec',
    defaultSeverity: 'warning',
    category: 'process',
    summary: 'An exec-form `["sh", "-c", "…"]` whose last command is not started with `exec`.',
    why: 'The shell stays PID 1 and the app runs as its child. The shell does not forward SIGTERM, so the app never hears `docker stop` or a pod deletion and is killed after the grace period. `exec` replaces the shell with the app.',
    example: 'CMD ["sh", "-c", "./migrate && node server.js"]',
    useInstead: 'CMD ["sh", "-c", "./migrate && exec node server.js"]',
    fixSafety: 'safe',
    equivalents: [],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const keyword of ['CMD', 'ENTRYPOINT']) {
        const instruction = stage.instructions.filter((candidate) => candidate.getKeyword() === keyword).pop();
        const strings = instruction && execFormStrings(model, instruction);
        const script = strings && wrappedScript(strings);
        if (!script) continue;
        const parsed = instructionScript(model, stage, instruction);
        const shell = parsed?.shell;
        if (!parsed || !shell) continue;
        // A script that traps signals or waits for its children manages them itself.
        if (shell.errors.length > 0 || shell.commands.some((command) => ['trap', 'wait'].includes(command.program?.name ?? ''))) continue;
        const command = finalCommandWithoutExec(shell);
        // bash replaces itself with the one command of a `-c` script (dash does not): it is PID 1 already.
        if (!command || (strings[0].value.split('/').pop() === 'bash' && shell.commands.length === 1)) continue;
        const program = command.program.name;
        const start = command.start;
        const fixed = `${script.value.slice(0, start)}exec ${script.value.slice(start)}`;
        report({
          // On the command that needs the exec; the fix rewrites the whole JSON string.
          range: parsed.wordRange(command.words[0]),
          message: `\`${program}\` runs as a child of the shell, which stays PID 1 and does not forward SIGTERM; start it with \`exec\`.`,
          fixes: [{ title: `Add exec before ${program}`, safety: 'safe', isPreferred: true, edits: [{ range: script.range, newText: JSON.stringify(fixed) }] }],
        });
      }
    }
  },
};
