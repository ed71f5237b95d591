/**
 * The profile of an image: what its shipped stage runs as, with which shell, ports, volumes and
 * PID 1, each fact with the Dockerfile line that decides it; or, for an image that is not built
 * in the workspace, what is known about it as a well-known image.
 */
import type { Instruction } from '../dockerfile/syntax';
import { startedScript } from '../dockerfile/image-files';
import { argumentsText, buildDockerfileModel, execFormArguments, execFormStrings, isWindowsStage, rootBase, type DockerfileModel, type Stage } from '../dockerfile/model';
import { exposedPorts, portNumbers } from '../dockerfile/ports';
import { instructionScript } from '../dockerfile/run-scripts';
import { finalCommandWithoutExec, INIT_PROGRAMS, isShellScript, POSIX_SHELLS, PROCESS_MANAGERS } from '../dockerfile/shell-wrapper';
import { imageFacts, NONROOT_UID, type ImageFacts } from '../images/known-images';
import { parseImageReference } from '../images/reference';
import { effectiveUser } from '../rules/dockerfile/support/effective-user';
import { userIds } from '../rules/dockerfile/support/user-ids';
import { parseShell } from '../shell';
import { LineIndex } from '../text/document';
import type { Range } from '../types';
import { joinPath } from './paths';
import type { FileLocation, ImageFact, ImagePid1, ImageProfile, ImageUser, WritePath } from './types';

/** What a Dockerfile's profile is read from. */
export interface DockerfileSource {
  /** Workspace path of the Dockerfile. */
  path: string;
  text: string;
  /** The stage that ships; the last one when absent. */
  target?: string;
  /** Workspace folder of the build context, where COPY sources (an entrypoint script) come from. */
  context: string;
  /** The text of a workspace file the index holds (an entrypoint script), or undefined. */
  readFile(path: string): string | undefined;
}

/** A port range longer than this is left out: it says nothing a containerPort could be checked against. */
const MAX_PORT_RANGE = 1024;

const ROOT_USER = /^(root|0)$/;

/** The profile of the image a Dockerfile builds, and the workspace files it read besides the Dockerfile. */
export function dockerfileProfile(source: DockerfileSource): { profile?: ImageProfile; reads: string[] } {
  const model = buildDockerfileModel(source.text, { shippedStage: source.target });
  const stage = model.shippedStage;
  if (!stage) return { reads: [] };
  const at = (range: Range): FileLocation => ({ file: source.path, range });
  const profile: ImageProfile = { dockerfile: source.path, from: at(stage.from.getRange()) };
  if (isWindowsStage(model, stage)) return { profile, reads: [] };
  const root = rootBase(stage);
  const rootFrom = at(root.writtenRange);
  profile.baseImage = root.isScratch ? 'scratch' : root.resolved;
  const chain = stageChain(stage);
  const instructions = chain.flatMap((current) => current.instructions);
  if (root.facts.hasShell === false && !bringsShell(model, instructions)) profile.hasShell = { value: false, location: rootFrom };
  else if (root.facts.hasShell === true) profile.hasShell = { value: true, location: rootFrom };
  profile.user = imageUser(model, stage, root.facts, at, rootFrom);
  profile.nonRootUid = nonRootUid(model, stage, at);
  const entrypoint = last(instructions, 'ENTRYPOINT');
  if (entrypoint) profile.entrypoint = { value: commandWords(model, entrypoint), location: at(entrypoint.getRange()) };
  else if (root.facts.entrypointKnown) profile.entrypoint = { value: root.facts.entrypoint ?? [], location: rootFrom };
  profile.exposedPorts = instructions.filter((instruction) => instruction.getKeyword() === 'EXPOSE').flatMap((instruction) =>
    exposedPorts(instruction).flatMap((spec) => {
      const numbers = portNumbers(spec.port);
      const protocol = (spec.protocol ?? 'tcp').toLowerCase();
      if (!numbers || numbers[1] - numbers[0] > MAX_PORT_RANGE || !['tcp', 'udp', 'sctp'].includes(protocol)) return [];
      const ports: ImageFact<{ port: number; protocol: 'tcp' | 'udp' | 'sctp' }>[] = [];
      for (let port = numbers[0]; port <= numbers[1]; port++) ports.push({ value: { port, protocol: protocol as 'tcp' }, location: at(spec.word.getRange()) });
      return ports;
    }),
  );
  const volumes: ImageFact<WritePath>[] = instructions
    .filter((instruction) => instruction.getKeyword() === 'VOLUME')
    .flatMap((instruction) => volumePaths(model, instruction).map((path) => ({ value: { path, reason: 'volume' as const }, location: at(instruction.getRange()) })));
  const fromImage = (root.facts.writePaths ?? []).map((path) => ({ value: { path, reason: 'image' as const }, location: rootFrom }));
  profile.writePaths = [...volumes, ...fromImage];
  const reads: string[] = [];
  const pid1 = processOne(model, stage, instructions, source, reads);
  if (pid1) profile.pid1 = pid1;
  return { profile, reads };
}

