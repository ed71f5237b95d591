import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import { main } from '../../server/src/cli/main';
import { nodeFileSystem, type CliFileSystem } from '../../server/src/cli/io';
import { allRules } from '../../server/src/engine';

export const NODE_APP = 'FROM node:latest\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\nCMD node server.js\n';
export const NODE_APP_FIXED = 'FROM node:latest\nWORKDIR /app\nCOPY . .\nRUN npm ci \\\n    && npm run build\nCMD ["node", "server.js"]\n';
/** A Pod whose last line is indented one space too far: YAML that looks like a manifest and does not parse. */
export const BROKEN_MANIFEST = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x:1\n     ports: []\n';
export const BROKEN_MANIFEST_ERROR = 'YAML syntax error: Nested mappings are not allowed in compact mappings';
export const CLEAN = 'FROM gcr.io/distroless/static-debian13:nonroot\nCOPY server /server\nENTRYPOINT ["/server"]\n';

const TRACER_RULES = new Set(['image-untagged', 'image-latest-tag', 'cmd-shell-form', 'user-root', 'consecutive-run']);

/**
 * `--rule <id>=off` for every rule but the five tracer rules these tests were written
 * against, so that exact outputs stay exact as the engine grows rules.
 */
export const TRACER_RULES_ONLY = allRules.filter((rule) => !TRACER_RULES.has(rule.id)).flatMap((rule) => ['--rule', `${rule.id}=off`]);

/** A temp folder holding the given files (path → contents), removed when the test file ends. */
export function workspace(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'shipshape-cli-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(cwd: string, argv: string[], options: { isTTY?: boolean; env?: Record<string, string>; fs?: Partial<CliFileSystem> } = {}): Run {
  let stdout = '';
  let stderr = '';
  const code = main(argv[0] === 'check' ? [...argv, ...TRACER_RULES_ONLY] : argv, {
    cwd,
    env: options.env ?? {},
    stdout: { write: (text) => void (stdout += text), isTTY: options.isTTY },
    stderr: { write: (text) => void (stderr += text) },
    fs: { ...nodeFileSystem, ...options.fs },
  });
  if (typeof code !== 'number') throw new Error(`${argv[0]} answers asynchronously: use runAsync`);
  return { code, stdout, stderr };
}

/** `run` for the commands that answer with a promise (`pin`). */
export async function runAsync(cwd: string, argv: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    env,
    stdout: { write: (text) => void (stdout += text) },
    stderr: { write: (text) => void (stderr += text) },
    fs: nodeFileSystem,
  });
  return { code, stdout, stderr };
}
