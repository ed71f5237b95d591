import { buildDockerfileModel } from './dockerfile/model';
import { isSuppressed, readDockerfileSuppressions } from './config/pragmas';
import { dockerfileRules } from './rules';
import type { AnalysisInput, AnalysisResult, EngineConfig, Finding, RuleMeta, Severity } from './types';

export function effectiveSeverity(meta: RuleMeta, config: EngineConfig | undefined): Severity | undefined {
  const setting = config?.rules?.[meta.id] ?? meta.defaultSeverity;
  return setting === 'off' ? undefined : setting;
}

/** Runs every enabled rule over one document. Never throws: a failing rule is recorded and skipped. */
export function analyze(input: AnalysisInput): AnalysisResult {
  const model = buildDockerfileModel(input.text, { shippedStage: input.config?.shippedStage });
  const suppressions = readDockerfileSuppressions(model);
  const findings: Finding[] = [];
  const internalErrors: AnalysisResult['internalErrors'] = [];
  for (const rule of dockerfileRules) {
    const severity = effectiveSeverity(rule.meta, input.config);
    if (!severity || suppressions.file.has(rule.meta.id)) continue;
    try {
      rule.check({
        model,
        config: input.config ?? {},
        context: input.context,
        services: input.services ?? {},
        report(report) {
          if (isSuppressed(suppressions, rule.meta.id, report.range.start.line)) return;
          findings.push({ rule: rule.meta.id, severity, fixes: [], ...report });
        },
      });
    } catch (error) {
      internalErrors.push({ rule: rule.meta.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
  return { findings, internalErrors };
}
