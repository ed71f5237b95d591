import type { JsonString } from './model';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

/** `["sh", "-c", "script", ...]`: the string holding the script, when the array is a shell wrapper. */
export function wrappedScript(strings: readonly JsonString[]): JsonString | undefined {
  const program = strings[0]?.value.split('/').pop() ?? '';
  if (!SHELLS.has(program)) return undefined;
  for (let index = 1; index < strings.length; index++) {
    const option = strings[index].value;
    if (!option.startsWith('-')) return undefined;
    // `-c`, `-ec`, `-xeuc`: the script is the next word.
    if (/^-[a-z]*c[a-z]*$/.test(option)) return strings[index + 1];
  }
  return undefined;
}
