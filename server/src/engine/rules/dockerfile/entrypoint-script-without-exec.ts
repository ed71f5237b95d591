import { startedScript } from '../../dockerfile/image-files';
import { finalCommandWithoutExec, isShellScript } from '../../dockerfile/shell-wrapper';
import { parseShell } from '../../shell';
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
      const started = instruction && startedScript(model, stage, instruction);
      if (!started) continue;
      const { script, word: scriptWord, contextPath } = started;
      const text = context.readFile(contextPath);
      if (text === undefined || !isShellScript(text, contextPath)) continue;
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
