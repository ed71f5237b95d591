import type { DockerfileRule } from '../rule';
import { shippedPackages } from './support/layer-history';
import { isUnusedDebugTool } from './support/package-lists';
import { appRuntimeWords, groupByRange, runCommands, shippedStages } from './support/shipped-runs';
import { wordRange, type RunCommand } from './support/run-commands';

const POWER = new Set(['shutdown', 'reboot', 'halt', 'poweroff']);
const STARTS = new Set(['start', 'restart', 'reload']);

/** Why a RUN command is pointless in a build, if it is. */
function pointless({ command, description, script }: RunCommand): string | undefined {
  if (!description) return undefined;
  const { tool, operands } = description;
  if (POWER.has(tool)) return `\`${tool}\` has no machine to act on in a build container.`;
  if (tool === 'mount' && operands.length > 0) return 'A mount made in a RUN is gone when the RUN ends; use `RUN --mount=…` instead.';
  // A daemon started as the RUN's last step dies with it; started earlier it may serve the rest of the RUN (seeding a database).
  const action = tool === 'service' ? operands[1]?.value : tool === 'systemctl' ? operands[0]?.value : undefined;
  const last = !script.nested && script.run.shell.final?.command === command;
  if (action && STARTS.has(action) && last) return `\`${tool} … ${action}\` as the last step of a RUN starts a service that stops with the RUN; start it in CMD or ENTRYPOINT.`;
  return undefined;
}

export const unnecessaryTools: DockerfileRule = {
  meta: {
    id: 'unnecessary-tools',
    defaultSeverity: 'info',
    category: 'security',
    summary: 'The shipped image installs debugging or remote-access tools, or a RUN runs a command that means nothing in a container.',
    why: 'Editors, debuggers, tracers, netcat, nmap, telnet and SSH servers are what an intruder looks for first, and every one is more to patch. Debug a running container with `docker exec`, `kubectl debug` or an ephemeral debug container instead. Commands such as `shutdown`, `mount` or starting a service at the end of a RUN do nothing useful in a build. Only the stage that ships is checked.',
    example: 'RUN apt-get update && apt-get install -y --no-install-recommends vim netcat-openbsd && rm -rf /var/lib/apt/lists/*',
    useInstead: 'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*',
    fixSafety: 'none',
    equivalents: ['hadolint DL3001'],
  },
  check({ model, report }) {
    const runtime = appRuntimeWords(model);
    // Without CMD or ENTRYPOINT this is a base or dev-container image: its tools are for the people using it.
    const tools = runtime ? shippedPackages(model).filter((artifact) => isUnusedDebugTool(artifact.name, runtime)) : [];
    for (const { range, items } of groupByRange(tools, (artifact) => wordRange(artifact.command.script, artifact.word))) {
      const several = items.length > 1;
      report({
        range,
        message: `${items.map((artifact) => `\`${artifact.name}\``).join(', ')} ${several ? 'are debugging or remote-access tools' : 'is a debugging or remote-access tool'}: leave ${several ? 'them' : 'it'} out of the shipped image and debug with \`docker exec\` or \`kubectl debug\`.`,
      });
    }
    for (const command of runCommands(model, shippedStages(model))) {
      const message = pointless(command);
      if (message && command.description) report({ range: wordRange(command.script, command.description.program), message });
    }
  },
};
