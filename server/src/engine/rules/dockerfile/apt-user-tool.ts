import type { Fix } from '../../types';
import type { DockerfileRule } from '../rule';
import { linuxStages, runCommands } from './support/shipped-runs';
import { wordRange, type RunCommand } from './support/run-commands';

/** What apt-get does under the same name; `apt full-upgrade`, `list`, `search`, `show` have no such twin. */
const APT_GET_SUBCOMMANDS = new Set([
  'update', 'upgrade', 'install', 'reinstall', 'remove', 'purge', 'autoremove', 'autopurge', 'dist-upgrade', 'clean', 'autoclean', 'distclean', 'build-dep', 'source', 'download', 'check', 'satisfy',
]);

function replaceFix({ description, script, command }: RunCommand): Fix | undefined {
  const program = description?.program;
  // Only a plain `apt` or `/usr/bin/apt` word is rewritten; a quoted or built word is left alone.
  if (!program || !script.editable || command.approximate || program.raw !== program.value || !program.raw.endsWith('apt')) return undefined;
  if (!APT_GET_SUBCOMMANDS.has(description.subcommand?.name ?? '')) return undefined;
  const range = wordRange(script, program);
  return { title: 'Replace with `apt-get`', edits: [{ range, newText: `${program.raw}-get` }], safety: 'safe', isPreferred: true };
}

export const aptUserTool: DockerfileRule = {
  meta: {
    id: 'apt-user-tool',
    defaultSeverity: 'warning',
    category: 'layers',
    summary: '`apt` in a RUN instead of `apt-get`.',
    why: '`apt` is the command-line tool for people: its output and behaviour may change between releases, and it warns "apt does not have a stable CLI interface. Use with caution in scripts." `apt-get` (and `apt-cache`) are the stable interface for scripts such as a Dockerfile.',
    example: 'RUN apt update && apt install -y curl',
    useInstead: 'RUN apt-get update && apt-get install -y curl',
    fixSafety: 'safe',
    equivalents: ['hadolint DL3027'],
  },
  check({ model, report }) {
    for (const command of runCommands(model, linuxStages(model))) {
      if (command.description?.tool !== 'apt') continue;
      const fix = replaceFix(command);
      report({
        range: wordRange(command.script, command.description.program),
        message: '`apt` has no stable interface for scripts; use `apt-get` (or `apt-cache`).',
        fixes: fix ? [fix] : [],
      });
    }
  },
};
