/**
 * Table-driven rule tests in the manner of ESLint's RuleTester: valid texts produce no finding
 * of the rule; invalid texts produce exactly the listed findings (1-based, end exclusive), and
 * applying the rule's fixes gives `output`, removes the findings and is stable.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allRules, analyze, applyEdits, editsByFile, fixAll, fixAllEdits, WorkspaceIndex, type AnalysisInput, type BuildContext, type EngineConfig, type Finding, type KubernetesHints, type SeveritySetting, type TextEdit } from '../../server/src/engine';
import { applyToContext } from './context-edits';

/** The workspace around a manifest, for the cross-file rules. */
export interface WorkspaceCase {
  /** Its other files (Dockerfiles, build definitions, scripts) by workspace path. */
  files: Record<string, string>;
  /** The analysed manifest's workspace path; `k8s/app.yaml` when absent. */
  path?: string;
  /** The image → Dockerfile mappings setting. */
  mappings?: Record<string, string>;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: RegExp;
  /** The finding's related locations as `file:line:column` (1-based; file relative to the analysed file's folder, as written). */
  related?: string[];
}

export interface InvalidCase {
  name?: string;
  code: string;
  findings: ExpectedFinding[];
  /** Text after applying every fix of the rule; undefined = no fix is offered. */
  output?: string;
  /** Other files of the context after the fixes that edit them (by context-relative path). */
  outputFiles?: Record<string, string>;
  /** Fix titles expected on the first finding. */
  fixTitles?: string[];
  config?: EngineConfig;
  context?: BuildContext;
  /** For YAML: what the caller knows of the file (a Kustomize patch is `partial`). */
  kubernetes?: KubernetesHints;
  /** For the cross-file rules; `outputFiles` then names workspace paths. */
  workspace?: WorkspaceCase;
  /** One fix of the first finding applied alone (a fix fix-all does not choose): the texts after it. */
  fix?: { title: string; output: string; outputFiles?: Record<string, string> };
}

export interface ValidCase {
  name?: string;
  code: string;
  config?: EngineConfig;
  context?: BuildContext;
  kubernetes?: KubernetesHints;
  workspace?: WorkspaceCase;
}

const DEFAULT_MANIFEST_PATH = 'k8s/app.yaml';

function workspaceInput(workspace: WorkspaceCase | undefined, code: string): AnalysisInput['workspace'] {
  if (!workspace) return undefined;
  const index = new WorkspaceIndex();
  for (const [path, text] of Object.entries(workspace.files)) index.setFile(path, text);
  const path = workspace.path ?? DEFAULT_MANIFEST_PATH;
  index.setFile(path, code);
  if (workspace.mappings) index.setMappings(workspace.mappings);
  return { index, path };
}

/** Edits of other files applied to the workspace's files: their paths are relative to the manifest's folder. */
function applyToWorkspace(workspace: WorkspaceCase, edits: readonly TextEdit[]): { workspace: WorkspaceCase; changed: Record<string, string> } {
  const folder = (workspace.path ?? DEFAULT_MANIFEST_PATH).split('/').slice(0, -1);
  const changed: Record<string, string> = {};
  for (const [file, fileEdits] of editsByFile(edits)) {
    if (file === undefined) continue;
    const parts = [...folder];
    for (const part of file.split('/')) {
      if (part === '..') parts.pop();
      else if (part !== '.') parts.push(part);
    }
    const path = parts.join('/');
    changed[path] = applyEdits(workspace.files[path] ?? '', fileEdits);
  }
  return { workspace: { ...workspace, files: { ...workspace.files, ...changed } }, changed };
}

function onlyRule(ruleId: string, config: EngineConfig = {}): EngineConfig {
  const rules: Record<string, SeveritySetting> = Object.fromEntries(allRules.map((rule) => [rule.id, 'off']));
  const meta = allRules.find((rule) => rule.id === ruleId);
  assert.ok(meta, `unknown rule ${ruleId}`);
  rules[ruleId] = meta.defaultSeverity === 'off' ? 'warning' : meta.defaultSeverity;
  return { ...config, rules: { ...rules, ...config.rules } };
}

/** Kubernetes rules read YAML; every other rule reads a Dockerfile. */
function kindOf(ruleId: string): AnalysisInput['kind'] {
  const category = allRules.find((rule) => rule.id === ruleId)?.category;
  return category === 'kubernetes' || category === 'xref' ? 'kubernetes' : 'dockerfile';
}

