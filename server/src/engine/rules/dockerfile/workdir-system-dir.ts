import { argumentsText, isWindowsStage } from '../../dockerfile/model';
import { resolvePosix, unquote } from '../../dockerfile/paths';
import type { DockerfileRule } from '../rule';

// Kernel and boot file systems: the runtime mounts over them, hiding what the build put there.
const SYSTEM_DIRS = ['/proc', '/sys', '/dev', '/boot'];

export const workdirSystemDir: DockerfileRule = {
  meta: {
    id: 'workdir-system-dir',
    defaultSeverity: 'warning',
    category: 'security',
    summary: 'WORKDIR inside /proc, /sys, /dev or /boot.',
    why: 'At run time the container runtime mounts procfs, sysfs and devtmpfs over /proc, /sys and /dev, so files the build writes there vanish, and a process working in them touches kernel interfaces. /boot means nothing in a container. An application directory belongs elsewhere (/app, /srv, /opt/…).',
    example: 'WORKDIR /proc/app',
    useInstead: 'WORKDIR /app',
    fixSafety: 'none',
    equivalents: ['Trivy DS-0030'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (isWindowsStage(model, stage)) continue;
      // Relative WORKDIRs build on the previous one; before any absolute one the base decides.
      let current: string | undefined;
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'WORKDIR') continue;
        const written = unquote(argumentsText(model, instruction).trim());
        if (written.includes('$')) {
          current = undefined;
          continue;
        }
        current = written.startsWith('/') ? resolvePosix('/', written) : current && resolvePosix(current, written);
        const range = instruction.getArgumentsRange();
        const system = current && SYSTEM_DIRS.find((dir) => current === dir || current?.startsWith(`${dir}/`));
        if (!system || !range) continue;
        report({ range, message: `WORKDIR \`${current}\` is inside ${system}, which the container runtime mounts over; use an application directory such as /app.` });
      }
    }
  },
};
