import { isWindowsStage } from '../../dockerfile/model';
import type { DockerfileRule } from '../rule';
import { stageRunCommands, wordRange, type RunCommand } from './support/run-commands';

export const wgetAndCurl: DockerfileRule = {
  meta: {
    id: 'wget-and-curl',
    defaultSeverity: 'info',
    category: 'layers',
    summary: 'A stage runs both `wget` and `curl`.',
    why: 'Both tools download files; installing both adds a second tool (and its libraries) to the image and to its attack surface, and a Dockerfile that mixes them is harder to read and to audit. Pick one and use it throughout. Each stage is its own image, so a builder using curl next to a final stage using wget is fine.',
    example: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl wget \\\n && curl -fsSLo /tmp/a.tgz https://example.com/a.tgz \\\n && wget -q https://example.com/b.tgz',
    useInstead: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && curl -fsSLo /tmp/a.tgz https://example.com/a.tgz \\\n && curl -fsSLO https://example.com/b.tgz',
    fixSafety: 'none',
    equivalents: ['hadolint DL4001'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (isWindowsStage(model, stage)) continue;
      const uses: Record<'curl' | 'wget', RunCommand[]> = { curl: [], wget: [] };
      for (const run of stageRunCommands(model, stage)) {
        const tool = run.description?.tool;
        if (tool === 'curl' || tool === 'wget') uses[tool].push(run);
      }
      if (uses.curl.length === 0 || uses.wget.length === 0) continue;
      // The finding goes on the tool used less (wget on a tie): the one to replace.
      const [fewer, more] = uses.wget.length <= uses.curl.length ? (['wget', 'curl'] as const) : (['curl', 'wget'] as const);
      const { description, script } = uses[fewer][0];
      if (!description) continue;
      report({
        range: wordRange(script, description.program),
        message: `This stage uses both \`${more}\` (${uses[more].length}×) and \`${fewer}\` (${uses[fewer].length}×); one download tool is enough, use \`${more}\` here too.`,
      });
    }
  },
};
