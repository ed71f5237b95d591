import { buildDockerfileModel } from './dockerfile/model';
import { readKubernetesSuppressions } from './config/kubernetes-pragmas';
import { isSuppressed, readDockerfileSuppressions, type Suppressions } from './config/pragmas';
import { NEWEST_MINOR } from './kubernetes/data/pod-security';
import { buildKubernetesModel, parseMinorVersion } from './kubernetes/model';
import { reportsByRule, type RuleRunner } from './kubernetes-reports';
import { dockerfileRules, kubernetesRules } from './rules';
import type { Report } from './rules/rule';
import { comparePositions } from './text/document';
import type { AnalysisInput, AnalysisResult, EngineConfig, Finding, Range, RuleMeta, Severity } from './types';

export function effectiveSeverity(meta: RuleMeta, config: EngineConfig | undefined): Severity | undefined {
  const setting = config?.rules?.[meta.id] ?? meta.defaultSeverity;
  return setting === 'off' ? undefined : setting;
}

/**
 * Runs every enabled rule over one document. Never throws: a failing rule is recorded and skipped.
 * Without `reuseReports`, the Kubernetes rules run over the whole file, ignoring what earlier
 * analyses left: the reference the reused reports are tested against.
 */
export function analyze(input: AnalysisInput, reuseReports = true): AnalysisResult {
  return input.kind === 'kubernetes' ? analyzeKubernetes(input, reuseReports) : analyzeDockerfile(input);
}

function analyzeDockerfile(input: AnalysisInput): AnalysisResult {
  const model = buildDockerfileModel(input.text, { shippedStage: input.config?.shippedStage });
  const config = input.config ?? {};
  const services = input.services ?? {};
  return runRules(dockerfileRules, input.config, readDockerfileSuppressions(model), (rule, report) => rule.check({ model, config, context: input.context, services, report }));
}

function analyzeKubernetes(input: AnalysisInput, reuseReports: boolean): AnalysisResult {
  const model = buildKubernetesModel(input.text, input.kubernetes);
  const config = input.config ?? {};
  const kubernetes = { profile: config.kubernetes?.profile ?? 'restricted', minor: parseMinorVersion(config.kubernetes?.version) ?? NEWEST_MINOR } as const;
  const rules = kubernetes.profile === 'baseline' ? kubernetesRules.filter((rule) => !rule.restrictedOnly) : kubernetesRules;
  const run: RuleRunner = (rule, scope, report) => {
    // Containers sharing an anchored securityContext would report the same key once per container:
    // one finding per place is enough.
    const seen = new Map<number, Range[]>();
    rule.check({
      model: scope,
      config,
      kubernetes,
      workspace: input.workspace,
      report(finding) {
        const { start, end } = finding.range;
        // A small integer, quick to look up; two places that share it are told apart below.
        const bucket = start.line * 1024 + start.character;
        const startingHere = seen.get(bucket);
        if (!startingHere) seen.set(bucket, [finding.range]);
        else if (startingHere.some((range) => comparePositions(range.start, start) === 0 && comparePositions(range.end, end) === 0)) return;
        else startingHere.push(finding.range);
        report(finding);
      },
    });
  };
  // Each document's reports depend on its own text and the inputs only: unchanged ones are reused.
  const enabled = rules.filter((rule) => effectiveSeverity(rule.meta, config));
  const reports = reuseReports ? reportsByRule(model, enabled, { config, hints: input.kubernetes, workspace: input.workspace }, run) : undefined;
  const result = runRules(rules, input.config, readKubernetesSuppressions(model), (rule, report) => {
    if (reports) reports.get(rule)?.forEach(report);
    else run(rule, model, report);
  });
  return model.syntaxError ? { ...result, syntaxErrors: [model.syntaxError] } : result;
}

function runRules<R extends { meta: RuleMeta }>(rules: readonly R[], config: EngineConfig | undefined, suppressions: Suppressions, check: (rule: R, report: (report: Report) => void) => void): AnalysisResult {
  const findings: Finding[] = [];
  const internalErrors: AnalysisResult['internalErrors'] = [];
  for (const rule of rules) {
    const severity = effectiveSeverity(rule.meta, config);
    if (!severity || suppressions.file.has(rule.meta.id)) continue;
    try {
      const configured = config?.rules?.[rule.meta.id] !== undefined;
      check(rule, ({ severity: graver, ...report }) => {
        if (isSuppressed(suppressions, rule.meta.id, report.range.start.line)) return;
        findings.push({ rule: rule.meta.id, severity: (!configured && graver) || severity, fixes: [], ...report });
      });
    } catch (error) {
      internalErrors.push({ rule: rule.meta.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  findings.sort(compareFindings);
  return { findings, internalErrors };
}

/** The order findings are reported in: by position, then by rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule);
}
