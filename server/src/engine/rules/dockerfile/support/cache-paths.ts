/** Where files live: RUN cache mounts, and which paths an `rm` operand or a mount covers. */
import type { Instruction, Run } from '../../../dockerfile/syntax';

/** Directories a RUN mounts a cache or tmpfs over: what is written there stays out of the layer. */
export function cacheMountTargets(run: Instruction): string[] {
  if (run.getKeyword() !== 'RUN') return [];
  const targets: string[] = [];
  for (const flag of (run as Run).getFlags()) {
    if (flag.getName() !== 'mount') continue;
    const option = (name: string) => flag.getOptions().find((candidate) => candidate.getName() === name)?.getValue() ?? undefined;
    const type = option('type');
    const target = option('target') ?? option('dst') ?? option('destination');
    if ((type === 'cache' || type === 'tmpfs') && target) targets.push(target);
  }
  return targets;
}

/** `~`, `$HOME` and root's home all as `~`, without a trailing `/`, `/.` or glob (`/*`, `/*_*`): the directory meant. */
function normalizePath(path: string): string {
  const home = path.replace(/^(~|\$\{?HOME\}?|\/root)(?=\/|$)/, '~');
  return home.replace(/(\/[^/]*\*[^/]*|\/\.)?\/*$/, '') || '/';
}

/** Whether `dir` (a mount target, an `rm` operand, possibly a glob of its entries) holds all of `path`. */
export function covers(dir: string, path: string): boolean {
  const outer = normalizePath(dir);
  const inner = normalizePath(path);
  if (inner === outer) return true;
  if (!inner.startsWith(outer === '/' ? '/' : `${outer}/`)) return false;
  const glob = /\/([^/]*\*[^/]*)\/*$/.exec(dir)?.[1];
  // The glob must match the entry that holds `path`.
  return !glob || matchesGlob(glob, inner.slice(outer.length + 1).split('/')[0]);
}

/** Whether a shell glob (`*`, `?`) matches a whole path; like the shell's, a wildcard does not match a leading dot. */
export function matchesGlob(glob: string, path: string): boolean {
  const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  if (!new RegExp(`^${source}$`).test(path)) return false;
  const globSegments = glob.split('/');
  return path.split('/').every((segment, index) => !segment.startsWith('.') || globSegments[index]?.startsWith('.'));
}
