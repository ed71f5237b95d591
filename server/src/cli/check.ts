import { analyze, applyEdits, documentKindForPath, editsByFile, looksLikeManifest, fixAll, fixAllEdits, type AnalysisResult, type FixSafety, type Severity, type TextEdit } from '../engine';
import { dirname, isAbsolute, join, normalize, relative, resolve } from 'node:path';
import { mergeConfig } from '../engine/config/config-file';
import { buildContextFor } from '../host/build-context';
import { findConfigFor } from '../host/config-loader';
import { kubernetesHintsFor } from '../host/kustomize';
import { findShellcheck, shellcheckService } from '../host/shellcheck';
import type { CheckOptions } from './args';
import { discoverFiles, type FoundFile } from './discovery';
import { CheckWorkspaces } from './workspaces';
import { formatJson } from './formatters/json';
import type { CheckedFile, Formatter } from './formatters/report';
import { formatSarif } from './formatters/sarif';
import { formatText } from './formatters/text';
import { describeFsError, type CliIo } from './io';
import { encodeSource, readTextSource, roundTrips, type Source } from './source';

const FORMATTERS: Record<CheckOptions['format'], Formatter> = { text: formatText, json: formatJson, sarif: formatSarif };
const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** `shipshape check`: returns the exit code; throws CliError for paths that cannot be read. */
export function runCheck(options: CheckOptions, io: CliIo): number {
  const warn = (message: string) => io.stderr.write(`shipshape: ${message}\n`);
  const discovery = discoverFiles(options.paths, io);
  discovery.warnings.forEach(warn);

  const shellcheckBinary = findShellcheck(undefined, io.env);
  const services = shellcheckBinary ? shellcheckService(shellcheckBinary, onceOnly(warn)) : {};
  // End-of-life dates are judged against the day the check runs.
  const today = new Date().toISOString().slice(0, 10);
  const reported = new Set<string>();
  const configFor = (path: string) => {
    const found = findConfigFor(path);
    if (found.path && !reported.has(found.path)) {
      reported.add(found.path);
      for (const problem of found.problems) warn(`${relative(io.cwd, found.path) || found.path}: ${problem}`);
    }
    return found;
  };

  const workspaces = new CheckWorkspaces(workspaceRoots(options.paths, io), io, warn);
  const checked: CheckedFile[] = [];
  const fixedPaths: string[] = [];
  let inputFailed = false;
  let failed = 0;
  let notManifests = 0;
  for (const file of discovery.files) {
    const source = readTextSource(file, io, warn);
    if (typeof source === 'string') {
      inputFailed ||= source === 'unreadable';
      continue;
    }
    // Named on the command line, any file is read as a Dockerfile (a YAML file as manifests).
    const kind = documentKindForPath(file.absolutePath) ?? 'dockerfile';
    // Found in a folder, YAML that holds no manifest (CI workflows, Compose files) is not ours.
    if (kind === 'kubernetes' && !file.named && !looksLikeManifest(source.text)) {
      notManifests++;
      continue;
    }
    let context = kind === 'dockerfile' ? buildContextFor(file.absolutePath) : undefined;
    const kubernetes = kind === 'kubernetes' ? kubernetesHintsFor(file.absolutePath) : undefined;
    const config = { ...mergeConfig(configFor(file.absolutePath).config, { rules: options.rules, kubernetes: options.kubernetes }), today };
    const workspace = kind === 'kubernetes' ? workspaces.inputFor(file.absolutePath) : undefined;
    const analyzeText = (text: string): AnalysisResult => analyze({ text, kind, config, context, services, kubernetes, workspace });
    let text = source.text;
    if (options.fix.length > 0) {
      try {
        // A manifest's fixes may reach the Dockerfile of its image anywhere in its workspace.
        const writable = (workspace && workspaces.rootFor(file.absolutePath)) ?? dirname(file.absolutePath);
        const fixed = fixFile(file, source, analyzeText, options.fix, io, warn, { root: writable, written: (path, text) => workspaces.fileWritten(path, text) });
        text = fixed.text;
        fixedPaths.push(...fixed.written);
        // What the fixes wrote beside the Dockerfile (a .dockerignore) changes the analysis.
        if (fixed.written.length > 0) context = buildContextFor(file.absolutePath);
      } catch (error) {
        warn(`cannot write ${file.displayPath}: ${describeFsError(error)}`);
        inputFailed = true;
      }
    }
    const result = analyzeText(text);
    // A manifest that does not parse could not be checked: said like an unreadable file.
    for (const { message, range } of result.syntaxErrors ?? []) warn(`${file.displayPath}:${range.start.line + 1}:${range.start.character + 1}: ${message}`);
    inputFailed ||= (result.syntaxErrors ?? []).length > 0;
    for (const { rule, message } of result.internalErrors) warn(`internal error in ${rule} on ${file.displayPath}: ${message.replace(/\s+/g, ' ')}`);
    if (result.internalErrors.length > 0 && result.findings.length === 0) failed++;
    checked.push({ path: file.displayPath, absolutePath: file.absolutePath, findings: result.findings, syntaxErrors: result.syntaxErrors ?? [] });
  }

  if (notManifests === discovery.files.length) warn('no Dockerfiles or Kubernetes manifests found');
  const color = io.stdout.isTTY === true && !io.env.NO_COLOR;
  io.stdout.write(FORMATTERS[options.format]({ files: checked, fixedPaths }, { cwd: io.cwd, color }));

  if (inputFailed || (checked.length > 0 && failed === checked.length)) return 2;
  const failOn = options.failOn ?? configFor(join(io.cwd, 'Dockerfile')).failOn ?? 'warning';
  if (failOn === 'none') return 0;
  return checked.some((file) => file.findings.some((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn])) ? 1 : 0;
}

