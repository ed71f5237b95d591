import type { RunCommand, RunScript } from './run-commands';

/** The simple commands of a pipeline, in order; undefined for an element that is a compound command (`( … )`, `while …`). */
export type Pipeline = (RunCommand | undefined)[];

/** The pipelines of a script (two or more elements, `a | b`), each command placed by its pipeline index. */
export function pipelines(script: RunScript): Pipeline[] {
  const found: Pipeline[] = [];
  // Pipelines at different depths (inside a subshell, a loop, a substitution) can interleave.
  const open = new Map<string, Pipeline>();
  for (const run of script.commands) {
    const position = run.command.pipeline;
    if (!position) continue;
    const depth = run.command.nesting.join('/');
    let pipeline = open.get(depth);
    if (!pipeline || position.index === 0 || pipeline.length !== position.length || pipeline.slice(position.index).some(Boolean)) {
      pipeline = new Array<RunCommand | undefined>(position.length).fill(undefined);
      found.push(pipeline);
      open.set(depth, pipeline);
    }
    pipeline[position.index] = run;
  }
  return found;
}
