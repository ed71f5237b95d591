/**
 * ShellCheck at scale, for the server and CLI tests: a Dockerfile of about 10,000 lines with
 * MANY_RUNS stages of a RUN each, padded with ENV lines. Every script is different, so nothing
 * is answered twice, and each has one SC2086 (its unquoted `$SOURCE<n>`, column 8 of the
 * stage's 30th line).
 */
export const MANY_RUNS = 330;
export const LINES_PER_STAGE = 31;

export function manyRunsDockerfile(): string {
  const stage = (index: number) => [`FROM debian:13 AS stage${index}`, ...Array.from({ length: 28 }, (_, line) => `ENV VALUE_${line}=${index}`), `RUN cp $SOURCE${index} /opt/app${index} && chmod +x /opt/app${index}`, ''];
  return Array.from({ length: MANY_RUNS }, (_, index) => stage(index).join('\n')).join('\n');
}
