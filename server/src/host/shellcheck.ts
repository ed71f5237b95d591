/**
 * Runs the ShellCheck binary for the engine's `shellcheck` rule: one process per dialect for
 * all the scripts of a Dockerfile, the scripts written to a private temp folder.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { EngineServices, ShellcheckComment, ShellcheckRequest } from '../engine';

const TIMEOUT_MS = 5000;

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

const CACHE_ENTRIES = 5000;

/**
 * A service that remembers answers by dialect and script, so that while someone types only
 * the RUN they changed goes to the binary again.
 */
export function shellcheckService(binary: string, onError: (message: string) => void = () => undefined): Required<Pick<EngineServices, 'shellcheck'>> {
  const cache = new Map<string, ShellcheckComment[]>();
  const keyOf = (request: ShellcheckRequest) => `${request.dialect}\0${request.script}`;
  return {
    shellcheck(requests: readonly ShellcheckRequest[]): ShellcheckComment[][] {
      const missing = requests.filter((request) => !cache.has(keyOf(request)));
      const fresh = runShellcheck(binary, missing, onError);
      missing.forEach((request, index) => {
        if (fresh[index]) cache.set(keyOf(request), fresh[index]);
      });
      // Map keeps insertion order: the oldest entries go first.
      for (const key of cache.keys()) {
        if (cache.size <= CACHE_ENTRIES) break;
        cache.delete(key);
      }
      return requests.map((request) => cache.get(keyOf(request)) ?? []);
    },
  };
}

/** Answers per request; undefined for a request whose run failed (not cached, tried again next time). */
function runShellcheck(binary: string, requests: readonly ShellcheckRequest[], onError: (message: string) => void): (ShellcheckComment[] | undefined)[] {
  if (requests.length === 0) return [];
  const answers: (ShellcheckComment[] | undefined)[] = requests.map(() => []);
  const folder = mkdtempSync(join(tmpdir(), 'shipshape-shellcheck-'));
  try {
    const byDialect = new Map<string, number[]>();
    requests.forEach((request, index) => {
      writeFileSync(join(folder, `${index}.sh`), request.script);
      byDialect.set(request.dialect, [...(byDialect.get(request.dialect) ?? []), index]);
    });
    for (const [dialect, indexes] of byDialect) {
      const result = spawnSync(binary, ['--format=json1', `--shell=${dialect}`, ...indexes.map((index) => `${index}.sh`)], { cwd: folder, encoding: 'utf8', timeout: TIMEOUT_MS });
      // Exit 1 only means "found something"; anything else is a failure to report once.
      if (result.error || (result.status !== 0 && result.status !== 1)) {
        onError(`shellcheck failed: ${result.error?.message ?? result.stderr.trim().split('\n')[0]}`);
        for (const index of indexes) answers[index] = undefined;
        continue;
      }
      const { comments } = JSON.parse(result.stdout) as { comments: Json1Comment[] };
      for (const comment of comments) answers[Number.parseInt(comment.file, 10)]?.push(comment);
    }
  } catch (error) {
    onError(`shellcheck failed: ${error instanceof Error ? error.message : String(error)}`);
    return requests.map(() => undefined);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return answers;
}
