import type { Copy } from '../../dockerfile/syntax';
import { isWindowsStage, type DockerfileModel, type Stage } from '../../dockerfile/model';
import { copyFromFlag, copySource } from '../../dockerfile/stages';
import { copyOperands } from '../../dockerfile/copy-operands';
import type { Range } from '../../types';
import type { DockerfileRule } from '../rule';
import { stageRunCommands, wordRange } from './support/run-commands';

interface Mode {
  /** Others may write. */
  writable: boolean;
  sticky: boolean;
}

/** A numeric (`0777`) or symbolic (`a+w`, `u=rwx,o+w`) mode; undefined when unknown. */
function parseMode(text: string): Mode | undefined {
  if (/^[0-7]{1,5}$/.test(text)) {
    const bits = parseInt(text, 8);
    return { writable: (bits & 0o002) !== 0, sticky: (bits & 0o1000) !== 0 };
  }
  const mode: Mode = { writable: false, sticky: false };
  for (const clause of text.split(',')) {
    const parts = /^([ugoa]*)((?:[-+=][rwxXstugo]*)+)$/.exec(clause);
    if (!parts) return undefined;
    // Without u/g/o/a the umask applies, and Docker's 022 never lets others write.
    const others = /[oa]/.test(parts[1]);
    for (const [, operator, permissions] of parts[2].matchAll(/([-+=])([rwxXstugo]*)/g)) {
      if (others && permissions.includes('w')) mode.writable = operator !== '-';
      else if (others && operator === '=') mode.writable = false;
      if (permissions.includes('t')) mode.sticky = operator !== '-';
    }
  }
  return mode;
}

/** `/tmp`, `/var/tmp`, `/tmp/.X11-unix`, `/dev/shm`: scratch directories, world-writable with the sticky bit by convention, even recursively. */
const TEMPORARY = /(?:^|\/)(?:tmp|temp)(?:\/|$)|^\/dev\/shm\/?$/i;

/** The paths a stage's files reach the shipped image by: every path for its own stages, the copied ones for stages it copies from. */
type ShippedPaths = 'all' | string[];

function shippingStages(model: DockerfileModel): Map<Stage, ShippedPaths> {
  const shipping = new Map<Stage, ShippedPaths>();
  const visit = (stage: Stage | undefined, paths: ShippedPaths): void => {
    const known = stage && shipping.get(stage);
    if (!stage || known === 'all' || (known && paths !== 'all' && paths.every((path) => known.includes(path)))) return;
    const merged = paths === 'all' || !known ? paths : [...known, ...paths];
    shipping.set(stage, merged);
    visit(stage.base.stage, merged);
    for (const instruction of stage.instructions) {
      const from = instruction.getKeyword() === 'COPY' ? copyFromFlag(instruction)?.getValue() : undefined;
      const sources = from && copyOperands(model, instruction)?.sources.map((source) => source.value);
      if (from && sources) visit(copySource(model, from), sources);
    }
  };
  visit(model.shippedStage, 'all');
  return shipping;
}

/** Whether a chmod target may be (in) a copied path; relative and variable paths may be anything. */
function reachesImage(target: string, paths: ShippedPaths): boolean {
  if (paths === 'all' || !target.startsWith('/')) return true;
  const path = target.replace(/\/+$/, '');
  return paths.some((source) => {
    const prefix = source.split(/[*?[$]/)[0].replace(/\/+$/, '');
    return !source.startsWith('/') || prefix === '' || path === prefix || path.startsWith(`${prefix}/`) || prefix.startsWith(`${path}/`);
  });
}

interface GivenMode {
  text: string;
  range: Range;
  targets: string[];
  /** The mode goes on the named directories only, not on files inside them (mkdir, install -d, chmod without -R). */
  directories: boolean;
}

/** Modes given to files: chmod, mkdir -m and install -m in RUN, COPY/ADD --chmod. */
function* modes(model: DockerfileModel, stage: Stage): Generator<GivenMode> {
  for (const { description, script } of stageRunCommands(model, stage)) {
    if (!description) continue;
    const targets = description.operands.map((word) => word.value ?? '');
    if (description.tool === 'chmod' && description.operands.length > 1) {
      const [mode] = description.operands;
      if (mode.value !== undefined) yield { text: mode.value, range: wordRange(script, mode), targets: targets.slice(1), directories: !description.flags.has('-R') };
    } else if (description.tool === 'mkdir' || description.tool === 'install') {
      const option = description.flags.get('-m');
      const word = option?.valueWord;
      if (option?.value === undefined || !word) continue;
      // `--mode=0777`: the value alone, when the word is written without quotes.
      const attached = word === option.word && word.raw === word.value;
      const directories = description.tool === 'mkdir' || description.flags.has('-d');
      yield { text: option.value, range: attached ? script.rangeOf(word.end - option.value.length, word.end) : wordRange(script, word), targets, directories };
    }
  }
  for (const instruction of stage.instructions) {
    if (instruction.getKeyword() !== 'COPY' && instruction.getKeyword() !== 'ADD') continue;
    const flag = (instruction as Copy).getFlags().find((candidate) => candidate.getName() === 'chmod');
    const range = flag?.getValueRange();
    const destination = copyOperands(model, instruction)?.destination.value ?? '';
    if (flag && range) yield { text: flag.getValue() ?? '', range, targets: [destination], directories: false };
  }
}

export const worldWritable: DockerfileRule = {
  meta: {
    id: 'world-writable',
    defaultSeverity: 'info',
    category: 'security',
    summary: 'Files or directories of the image are made writable by every user (`chmod 777`, `chmod -R a+w`, `--chmod=666`).',
    why: 'A mode that lets "others" write means any process in the container, whatever user it runs as, can replace the application\'s code, configuration or scripts; together with a vulnerability in any service, that is a path to persistence or privilege escalation. It usually papers over an ownership problem: give the directory to the user that needs to write (`chown`, `COPY --chown`) and keep the mode at 755/644 (or 775 for a shared group). Directories with the sticky bit (`chmod 1777 /tmp`, `mkdir -m 1777`) are the exception and are not reported: others may add files there but cannot replace anyone else\'s; `chmod -R 1777` still is, since it makes the files inside writable too.',
    example: 'FROM node:22-slim\nCOPY . /app\nRUN chmod -R 777 /app\nUSER node',
    useInstead: 'FROM node:22-slim\nCOPY --chown=node:node . /app\nUSER node',
    fixSafety: 'none',
    equivalents: [],
  },
  check({ model, report }) {
    for (const [stage, paths] of shippingStages(model)) {
      if (isWindowsStage(model, stage)) continue;
      for (const { text, range, targets, directories } of modes(model, stage)) {
        const mode = text.includes('$') ? undefined : parseMode(text);
        if (!mode?.writable || !targets.some((target) => reachesImage(target, paths))) continue;
        // A sticky directory is a shared drop box: others add files but cannot replace anyone else's.
        if (mode.sticky && (directories || (targets.length > 0 && targets.every((target) => TEMPORARY.test(target))))) continue;
        report({ range, message: `Mode \`${text}\` lets every user write here, so any process in the container can change these files; give ownership to the user that needs it and keep others read-only.` });
      }
    }
  },
};
