/**
 * What the Kubernetes rules reported on each piece of a file (the text between two `---`
 * markers), kept by the piece's text and everything else the rules read, so that a keystroke in
 * a 35,000-line bundle runs the rules over the document it falls in and only moves the earlier
 * reports of the others. Reports are kept as the rules made them, before suppressions and
 * severities, which the caller applies over the whole file as before.
 *
 * What a rule reports on a piece depends on the piece's text and on these, all in the key:
 * the configuration (rule severities, profile, version), the Kustomize `partial` hint, the
 * workspace index (its revision) and the manifest's path in it for the cross-file rules, and
 * the file's indentation style, which every fix is written in.
 */
import type { KubernetesRule, Report } from './rules/rule';
import type { EngineConfig, KubernetesHints, Range, WorkspaceInput } from './types';
import type { KubernetesModel } from './kubernetes/model';
import { lastAtMost } from './text/document';
import { indentationStyle } from './kubernetes/yaml-edits';
import type { WorkspaceIndex } from './workspace';

/** Runs one rule over a model, reporting as the rule context's `report` does. */
export type RuleRunner = (rule: KubernetesRule, model: KubernetesModel, report: (report: Report) => void) => void;

/**
 * Reports by rule (the rules that reported), with the line the piece started at when they were
 * made or last moved: a piece found at that line again (everything above an edit that added or
 * removed no line) hands out the same reports, uncopied.
 */
interface PieceReports {
  /** The piece's text, the key it is kept by: the parsed chunk's own string, never a cut that would keep the whole file's text alive. */
  text: string;
  line: number;
  byRule: Map<KubernetesRule, Report[]>;
}

/** About a dozen large bundles' worth of reports, across the files and settings analysed lately. */
const CACHE_CHARACTERS = 16 * 1024 * 1024;
/** By the inputs' key, then by the piece's text. */
const cache = new Map<string, Map<string, PieceReports>>();
let cachedCharacters = 0;
const indexIds = new WeakMap<WorkspaceIndex, number>();
let nextIndexId = 0;

export interface ReportInputs {
  config: EngineConfig;
  hints?: KubernetesHints;
  workspace?: WorkspaceInput;
}

/**
 * Every report on the model's objects, by the rule that made it (rules that reported nothing are
 * absent), in the order the rules made them, the unchanged pieces' taken from earlier analyses.
 * Undefined when the file cannot be taken apart (a piece that starts inside a line, a report
 * outside its piece) or a rule threw: the caller then runs the rules over the whole file, which
 * reports the failure as it always has.
 */
export function reportsByRule(model: KubernetesModel, rules: readonly KubernetesRule[], inputs: ReportInputs, run: RuleRunner): Map<KubernetesRule, Report[]> | undefined {
  const inputsKey = keyOf(model, inputs);
  let pieces = cache.get(inputsKey);
  if (pieces) cache.delete(inputsKey); // refreshed as the most recently used
  else pieces = new Map();
  cache.set(inputsKey, pieces);
  const startLines: number[] = [];
  const kept: (PieceReports | undefined)[] = [];
  const fresh: number[] = [];
  for (const [index, section] of model.sections.entries()) {
    const start = model.lines.positionAt(section.start);
    if (start.character !== 0) return undefined;
    startLines.push(start.line);
    const piece = pieces.get(section.text);
    kept.push(piece);
    if (!piece) fresh.push(index);
  }
  const made = fresh.length > 0 ? freshReports(model, fresh, startLines, rules, run) : new Map<number, PieceReports>();
  if (!made) return undefined;
  const reports = new Map<KubernetesRule, Report[]>();
  for (const [index, keptPiece] of kept.entries()) {
    let piece = made.get(index) ?? keptPiece!;
    if (piece.line !== startLines[index]) piece = movedPiece(piece, startLines[index]);
    if (pieces.has(piece.text)) pieces.delete(piece.text); // refreshed as the most recently used
    else cachedCharacters += piece.text.length;
    pieces.set(piece.text, piece);
    for (const [rule, made] of piece.byRule) {
      let list = reports.get(rule);
      if (!list) reports.set(rule, (list = []));
      for (const report of made) list.push(report);
    }
  }
  // The least recently used first: other settings' pieces, then this file's oldest.
  for (const [oldKey, oldPieces] of cache) {
    for (const [text] of oldPieces) {
      if (cachedCharacters <= CACHE_CHARACTERS) return reports;
      oldPieces.delete(text);
      cachedCharacters -= text.length;
    }
    if (oldPieces !== pieces) cache.delete(oldKey);
  }
  return reports;
}

/** Drops every kept report (benchmarks time analyses from scratch). */
export function forgetReports(): void {
  cache.clear();
  cachedCharacters = 0;
}

function keyOf(model: KubernetesModel, { config, hints, workspace }: ReportInputs): string {
  let index: [number, number, string] | undefined;
  if (workspace) {
    let id = indexIds.get(workspace.index);
    if (id === undefined) indexIds.set(workspace.index, (id = nextIndexId++));
    index = [id, workspace.index.revision, workspace.path];
  }
  return JSON.stringify([config, hints?.partial === true, index ?? null, indentationStyle(model.lines)]);
}

/**
 * The reports on the pieces not seen before, by the piece's index: each rule runs once over all
 * of them (a bundle's first analysis would otherwise run every rule once per document), and each
 * report goes to the piece its range starts in. Undefined when a rule threw or reported outside them.
 */
function freshReports(model: KubernetesModel, fresh: readonly number[], startLines: readonly number[], rules: readonly KubernetesRule[], run: RuleRunner): Map<number, PieceReports> | undefined {
  const sections = fresh.map((index) => model.sections[index]);
  const freshModel: KubernetesModel = { lines: model.lines, objects: sections.flatMap((section) => section.objects), sections };
  const firstLines = fresh.map((index) => startLines[index]);
  const lastLines = sections.map((section) => model.lines.positionAt(section.start + section.text.length - 1).line);
  const made = new Map<number, PieceReports>(fresh.map((index) => [index, { text: model.sections[index].text, line: startLines[index], byRule: new Map() }]));
  for (const rule of rules) {
    let outside = false;
    try {
      run(rule, freshModel, (report) => {
        const line = report.range.start.line;
        const at = lastAtMost(firstLines, line);
        if (line < firstLines[at] || line > lastLines[at]) outside = true;
        const { byRule } = made.get(fresh[at])!;
        const list = byRule.get(rule);
        if (list) list.push(report);
        else byRule.set(rule, [report]);
      });
    } catch {
      return undefined;
    }
    if (outside) return undefined;
  }
  return made;
}

/** The piece's reports as they read when the piece starts at `line`. */
function movedPiece(piece: PieceReports, line: number): PieceReports {
  const byRule = new Map<KubernetesRule, Report[]>();
  for (const [rule, made] of piece.byRule) byRule.set(rule, made.map((report) => moved(report, line - piece.line)));
  return { text: piece.text, line, byRule };
}

/** A copy of the report with its places in this file `lines` lines further down; places in other files stay. */
function moved(report: Report, lines: number): Report {
  const copy: Report = { ...report, range: movedRange(report.range, lines) };
  if (report.fixes) copy.fixes = report.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: edit.file === undefined ? movedRange(edit.range, lines) : edit.range })) }));
  if (report.related) copy.related = report.related.map((related) => ({ ...related, range: related.file === undefined ? movedRange(related.range, lines) : related.range }));
  return copy;
}

function movedRange(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}
