import { argumentsText, execFormArguments, isWindowsStage, rootBase, shellAt } from '../../dockerfile/model';
import { shellSource } from '../../dockerfile/shell-source';
import { convertToExecForm, formatJsonArray } from '../../fixes/exec-form';
import type { Fix } from '../../types';
import type { DockerfileRule } from '../rule';

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
      // PID 1 and SIGTERM are Linux concerns; Windows containers stop differently.
      if (isWindowsStage(model, stage)) continue;
      const hasCmd = stage.instructions.some((instruction) => instruction.getKeyword() === 'CMD');
      for (const keyword of ['CMD', 'ENTRYPOINT']) {
        // Only the last one takes effect; earlier ones are overridden-instruction's concern.
        const instruction = stage.instructions.filter((candidate) => candidate.getKeyword() === keyword).pop();
        const range = instruction?.getArgumentsRange();
        if (!instruction || !range) continue;
        const raw = argumentsText(model, instruction);
        if (execFormArguments(raw)) continue;
        const fixes: Fix[] = [];
        const source = shellSource(model, instruction);
        const conversion = source && convertToExecForm(source.text);
        // An exec-form ENTRYPOINT starts taking CMD as its arguments: a behaviour change.
        const changesArguments = keyword === 'ENTRYPOINT' && hasCmd;
        if (conversion?.kind === 'words') {
          fixes.push({ title: 'Convert to exec form', edits: [{ range, newText: formatJsonArray(conversion.words) }], safety: changesArguments ? 'unsafe' : 'safe', isPreferred: true });
        } else if (conversion?.kind === 'shell' && rootBase(stage).facts.hasShell !== false) {
          const shell = shellAt(model, stage, range.start.line);
          fixes.push({ title: 'Convert to exec form (through the shell, with exec)', edits: [{ range, newText: formatJsonArray([...shell, conversion.script]) }], safety: 'unsafe', isPreferred: true });
        }
        report({
          range,
          message: `${keyword} in shell form runs under \`/bin/sh -c\`: the shell is PID 1 and does not pass SIGTERM on to the app. Use exec form.`,
          fixes,
        });
      }
    }
  },
};
