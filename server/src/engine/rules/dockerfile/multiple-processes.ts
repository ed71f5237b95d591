import { instructionScript } from '../../dockerfile/run-scripts';
import { PROCESS_MANAGERS } from '../../dockerfile/shell-wrapper';
import type { DockerfileRule } from '../rule';

export const multipleProcesses: DockerfileRule = {
  meta: {
    id: 'multiple-processes',
    defaultSeverity: 'warning',
    category: 'process',
    summary: 'The container starts several services: a process manager, background jobs or `service … start`.',
    why: 'One process per container is what the orchestrator understands: it restarts what crashed, scales each part on its own, collects each log stream and stops the app with a signal it receives. Several services behind one PID 1 hide crashes (the container keeps running), mix logs and scale together.',
    example: 'CMD service nginx start && gunicorn app:app',
    useInstead: '# one container per service, e.g. two containers in one pod\nCMD ["gunicorn", "app:app"]',
    fixSafety: 'none',
    equivalents: [],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      for (const keyword of ['CMD', 'ENTRYPOINT']) {
        const instruction = stage.instructions.filter((candidate) => candidate.getKeyword() === keyword).pop();
        const script = instruction && instructionScript(model, stage, instruction);
        if (!script) continue;
        for (const { command, description } of script.commands) {
          const program = command.program;
          if (!program || !description) continue;
          const range = script.wordRange(description.program);
          // pm2 in its container mode runs one app; only its daemon mode juggles several.
          if (PROCESS_MANAGERS.has(description.tool) && !(description.tool === 'pm2' && /^pm2-/.test(program.name ?? ''))) {
            report({ range, message: `\`${description.tool}\` runs several services in one container; run one process per container instead.` });
          } else if (description.tool === 'service' && description.operands.some((operand) => ['start', 'restart'].includes(operand.value ?? ''))) {
            report({ range, message: '`service … start` launches a daemon next to the main process; run it in its own container.' });
          } else if (command.background && command.nesting.length === 0) {
            report({ range, message: `\`${description.tool}\` is sent to the background with \`&\`: a second process nobody supervises; run it in its own container.` });
          }
        }
      }
    }
  },
};
