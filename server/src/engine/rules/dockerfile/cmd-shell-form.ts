import { argumentsText, execFormArguments, isWindowsStage, rootBase } from '../../dockerfile/model';
import { commandRange } from '../../dockerfile/shell-source';
import { execFormFix } from '../../fixes/exec-form-fix';
import type { DockerfileRule } from '../rule';

/**
 * `["sh", "-c",` or `['node', 'app.js']`: an array Docker cannot parse. (`[ "$MODE" = prod ] && …`
 * is a shell test, which has no comma after a quoted word and no `"]` at its end.)
 */
function meantAsExecForm(text: string): boolean {
  const trimmed = text.trim();
  return /^\[\s*["']/.test(trimmed) && (/["']\s*,/.test(trimmed) || /["']\]$/.test(trimmed));
}

export const cmdShellForm: DockerfileRule = {
  meta: {
    id: 'cmd-shell-form',
    defaultSeverity: 'warning',
    category: 'process',
    summary: 'CMD or ENTRYPOINT in shell form.',
    why: 'Shell form runs the command as `/bin/sh -c "…"`, so the shell is PID 1. It does not forward SIGTERM to the app: `docker stop` and Kubernetes wait out the grace period and then kill the container, skipping the app\'s clean shutdown. Shell-form ENTRYPOINT also ignores CMD and `docker run` arguments.',
    example: 'CMD node server.js',
    useInstead: 'CMD ["node", "server.js"]',
    fixSafety: 'safe',
    equivalents: ['hadolint DL3025', 'BuildKit JSONArgsRecommended'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      // PID 1 and SIGTERM are Linux concerns; Windows containers stop differently. On a
      // shell-less base the command cannot run at all: shell-form-in-shell-less-image says so.
      if (isWindowsStage(model, stage) || rootBase(stage).facts.hasShell === false) continue;
      const hasCmd = stage.instructions.some((instruction) => instruction.getKeyword() === 'CMD');
      for (const keyword of ['CMD', 'ENTRYPOINT']) {
        // Only the last one takes effect; earlier ones are overridden-instruction's concern.
        const instruction = stage.instructions.filter((candidate) => candidate.getKeyword() === keyword).pop();
        const range = instruction && commandRange(model, instruction);
        if (!instruction || !range) continue;
        const text = argumentsText(model, instruction);
        if (execFormArguments(text)) continue;
        if (meantAsExecForm(text)) {
          // Meant as exec form; converting it would wrap the broken array in a shell command.
          report({
            range,
            message: `${keyword} is not a valid JSON array (double-quoted strings separated by commas, closed by \`]\`), so Docker runs this text under \`/bin/sh -c\` as a shell command. Fix the array.`,
          });
          continue;
        }
        // An exec-form ENTRYPOINT starts taking CMD as its arguments: a behaviour change.
        const fix = execFormFix(model, stage, instruction, keyword === 'ENTRYPOINT' && hasCmd ? 'unsafe' : 'safe');
        report({
          range,
          message: `${keyword} in shell form runs under \`/bin/sh -c\`: the shell is PID 1 and does not pass SIGTERM on to the app. Use exec form.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