export function findingsOf(ruleId: string, code: string, config?: EngineConfig, context?: BuildContext, kubernetes?: KubernetesHints, workspace?: WorkspaceCase): Finding[] {
  const result = analyze({ text: code, kind: kindOf(ruleId), config: onlyRule(ruleId, config), context, kubernetes, workspace: workspaceInput(workspace, code) });
  assert.deepEqual(result.syntaxErrors ?? [], [], 'the test text must parse');
  assert.deepEqual(result.internalErrors, [], 'no rule may throw');
  return result.findings.filter((finding) => finding.rule === ruleId);
}

export function ruleTester(ruleId: string, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    cases.valid.forEach((entry, index) => {
      const valid = typeof entry === 'string' ? { code: entry } : entry;
      test(`valid: ${valid.name ?? `#${index + 1}`}`, () => {
        assert.deepEqual(findingsOf(ruleId, valid.code, valid.config, valid.context, valid.kubernetes, valid.workspace).map(describeFinding), []);
      });
    });
    cases.invalid.forEach((invalid, index) => {
      test(`invalid: ${invalid.name ?? `#${index + 1}`}`, () => {
        const findings = findingsOf(ruleId, invalid.code, invalid.config, invalid.context, invalid.kubernetes, invalid.workspace);
        assert.deepEqual(
          findings.map((finding, i) => positionOf(finding, invalid.findings[i])),
          invalid.findings.map((expected) => ({ line: expected.line, column: expected.column, endLine: expected.endLine, endColumn: expected.endColumn })),
        );
        invalid.findings.forEach((expected, i) => {
          if (expected.message) assert.match(findings[i].message, expected.message);
          if (expected.related) assert.deepEqual((findings[i].related ?? []).map((related) => `${related.file ?? ''}:${related.range.start.line + 1}:${related.range.start.character + 1}`), expected.related);
        });
        if (invalid.fixTitles) assert.deepEqual(findings[0].fixes.map((fix) => fix.title), invalid.fixTitles);
        if (invalid.fix) {
          const fix = findings[0].fixes.find((candidate) => candidate.title === invalid.fix?.title);
          assert.ok(fix, `no fix titled ${invalid.fix.title}`);
          assert.equal(applyEdits(invalid.code, fix.edits), invalid.fix.output);
          const edited = invalid.workspace ? applyToWorkspace(invalid.workspace, fix.edits) : applyToContext(invalid.context, fix.edits);
          assert.deepEqual(edited.changed, invalid.fix.outputFiles ?? {});
        }
        const config = onlyRule(ruleId, invalid.config);
        const analyzeText = (text: string) => analyze({ text, kind: kindOf(ruleId), config, context: invalid.context, kubernetes: invalid.kubernetes, workspace: workspaceInput(invalid.workspace, text) }).findings;
        if (invalid.output === undefined) {
          assert.deepEqual(findings.flatMap((finding) => finding.fixes), [], 'no fix expected');
          return;
        }
        const fixed = fixAll(invalid.code, analyzeText, ['safe', 'unsafe']);
        assert.equal(fixed, invalid.output);
        // Fixes that edit other files change the context the next analysis reads.
        const others = fixAllEdits(analyzeText(fixed), ['safe', 'unsafe'], 'context');
        assert.deepEqual(others.filter((edit) => edit.file === undefined), [], 'fixes of other files leave the document to fix-all');
        // Other files are the workspace's (paths from the manifest's folder) or the build context's.
        const edited = invalid.workspace ? applyToWorkspace(invalid.workspace, others) : applyToContext(invalid.context, others);
        assert.deepEqual(edited.changed, invalid.outputFiles ?? {});
        const remaining = 'workspace' in edited
          ? findingsOf(ruleId, fixed, invalid.config, invalid.context, invalid.kubernetes, edited.workspace)
          : findingsOf(ruleId, fixed, invalid.config, edited.context, invalid.kubernetes);
        assert.deepEqual(remaining.filter((finding) => finding.fixes.length > 0).map(describeFinding), [], 'fix must be stable');
        for (const finding of findings) {
          for (const fix of finding.fixes) assert.doesNotThrow(() => applyEdits(invalid.code, fix.edits));
        }
      });
    });
  });
}

function positionOf(finding: Finding, expected: ExpectedFinding | undefined) {
  return {
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: expected?.endLine === undefined ? undefined : finding.range.end.line + 1,
    endColumn: expected?.endColumn === undefined ? undefined : finding.range.end.character + 1,
  };
}

function describeFinding(finding: Finding): string {
  return `${finding.rule} ${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.message}`;
}