/** What is known of an image that is not built in the workspace; undefined when nothing is. */
export function knownImageProfile(imageText: string): ImageProfile | undefined {
  const reference = parseImageReference(imageText);
  const facts = imageFacts(reference);
  const profile: ImageProfile = { baseImage: imageText };
  let known = false;
  if (facts.hasShell !== 'unknown') {
    profile.hasShell = { value: facts.hasShell };
    known = true;
  }
  if (facts.user !== undefined) {
    profile.user = { value: userOf(facts.user) };
    known = true;
  }
  // Distroless and Chainguard images define `nonroot` even where they start as root.
  if (facts.family === 'distroless' || facts.family === 'chainguard') profile.nonRootUid = { value: Number(NONROOT_UID) };
  if (facts.entrypointKnown) profile.entrypoint = { value: facts.entrypoint ?? [] };
  if (facts.writePaths) {
    profile.writePaths = facts.writePaths.map((path) => ({ value: { path, reason: 'image' } }));
    known = true;
  }
  return known ? profile : undefined;
}

/** Base-image accounts meant to run apps (not `nobody` or `www-data`, which own other things). */
const APP_ACCOUNTS = ['nonroot', 'node'];

/** The last non-root user the stage creates with a uid, else the app account its base image defines. */
function nonRootUid(model: DockerfileModel, stage: Stage, at: (range: Range) => FileLocation): ImageFact<number> | undefined {
  const users = [...userIds(model, stage).users].filter(([, user]) => Number(user.id) > 0);
  const chosen = users.filter(([, user]) => user.range).pop()?.[1] ?? users.find(([name]) => APP_ACCOUNTS.includes(name))?.[1];
  return chosen && { value: Number(chosen.id), location: chosen.range && at(chosen.range) };
}

function userOf(text: string, fromUserInstruction = false): ImageUser {
  if (ROOT_USER.test(text)) return { kind: 'root', text, fromUserInstruction };
  return /^\d+$/.test(text) ? { kind: 'uid', text, uid: Number(text), fromUserInstruction } : { kind: 'name', text, fromUserInstruction };
}

function imageUser(model: DockerfileModel, stage: Stage, facts: ImageFacts, at: (range: Range) => FileLocation, rootFrom: FileLocation): ImageFact<ImageUser> | undefined {
  const effective = effectiveUser(model, stage);
  if (!effective) return facts.user === undefined ? undefined : { value: userOf(facts.user), location: rootFrom };
  if (effective.user === '' || effective.user.includes('$')) return undefined;
  const location = at(effective.instruction.getArgumentsRange() ?? effective.instruction.getRange());
  const name = effective.user.split(':')[0];
  const user = userOf(name, true);
  user.text = effective.user;
  if (user.kind === 'name') {
    const known = userIds(model, stage).users.get(name);
    if (known) {
      user.uid = Number(known.id);
      if (known.range) user.uidLocation = at(known.range);
    }
  }
  return { value: user, location };
}

/** The shipped stage and the stages it builds on, base first. */
function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let current: Stage | undefined = stage; current; current = current.base.stage) chain.unshift(current);
  return chain;
}

function last(instructions: readonly Instruction[], keyword: string): Instruction | undefined {
  return instructions.filter((instruction) => instruction.getKeyword() === keyword).pop();
}

/** A SHELL instruction, or a COPY/ADD of a shell or busybox, puts a shell into a shell-less base. */
function bringsShell(model: DockerfileModel, instructions: readonly Instruction[]): boolean {
  return instructions.some((instruction) => {
    const keyword = instruction.getKeyword();
    if (keyword === 'SHELL') return true;
    return (keyword === 'COPY' || keyword === 'ADD') && /busybox|\/bin\/(?:ba|da|a)?sh\b|\s\/bin\/?\s*$/.test(argumentsText(model, instruction));
  });
}

/** An ENTRYPOINT's or CMD's command line as the runtime starts it. */
function commandWords(model: DockerfileModel, instruction: Instruction): string[] {
  const exec = execFormArguments(argumentsText(model, instruction));
  return exec ?? ['/bin/sh', '-c', argumentsText(model, instruction).trim()];
}

