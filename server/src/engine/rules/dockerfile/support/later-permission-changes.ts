/**
 * `chmod`/`chown`/`chgrp` in a RUN of files an earlier layer of the shipped image added (a
 * COPY/ADD, a download): changing a file's mode or owner copies it whole into the new layer,
 * so its bytes ship twice.
 */
import type { Instruction } from '../../../dockerfile/syntax';
import { copyOperands } from '../../../dockerfile/copy-operands';
import type { DockerfileModel, Stage } from '../../../dockerfile/model';
import { resolvePosix, unquote } from '../../../dockerfile/paths';
import { copyFromFlag } from '../../../dockerfile/stages';
import type { ShellWord } from '../../../shell';
import type { ContextSizes } from '../../../types';
import { layerHistory } from './layer-history';
import type { RunCommand } from './run-commands';
import { shippedStages } from './shipped-runs';
import { workdirBefore } from './workdir';

/** What an earlier instruction put at `path`. */
interface Addition {
  instruction: Instruction;
  path: string;
  /** The word or operand that wrote it, for the related location. */
  origin: 'copy' | 'download';
  /** COPY from the context with one source: where its files come from, to size a part of it. */
  source?: string;
}

export interface PermissionRewrite {
  command: RunCommand;
  word: ShellWord;
  tool: string;
  addition: Addition;
  /** The rewritten bytes, from the build context; undefined when unknown. */
  bytes?: number;
  /** Bytes of a whole COPY layer to use when the change covers all of it. */
  wholeLayer: boolean;
}

const TOOLS = new Set(['chmod', 'chown', 'chgrp']);

const cache = new WeakMap<DockerfileModel, { sizes: ContextSizes | undefined; rewrites: PermissionRewrite[] }>();

/** Kept per model and context sizes: the rule asks, then the size estimate it runs asks again. */
export function laterPermissionRewrites(model: DockerfileModel, sizes: ContextSizes | undefined): PermissionRewrite[] {
  const cached = cache.get(model);
  if (cached && cached.sizes === sizes) return cached.rewrites;
  const rewrites = findRewrites(model, sizes);
  cache.set(model, { sizes, rewrites });
  return rewrites;
}

function findRewrites(model: DockerfileModel, sizes: ContextSizes | undefined): PermissionRewrite[] {
  const stages = shippedStages(model);
  const history = layerHistory(model);
  const rewrites: PermissionRewrite[] = [];
  const additions: Addition[] = [];
  const downloadsByRun = new Map<Instruction, Addition[]>();
  const commandsByRun = new Map(history.runs.map((run) => [run[0]?.script.run.instruction, run]));
  for (const [instruction, artifacts] of history.leftovers) {
    downloadsByRun.set(
      instruction,
      artifacts.flatMap((artifact) => (artifact.kind === 'file' ? [{ instruction, path: artifact.path, origin: 'download' as const }] : [])),
    );
  }
  for (const stage of stages) {
    for (const instruction of stage.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'COPY' || keyword === 'ADD') {
        const addition = copyAddition(model, stage, instruction);
        if (addition) additions.push(addition);
        continue;
      }
      if (keyword !== 'RUN') continue;
      const commands = commandsByRun.get(instruction) ?? [];
      for (const command of commands) {
        const { description } = command;
        if (!description || !TOOLS.has(description.tool)) continue;
        const recursive = description.flags.has('-R');
        const cwd = workdirBefore(model, stage, instruction);
        // The first operand is the mode or the owner.
        for (const word of description.operands.slice(1)) {
          if (word.value === undefined || word.hasExpansion) continue;
          const path = word.value.startsWith('/') ? resolvePosix('/', word.value) : cwd && resolvePosix(cwd, word.value);
          if (!path) continue;
          for (const addition of additions) {
            const rewrite = rewriteOf(addition, path, recursive, sizes);
            if (rewrite) rewrites.push({ command, word, tool: description.tool, addition, ...rewrite });
          }
        }
      }
      additions.push(...(downloadsByRun.get(instruction) ?? []));
    }
  }
  return rewrites;
}

function copyAddition(model: DockerfileModel, stage: Stage, instruction: Instruction): Addition | undefined {
  const operands = copyOperands(model, instruction);
  const destination = operands && unquote(operands.destination.value);
  if (!operands || !destination || destination.includes('$')) return undefined;
  const workdir = destination.startsWith('/') ? '/' : workdirBefore(model, stage, instruction);
  if (!workdir) return undefined;
  const sources = operands.sources.map((source) => unquote(source.value));
  const single = sources.length === 1 && !copyFromFlag(instruction) && !/[*?[$]/.test(sources[0]) ? resolvePosix('/', sources[0]).replace(/^\/+/, '') : undefined;
  // `COPY a.sh /usr/local/bin/` and `COPY . /app` put their files under the destination.
  return { instruction, path: resolvePosix(workdir, destination), origin: 'copy', source: single };
}

function rewriteOf(addition: Addition, path: string, recursive: boolean, sizes: ContextSizes | undefined): { bytes?: number; wholeLayer: boolean } | undefined {
  const under = (inner: string, outer: string) => outer === '/' || inner === outer || inner.startsWith(`${outer}/`);
  if (addition.origin === 'download') return path === addition.path || (recursive && under(addition.path, path)) ? { wholeLayer: true } : undefined;
  // Changing the whole destination: every file, with -R; a single copied file, without.
  if (under(addition.path, path)) {
    if (recursive) return { wholeLayer: true };
    const single = addition.source !== undefined && sizes?.files.get(addition.source);
    return path === addition.path && single !== undefined && single !== false ? { bytes: single, wholeLayer: false } : undefined;
  }
  if (!under(path, addition.path) || addition.source === undefined || !sizes) return undefined;
  // A file (or, with -R, a folder) inside what the COPY added: its bytes from the context.
  const relative = path.slice(addition.path.length + 1);
  const sourcePath = addition.source === '' ? relative : `${addition.source}/${relative}`;
  // A copied file lands inside a destination folder under its own name.
  const copiedFile = sizes.files.get(addition.source);
  if (copiedFile !== undefined) return relative === addition.source.split('/').pop() ? { bytes: copiedFile, wholeLayer: false } : undefined;
  const file = sizes.files.get(sourcePath);
  if (file !== undefined) return { bytes: file, wholeLayer: false };
  if (!recursive) return undefined;
  let bytes = 0;
  for (const [candidate, size] of sizes.files) if (candidate.startsWith(`${sourcePath}/`)) bytes += size;
  return bytes > 0 ? { bytes, wholeLayer: false } : undefined;
}
