import { commandRange } from '../../dockerfile/shell-source';
import { instructionScript } from '../../dockerfile/run-scripts';
import { convertToExecForm, formatJsonArray } from '../../fixes/exec-form';
import type { BuildContext, Fix, Range } from '../../types';
import type { DockerfileRule } from '../rule';

const PACKAGE_MANAGERS = new Set(['npm', 'yarn', 'pnpm']);

/** The script a package manager would run: `start` for `npm start`, `x` for `npm run x` / `yarn x`. */
function scriptName(tool: string, subcommand: string | undefined, operands: readonly { value?: string }[]): string | undefined {
  if (subcommand === 'start') return 'start';
  if (subcommand === 'run' || subcommand === 'run-script') return operands[0]?.value;
  // `yarn serve` and `pnpm serve` run a script by its name.
  if (tool !== 'npm' && subcommand && !['install', 'add', 'build', 'test'].includes(subcommand)) return subcommand;
  return undefined;
}

function packageScript(context: BuildContext | undefined, name: string): string | undefined {
  const text = context?.readFile?.('package.json');
  if (!text) return undefined;
  try {
    const scripts = (JSON.parse(text) as { scripts?: Record<string, unknown> }).scripts;
    const script = scripts?.[name];
    return typeof script === 'string' ? script : undefined;
  } catch {
    return undefined;
  }
}

function replaceWithNode(range: Range, script: string | undefined): Fix | undefined {
  const conversion = script === undefined ? undefined : convertToExecForm(script);
  if (conversion?.kind !== 'words' || conversion.words[0] !== 'node') return undefined;
  return { title: `Run \`${script}\` directly`, safety: 'unsafe', isPreferred: true, edits: [{ range, newText: formatJsonArray(conversion.words) }] };
}

export const packageManagerAsPid1: DockerfileRule = {
  meta: {
    id: 'package-manager-as-pid1',
    defaultSeverity: 'info',
    category: 'process',
    summary: '`npm start`, `yarn` or `pnpm` runs as PID 1.',
    why: 'The package manager starts the app as a child process and does not pass SIGTERM on reliably, so the app misses its shutdown and is killed after the grace period. It also costs memory and start-up time for nothing at run time.',
    example: 'CMD ["npm", "start"]\n# package.json: "start": "node server.js"',
    useInstead: 'CMD ["node", "server.js"]',
    fixSafety: 'unsafe',
    equivalents: [],
  },
  check({ model, context, report }) {
    for (const stage of model.stages) {
      for (const keyword of ['CMD', 'ENTRYPOINT']) {
        const instruction = stage.instructions.filter((candidate) => candidate.getKeyword() === keyword).pop();
        const script = instruction && instructionScript(model, stage, instruction);
        const final = script?.shell.final;
        const description = final && script.commands.find((entry) => entry.command === final.command)?.description;
        if (!script || !instruction || !description || !PACKAGE_MANAGERS.has(description.tool) || script.commands.length !== 1) continue;
        const name = scriptName(description.tool, description.subcommand?.name, description.operands);
        if (!name) continue;
        const whole = commandRange(model, instruction);
        const fix = whole && replaceWithNode(whole, packageScript(context, name));
        report({
          range: script.wordRange(description.program),
          message: `\`${description.tool}\` stays PID 1 and starts the app as its child without forwarding SIGTERM; run the \`${name}\` script's command directly.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
