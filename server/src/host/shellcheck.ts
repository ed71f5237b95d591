/**
 * Runs the ShellCheck binary for the engine's `shellcheck` rule: one process per dialect for
 * a batch of scripts, the scripts written to a private temp folder, the answers remembered
 * (`ShellcheckAnswers`). The CLI waits for it (`shellcheckService`); the language server runs
 * it in the background (`runShellcheckAsync`, lsp/shellcheck-answers.ts).
 */
import { execFile, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { EngineServices, ShellcheckComment, ShellcheckRequest } from '../engine';

const TIMEOUT_MS = 5000;
/** json1 output of a few hundred scripts passes Node's default 1 MB. */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** The binary to run: the configured path, else `shellcheck` on PATH; undefined when neither exists. */
export function findShellcheck(configuredPath: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const executable = (path: string) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (configuredPath) return executable(configuredPath) ? configuredPath : undefined;
  return (env.PATH ?? '').split(delimiter).filter(Boolean).map((folder) => join(folder, 'shellcheck')).find(executable);
}

interface Json1Comment extends ShellcheckComment {
  file: string;
}

/** One answer, keyed by binary, dialect and script: how the language server's answers travel to its analysis threads. */
export type ShellcheckEntry = [key: string, comments: ShellcheckComment[]];

const CACHE_ENTRIES = 5000;

/** How an answer is known: by binary, dialect and script. */
export const shellcheckKey = (binary: string, request: ShellcheckRequest) => `${binary}\0${request.dialect}\0${request.script}`;

/** Known answers; past CACHE_ENTRIES the oldest are forgotten first (a Map keeps insertion order). */
export class ShellcheckAnswers {
  private readonly answers = new Map<string, ShellcheckComment[]>();

  has(binary: string, request: ShellcheckRequest): boolean {
    return this.answers.has(shellcheckKey(binary, request));
  }

  add(entries: readonly ShellcheckEntry[]): void {
    for (const [key, comments] of entries) this.answers.set(key, comments);
    for (const key of this.answers.keys()) {
      if (this.answers.size <= CACHE_ENTRIES) break;
      this.answers.delete(key);
    }
  }

  /** Keeps the answers of a run (a failed one, undefined, is asked again next time); returns what it kept. */
  record(binary: string, requests: readonly ShellcheckRequest[], answers: readonly (ShellcheckComment[] | undefined)[]): ShellcheckEntry[] {
    const entries = requests.flatMap((request, index): ShellcheckEntry[] => (answers[index] ? [[shellcheckKey(binary, request), answers[index]]] : []));
    this.add(entries);
    return entries;
  }

  entries(): ShellcheckEntry[] {
    return [...this.answers];
  }

  /** The service for one analysis: known answers, none for the rest, which go to `missed`. */
  service(binary: string, missed: ShellcheckRequest[]): Required<Pick<EngineServices, 'shellcheck'>> {
    return {
      shellcheck: (requests) =>
        requests.map((request) => {
          const known = this.answers.get(shellcheckKey(binary, request));
          if (!known) missed.push(request);
          return known ?? [];
        }),
    };
  }
}

/**
 * A service that waits for the binary and remembers answers, so that a script repeated in a
 * Dockerfile, or checked in an earlier file, goes to the binary once.
 */
export function shellcheckService(binary: string, onError: (message: string) => void = () => undefined): Required<Pick<EngineServices, 'shellcheck'>> {
  const answers = new ShellcheckAnswers();
  return {
    shellcheck(requests: readonly ShellcheckRequest[]): ShellcheckComment[][] {
      const missing = requests.filter((request) => !answers.has(binary, request));
      answers.record(binary, missing, runShellcheck(binary, missing, onError));
      return answers.service(binary, []).shellcheck(requests);
    },
  };
}

/**
 * Scripts per ShellCheck process: few enough that each process ends well within TIMEOUT_MS on
 * a busy machine (a 10,000-line Dockerfile has hundreds of RUNs).
 */
export const SCRIPTS_PER_RUN = 16;

/** The ShellCheck processes for some requests: their indexes by dialect, SCRIPTS_PER_RUN at most each. */
function runsOf(requests: readonly ShellcheckRequest[]): [dialect: string, indexes: number[]][] {
  const byDialect = new Map<string, number[]>();
  requests.forEach((request, index) => byDialect.set(request.dialect, [...(byDialect.get(request.dialect) ?? []), index]));
  return [...byDialect].flatMap(([dialect, indexes]) => Array.from({ length: Math.ceil(indexes.length / SCRIPTS_PER_RUN) }, (_, run): [string, number[]] => [dialect, indexes.slice(run * SCRIPTS_PER_RUN, (run + 1) * SCRIPTS_PER_RUN)]));
}

const argumentsFor = (dialect: string, indexes: readonly number[]) => ['--format=json1', `--shell=${dialect}`, ...indexes.map((index) => `${index}.sh`)];

/** Files the comments of one run's json1 output under the requests they belong to. */
function fileComments(stdout: string, answers: (ShellcheckComment[] | undefined)[]): void {
  const { comments } = JSON.parse(stdout) as { comments: Json1Comment[] };
  for (const comment of comments) answers[Number.parseInt(comment.file, 10)]?.push(comment);
}

const failure = (error: unknown) => `shellcheck failed: ${error instanceof Error ? error.message : String(error)}`;

/** How one ShellCheck process ended, as spawnSync tells it; `error` when it could not run or finish (not found, timed out). */
interface ProcessResult {
  error?: Error;
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Files one process's json1 output under its requests. A process that failed (exit 1 only means
 * "found something") is said through `onError`, with why it could not run or finish, else
 * ShellCheck's first line on stderr; its requests get undefined (not cached, tried again next time).
 */
function fileRun(result: ProcessResult, indexes: readonly number[], answers: (ShellcheckComment[] | undefined)[], onError: (message: string) => void): void {
  if (!result.error && (result.status === 0 || result.status === 1)) return fileComments(result.stdout, answers);
  onError(failure(result.error ?? (result.stderr.trim().split('\n')[0] || `exit status ${result.status}`)));
  for (const index of indexes) answers[index] = undefined;
}

const tempFolderPrefix = () => join(tmpdir(), 'shipshape-shellcheck-');

/** Answers per request; undefined for a request whose run failed (not cached, tried again next time). */
function runShellcheck(binary: string, requests: readonly ShellcheckRequest[], onError: (message: string) => void): (ShellcheckComment[] | undefined)[] {
  if (requests.length === 0) return [];
  const answers: (ShellcheckComment[] | undefined)[] = requests.map(() => []);
  const folder = mkdtempSync(tempFolderPrefix());
  try {
    requests.forEach((request, index) => writeFileSync(join(folder, `${index}.sh`), request.script));
    for (const [dialect, indexes] of runsOf(requests)) {
      fileRun(spawnSync(binary, argumentsFor(dialect, indexes), { cwd: folder, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT_BYTES }), indexes, answers, onError);
    }
  } catch (error) {
    onError(failure(error));
    return requests.map(() => undefined);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return answers;
}

/**
 * `runShellcheck` without blocking the thread: the same answers, the processes run while the
 * caller serves other requests.
 */
export async function runShellcheckAsync(binary: string, requests: readonly ShellcheckRequest[], onError: (message: string) => void): Promise<(ShellcheckComment[] | undefined)[]> {
  if (requests.length === 0) return [];
  const answers: (ShellcheckComment[] | undefined)[] = requests.map(() => []);
  let folder: string | undefined;
  try {
    folder = await mkdtemp(tempFolderPrefix());
    const cwd = folder;
    await Promise.all(requests.map((request, index) => writeFile(join(cwd, `${index}.sh`), request.script)));
    for (const [dialect, indexes] of runsOf(requests)) {
      const result = await new Promise<ProcessResult>((resolve) => {
        execFile(binary, argumentsFor(dialect, indexes), { cwd, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT_BYTES }, (error, stdout, stderr) => {
          // execFile's error carries a numeric code for an exit status, anything else when the process could not run or finish.
          const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ error: error && typeof error.code !== 'number' ? error : undefined, status, stdout, stderr });
        });
      });
      fileRun(result, indexes, answers, onError);
    }
  } catch (error) {
    onError(failure(error));
    return requests.map(() => undefined);
  } finally {
    if (folder) await rm(folder, { recursive: true, force: true });
  }
  return answers;
}