function volumePaths(model: DockerfileModel, instruction: Instruction): string[] {
  const text = argumentsText(model, instruction).trim();
  const paths = execFormArguments(text) ?? text.split(/\s+/);
  return paths.filter((path) => path.startsWith('/') && !path.includes('$')).map((path) => (path.length > 1 ? path.replace(/\/+$/, '') : path));
}

/**
 * PID 1 of a container started without `command`: the ENTRYPOINT (else the CMD), seen through
 * an entrypoint script that ends with `exec "$@"` (which hands PID 1 to the CMD).
 */
function processOne(model: DockerfileModel, stage: Stage, instructions: readonly Instruction[], source: DockerfileSource, reads: string[]): ImageFact<ImagePid1> | undefined {
  const entrypoint = last(instructions, 'ENTRYPOINT');
  const cmd = last(instructions, 'CMD');
  const first = entrypoint ?? cmd;
  if (!first) return undefined;
  const judged = judge(model, stage, first, source, reads);
  if (judged !== 'arguments') return judged;
  return entrypoint && cmd ? asFact(judge(model, stage, cmd, source, reads)) : undefined;
}

function asFact(judged: ImageFact<ImagePid1> | 'arguments' | undefined): ImageFact<ImagePid1> | undefined {
  return judged === 'arguments' ? undefined : judged;
}

/** What one ENTRYPOINT or CMD runs as PID 1; `arguments` when it is a script that execs its arguments. */
function judge(model: DockerfileModel, stage: Stage, instruction: Instruction, source: DockerfileSource, reads: string[]): ImageFact<ImagePid1> | 'arguments' | undefined {
  const from = instruction.getKeyword() === 'ENTRYPOINT' ? 'ENTRYPOINT' : 'CMD';
  const location: FileLocation = { file: source.path, range: instruction.getArgumentsRange() ?? instruction.getRange() };
  const script = instructionScript(model, stage, instruction);
  if (!script || script.commands.length === 0) return undefined;
  const exec = execFormStrings(model, instruction);
  const wrapped = !exec || POSIX_SHELLS.has(exec[0]?.value.split('/').pop() ?? '');
  if (wrapped && script.commands.length > 1) {
    // A shell running several commands stays PID 1 unless it execs the last one.
    const final = finalCommandWithoutExec(script.shell);
    return final ? { value: { kind: 'shell-script', program: exec ? exec[0].value : '/bin/sh -c', source: from }, location } : undefined;
  }
  const program = script.commands[0].command.program?.name;
  if (!program) return undefined;
  const known = byName(program);
  if (known) return { value: { ...known, source: from }, location };
  const started = startedScript(model, stage, instruction);
  if (!started) return { value: { kind: 'program', program, source: from }, location };
  const path = joinPath(source.context, started.contextPath);
  reads.push(path);
  const text = source.readFile(path);
  if (text === undefined || !isShellScript(text, path)) return text === undefined ? undefined : { value: { kind: 'program', program, source: from }, location };
  const shell = parseShell(text);
  const lines = new LineIndex(text);
  const final = shell.final;
  const name = final?.command.program?.name;
  const scriptAt = (start: number, end: number): FileLocation => ({ file: path, range: { start: lines.positionAt(start), end: lines.positionAt(end) } });
  const withoutExec = finalCommandWithoutExec(shell);
  if (withoutExec) return { value: { kind: 'shell-script', program: started.contextPath.split('/').pop() ?? program, source: from }, location: scriptAt(withoutExec.start, withoutExec.end) };
  if (!final?.exec || !name) return undefined;
  // `exec "$@"`: the CMD becomes PID 1.
  const execWords = final.command.words.slice(name === 'exec' ? 1 : 0);
  if (execWords.length === 1 && execWords[0].raw.replace(/"/g, '') === '$@') return 'arguments';
  const execProgram = execWords[0]?.value?.split('/').pop();
  const execKnown = execProgram ? byName(execProgram) : undefined;
  return execProgram ? { value: { ...(execKnown ?? { kind: 'program', program: execProgram }), source: from }, location: scriptAt(final.command.start, final.command.end) } : undefined;
}

function byName(program: string): Omit<ImagePid1, 'source'> | undefined {
  if (INIT_PROGRAMS.has(program)) return { kind: 'init', program };
  if (PROCESS_MANAGERS.has(program)) return { kind: 'process-manager', program };
  return undefined;
}