/**
 * Applies the allowed fixes to a fixed point and writes the file only if that changed it; then
 * the fixes that edit other files (a Dockerfile's entrypoint script or new .dockerignore, a
 * manifest's Dockerfile elsewhere in its workspace), written only inside `otherFiles.root`.
 * Returns the file's text and the display paths of the files written.
 */
function fixFile(
  file: FoundFile,
  source: Extract<Source, { kind: 'text' }>,
  analyzeText: (text: string) => AnalysisResult,
  allow: readonly FixSafety[],
  io: CliIo,
  warn: (message: string) => void,
  otherFiles: OtherFiles,
): { text: string; written: string[] } {
  let fixed: string;
  let others: Map<string | undefined, TextEdit[]>;
  try {
    fixed = fixAll(source.text, (text) => analyzeText(text).findings, allow);
    others = editsByFile(fixAllEdits(analyzeText(fixed).findings, allow, 'context'));
    fixed = applyEdits(fixed, others.get(undefined) ?? []);
  } catch (error) {
    warn(`did not fix ${file.displayPath}: ${error instanceof Error ? error.message : String(error)}`);
    return { text: source.text, written: [] };
  }
  // Writing back decoded text would replace invalid bytes with U+FFFD all over the file.
  if (fixed !== source.text && !roundTrips(source)) {
    warn(`did not fix ${file.displayPath}: not valid UTF-8`);
    return { text: source.text, written: [] };
  }
  const written: string[] = [];
  if (fixed !== source.text) {
    io.fs.writeFile(file.absolutePath, encodeSource(fixed, source.bom));
    // The workspace index read the file before: manifests checked later must see the fixed text.
    otherFiles.written(file.absolutePath, fixed);
    written.push(file.displayPath);
  }
  for (const [path, edits] of others) {
    if (path === undefined) continue;
    const target = resolve(dirname(file.absolutePath), path);
    // The engine names files of the context (of the workspace, for a manifest); anything else is not ours to write.
    if (isAbsolute(path) || relative(otherFiles.root, target).startsWith('..')) continue;
    const current = readIfExists(io, target);
    const next = applyEdits(current ?? '', edits);
    if (next === current) continue;
    io.fs.writeFile(target, new TextEncoder().encode(next));
    otherFiles.written(target, next);
    written.push(normalize(join(dirname(file.displayPath), path)));
  }
  return { text: fixed, written };
}

/** Where a file's fixes may write besides the file itself, and who hears of what they wrote. */
interface OtherFiles {
  root: string;
  written(absolutePath: string, text: string): void;
}

function readIfExists(io: CliIo, path: string): string | undefined {
  try {
    return new TextDecoder().decode(io.fs.readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Where the workspace of a checked manifest starts: the innermost folder named on the command
 * line that holds it (`shipshape check <folder>`), else the working folder.
 */
function workspaceRoots(paths: readonly string[], io: CliIo): string[] {
  const folders = paths.map((path) => resolve(io.cwd, path)).filter((path) => {
    try {
      return io.fs.stat(path).isDirectory();
    } catch {
      return false;
    }
  });
  return [...folders, io.cwd];
}

function onceOnly(write: (message: string) => void): (message: string) => void {
  const seen = new Set<string>();
  return (message) => {
    if (!seen.has(message)) write(message);
    seen.add(message);
  };
}
