/**
 * Table-driven rule tests in the manner of ESLint's RuleTester: valid texts produce no finding
 * of the rule; invalid texts produce exactly the listed findings (1-based, end exclusive), and
 * applying the rule's fixes gives `output`, removes the findings and is stable.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allRules, analyze, applyEdits, fixAll, fixAllEdits, type AnalysisInput, type BuildContext, type EngineConfig, type Finding, type KubernetesHints, type SeveritySetting } from '../../server/src/engine';
import { applyToContext } from './context-edits';

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message?: RegExp;
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
}

export interface ValidCase {
  name?: string;
  code: string;
  config?: EngineConfig;
  context?: BuildContext;
  kubernetes?: KubernetesHints;
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
  return allRules.find((rule) => rule.id === ruleId)?.category === 'kubernetes' ? 'kubernetes' : 'dockerfile';
}

export function findingsOf(ruleId: string, code: string, config?: EngineConfig, context?: BuildContext, kubernetes?: KubernetesHints): Finding[] {
  const result = analyze({ text: code, kind: kindOf(ruleId), config: onlyRule(ruleId, config), context, kubernetes });
  assert.deepEqual(result.syntaxErrors ?? [], [], 'the test text must parse');
  assert.deepEqual(result.internalErrors, [], 'no rule may throw');
  return result.findings.filter((finding) => finding.rule === ruleId);
}

export function ruleTester(ruleId: string, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    cases.valid.forEach((entry, index) => {
      const valid = typeof entry === 'string' ? { code: entry } : entry;
      test(`valid: ${valid.name ?? `#${index + 1}`}`, () => {
        assert.deepEqual(findingsOf(ruleId, valid.code, valid.config, valid.context, valid.kubernetes).map(describeFinding), []);
      });
    });
    cases.invalid.forEach((invalid, index) => {
      test(`invalid: ${invalid.name ?? `#${index + 1}`}`, () => {
        const findings = findingsOf(ruleId, invalid.code, invalid.config, invalid.context, invalid.kubernetes);
        assert.deepEqual(
          findings.map((finding, i) => positionOf(finding, invalid.findings[i])),
          invalid.findings.map((expected) => ({ line: expected.line, column: expected.column, endLine: expected.endLine, endColumn: expected.endColumn })),
        );
        invalid.findings.forEach((expected, i) => {
          if (expected.message) assert.match(findings[i].message, expected.message);
        });
        if (invalid.fixTitles) assert.deepEqual(findings[0].fixes.map((fix) => fix.title), invalid.fixTitles);
        const config = onlyRule(ruleId, invalid.config);
        const analyzeText = (text: string) => analyze({ text, kind: kindOf(ruleId), config, context: invalid.context, kubernetes: invalid.kubernetes }).findings;
        if (invalid.output === undefined) {
          assert.deepEqual(findings.flatMap((finding) => finding.fixes), [], 'no fix expected');
          return;
        }
        const fixed = fixAll(invalid.code, analyzeText, ['safe', 'unsafe']);
        assert.equal(fixed, invalid.output);
        // Fixes that edit other files change the context the next analysis reads.
        const others = fixAllEdits(analyzeText(fixed), ['safe', 'unsafe'], 'context');
        assert.deepEqual(others.filter((edit) => edit.file === undefined), [], 'fixes of other files leave the document to fix-all');
        const { context, changed } = applyToContext(invalid.context, others);
        assert.deepEqual(changed, invalid.outputFiles ?? {});
        const remaining = findingsOf(ruleId, fixed, invalid.config, context, invalid.kubernetes);
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
