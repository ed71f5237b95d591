/**
 * `run:` steps of GitHub Actions workflows that call `docker build` themselves, read as the
 * shell scripts they are (docker-build.ts), in the step's `working-directory` (else the
 * job's or workflow's `defaults.run`, else the repository root). `${{ … }}` expressions are
 * unknown to the shell reader: a tag made of one still names its repository.
 */
import type { Scalar, YAMLMap } from 'yaml';
import type { YamlView } from '../../kubernetes/yaml-view';
import { resolveInside } from '../paths';
import type { ImageBuildLink } from '../types';
import { dockerBuildLinks } from './docker-build';

const EXPRESSION = /\$\{\{[\s\S]*?\}\}/g;
const POSIX_SHELLS = new Set(['bash', 'sh']);

/** The links of a step's `run` script; `defaults` are the job's and the workflow's `defaults.run`, innermost first. */
export function runStepLinks(view: YamlView, step: YAMLMap, path: string, root: string, defaults: (YAMLMap | undefined)[]): ImageBuildLink[] {
  const run = view.scalar(step, 'run');
  const shell = [step, ...defaults].map((map) => view.string(map, 'shell')).find((value) => value !== undefined);
  if (!run || typeof run.value !== 'string' || (shell !== undefined && !POSIX_SHELLS.has(shell.split(/\s/)[0]))) return [];
  const origin = scriptOrigin(view, run);
  if (!origin) return [];
  const workingDirectory = [step, ...defaults].map((map) => view.string(map, 'working-directory')).find((value) => value !== undefined);
  const folder = workingDirectory === undefined ? root : workingDirectory.includes('${{') ? undefined : resolveInside(root, workingDirectory);
  // Same length, so offsets still map: `${{ github.sha }}` becomes a parameter expansion `${______________}`.
  const script = run.value.replace(EXPRESSION, (expression) => `\${${'_'.repeat(expression.length - 3)}}`);
  return dockerBuildLinks(script, folder, { file: path, lines: view.lines, fileRange: origin, scriptFolder: root }, 'github-actions');
}

/**
 * Where each character of the script is in the file: a plain scalar as written, a literal
 * block (`run: |`) line by line past its indentation. Other forms (quoted with escapes,
 * folded) are left alone.
 */
function scriptOrigin(view: YamlView, run: Scalar): ((start: number, end: number) => [number, number]) | undefined {
  const text = view.lines.text;
  const value = run.value as string;
  const [nodeStart] = run.range ?? [0];
  if (run.type === 'PLAIN' || run.type === 'QUOTE_SINGLE' || run.type === 'QUOTE_DOUBLE') {
    const start = nodeStart + (run.type === 'PLAIN' ? 0 : 1);
    return text.slice(start, start + value.length) === value ? (from, to) => [start + from, start + to] : undefined;
  }
  if (run.type !== 'BLOCK_LITERAL') return undefined;
  const firstLine = view.lines.positionAt(nodeStart).line + 1;
  const lines = value.split('\n');
  const indent = /^ */.exec(view.lines.lineText(firstLine + lines.findIndex((line) => line !== '')))?.[0].length ?? 0;
  const lineStarts: number[] = [];
  for (let index = 0, offset = 0; index < lines.length; offset += lines[index].length + 1, index++) lineStarts.push(offset);
  const toFile = (offset: number): number => {
    let line = lineStarts.length - 1;
    while (line > 0 && lineStarts[line] > offset) line--;
    return view.lines.offsetAt({ line: firstLine + line, character: indent + offset - lineStarts[line] });
  };
  return (from, to) => [toFile(from), toFile(to)];
}
