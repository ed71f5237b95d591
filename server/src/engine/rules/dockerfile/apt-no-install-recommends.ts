import { insertAfterFix } from '../../fixes/append-command';
import type { DockerfileRule } from '../rule';
import { mayHideOptions } from './support/package-managers';
import { anyWordMentions, editableScript, runCommands, shippedStages, stageChain } from './support/shipped-runs';
import { wordRange } from './support/run-commands';

const RECOMMENDS_OFF = /^APT::Install-Recommends=["']?(false|0|no|off)["']?$/i;

export const aptNoInstallRecommends: DockerfileRule = {
  meta: {
    id: 'apt-no-install-recommends',
    defaultSeverity: 'info',
    category: 'layers',
    summary: '`apt-get install` without `--no-install-recommends` in the shipped image.',
    why: 'By default apt also installs every package the requested ones merely recommend: documentation, helpers, whole language runtimes. They are rarely needed in a container and often double the size of an install (and the attack surface with it). Only the stage that ships is checked.',
    example: 'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
    useInstead: 'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*',
    // A recommended package the app needs at run time would go missing: a person decides.
    fixSafety: 'unsafe',
    equivalents: ['hadolint DL3015'],
  },
  check({ model, report }) {
    for (const { description, script, command } of runCommands(model, shippedStages(model))) {
      if (!description || !['apt-get', 'apt'].includes(description.tool) || description.subcommand?.name !== 'install') continue;
      if (description.flags.has('--no-install-recommends') || mayHideOptions(description)) continue;
      if (description.allFlags.some((flag) => flag.name === '-o' && RECOMMENDS_OFF.test(flag.value ?? ''))) continue;
      // Turned off in an apt configuration file written earlier (`APT::Install-Recommends "false";`).
      if (anyWordMentions(model, stageChain(script.run.stage), /Install-Recommends/i, script.run.instruction)) continue;
      const fix = insertAfterFix(editableScript(script), command, description.subcommand.word, '--no-install-recommends', 'Add `--no-install-recommends`', 'unsafe');
      report({
        range: wordRange(script, description.subcommand.word),
        message: 'apt also installs every recommended package; add `--no-install-recommends` and list what the image needs.',
        fixes: fix ? [fix] : [],
      });
    }
  },
};
