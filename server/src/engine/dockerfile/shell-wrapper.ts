import type { ParsedShell, ShellCommand } from '../shell';
import type { JsonString } from './model';

/** POSIX-family shells: what `sh -c`, `set -o pipefail` and `exec` mean to them is the same. */
export const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);

/** Programs that start and supervise several services: as PID 1 they juggle children, not signals. */
export const PROCESS_MANAGERS = new Set(['supervisord', 'runsvdir', 'circusd', 'pm2']);

/** Minimal inits that forward signals to their one child and reap zombies (s6-overlay's is `/init`). */
export const INIT_PROGRAMS = new Set(['tini', 'tini-static', 'dumb-init', 'catatonit', 'docker-init', 'init']);

/** `["sh", "-c", "script", ...]`: the string holding the script, when the array is a shell wrapper. */
export function wrappedScript(strings: readonly JsonString[]): JsonString | undefined {
  const program = strings[0]?.value.split('/').pop() ?? '';
  if (!POSIX_SHELLS.has(program)) return undefined;
  for (let index = 1; index < strings.length; index++) {
    const option = strings[index].value;
    if (!option.startsWith('-')) return undefined;
    // `-c`, `-ec`, `-xeuc`: the script is the next word.
    if (/^-[a-z]*c[a-z]*$/.test(option)) return strings[index + 1];
  }
  return undefined;
}

/**
 * Builtins and quick file commands: when a script ends with one (an installer that ends by
 * moving files into a volume), there is no app to hand PID 1 to.
 */
const SHORT_LIVED = new Set(['exit', 'return', 'true', 'false', ':', 'echo', 'printf', 'set', 'export', 'wait', 'trap', 'unset', 'shift', 'cd', 'test', '[', 'exec', 'source', '.', 'mv', 'cp', 'rm', 'ln', 'mkdir', 'touch', 'chmod', 'chown']);

/**
 * The command a script ends with when it should be started with `exec` and is not: a
 * long-running program left as the shell's child. Undefined when the script ends otherwise.
 */
export function finalCommandWithoutExec(shell: ParsedShell): (ShellCommand & { program: { name: string } }) | undefined {
  const final = shell.final;
  const name = final?.command.program?.name;
  if (!final || final.exec || !name || SHORT_LIVED.has(name) || final.command.approximate) return undefined;
  return final.command as ShellCommand & { program: { name: string } };
}

/** A script a POSIX shell runs: by its shebang (`#!/bin/sh`, `#!/usr/bin/env bash`), or without one by a `.sh` name. */
export function isShellScript(text: string, path: string): boolean {
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text);
  if (!shebang) return path.endsWith('.sh');
  const interpreter = (shebang[1].endsWith('/env') ? shebang[2] ?? '' : shebang[1]).split('/').pop() ?? '';
  return POSIX_SHELLS.has(interpreter);
}
