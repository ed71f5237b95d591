import { isWindowsStage } from '../../dockerfile/model';
import type { DockerfileRule } from '../rule';
import { basename, stageRunCommands, wordRange } from './support/run-commands';

export const sudo: DockerfileRule = {
  meta: {
    id: 'sudo',
    defaultSeverity: 'error',
    category: 'security',
    summary: '`sudo` in a RUN instruction.',
    why: 'RUN already runs as the stage\'s USER: as root nothing needs `sudo`, and as another user `sudo` only works when the image ships sudo with a rule that lets that user become root, which undoes the point of the non-root user. sudo also behaves unpredictably without a terminal (TTY requirements, environment reset, signal handling). Switch with USER, or use `gosu`/`su-exec` in entrypoints.',
    example: 'FROM debian:bookworm-slim\nUSER app\nRUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl',
    useInstead: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\nUSER app',
    fixSafety: 'none',
    equivalents: ['hadolint DL3004'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (isWindowsStage(model, stage)) continue;
      for (const { command, description, script } of stageRunCommands(model, stage)) {
        if (!description || (description.tool !== 'sudo' && !description.viaSudo)) continue;
        // The program word itself, or the wrapper word in `env A=b sudo cmd`.
        const word = command.words.find((candidate) => basename(candidate.value ?? '') === 'sudo') ?? description.program;
        report({ range: wordRange(script, word), message: '`sudo` in a RUN: the instruction already runs as the stage\'s USER; switch users with USER instead.' });
      }
    }
  },
};
