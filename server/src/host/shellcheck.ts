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

export function shellcheckService(binary: string, onError: (message: string) => void = () => undefined): Required<Pick<EngineServices, 'shellcheck'>> {
  return {
    shellcheck(requests: readonly ShellcheckRequest[]): ShellcheckComment[][] {
      const answers: ShellcheckComment[][] = requests.map(() => []);
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
            continue;
          }
          const { comments } = JSON.parse(result.stdout) as { comments: Json1Comment[] };
          for (const comment of comments) answers[Number.parseInt(comment.file, 10)]?.push(comment);
        }
      } catch (error) {
        onError(`shellcheck failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
      return answers;
    },
  };
}
