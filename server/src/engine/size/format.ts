/** Byte counts in words, shared by the engine's descriptions and the editor's breakdown view. */

/** Decimal units, as `docker images` and registries count. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const rounded = value >= 100 ? Math.round(value).toString() : value >= 10 ? value.toFixed(0) : value.toFixed(1);
  return `${rounded.replace(/\.0$/, '')} ${units[unit]}`;
}

/** "≈ 87 MB" or, when something is unknown, "at least 87 MB". */
export function approximately(bytes: number, partial: boolean): string {
  return partial ? `at least ${formatBytes(bytes)}` : `≈ ${formatBytes(bytes)}`;
}
