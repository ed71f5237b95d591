/**
 * The engine's public surface. Callers (language server, CLI, tests) hand it text and
 * settings; it returns findings and fixes as data. No editor API, no I/O.
 */
import { analyze as analyzeDocument, compareFindings, effectiveSeverity } from './analyze';
import { dockerfileRules, kubernetesRules } from './rules';
import { buildDockerfileModel } from './dockerfile/model';
import { isDockerfileName } from './dockerfile/paths';
import { conversions, type ConversionResult } from './fixes/conversions';
import type { AnalysisInput, AnalysisResult, BuildContext, EngineConfig, Range, RuleMeta } from './types';

export * from './types';
export { applyEdits, LineIndex } from './text/document';
export { chosenFix, editsByFile, editsOtherFiles, fixAll, fixAllEdits } from './fixes/fix-all';
export { conversions, type Conversion, type ConversionResult } from './fixes/conversions';
export { hardenManifestEdits } from './fixes/harden-manifest';
export { looksLikeManifest } from './kubernetes/model';
export { forgetParsedDocuments } from './kubernetes/documents';
export { forgetReports } from './kubernetes-reports';
export { WorkspaceIndex } from './workspace';
export type * from './workspace/types';
export { compareFindings, effectiveSeverity };

export const RULE_DOCS_BASE = 'https://github.com/shipshape-dev/shipshape/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${ruleId}.md`;
}

export const allRules: readonly RuleMeta[] = [...dockerfileRules, ...kubernetesRules].map((rule) => rule.meta);

export function findRule(ruleId: string): RuleMeta | undefined {
  return allRules.find((rule) => rule.id === ruleId);
}

/** Which analysis a file name calls for, or undefined when Shipshape has nothing to say about it. */
export function documentKindForPath(path: string): AnalysisInput['kind'] | undefined {
  const name = path.split(/[\\/]/).pop() ?? '';
  if (isDockerfileName(name)) return 'dockerfile';
  // Any YAML may hold manifests; the engine decides per document (apiVersion and kind).
  if (/\.ya?ml$/i.test(name)) return 'kubernetes';
  return undefined;
}

/** Analyses one document; never throws, whatever the input. */
export function analyze(input: AnalysisInput): AnalysisResult {
  try {
    return analyzeDocument(input);
  } catch (error) {
    return { findings: [], internalErrors: [{ rule: 'parser', message: error instanceof Error ? error.message : String(error) }] };
  }
}

/** What a palette conversion needs: the document, what the caller knows of its build context and the editor's selection. */
export interface ConversionRequest {
  text: string;
  config?: EngineConfig;
  context?: BuildContext;
  selection?: Range;
}

/** Runs the conversion with this id; never throws, whatever the input. */
export function convert(id: string, request: ConversionRequest): ConversionResult {
  const conversion = conversions.find((candidate) => candidate.id === id);
  if (!conversion) return { reason: `unknown conversion "${id}"` };
  try {
    const model = buildDockerfileModel(request.text, { shippedStage: request.config?.shippedStage });
    return conversion.convert({ model, config: request.config, context: request.context, selection: request.selection });
  } catch (error) {
    return { reason: `the conversion failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
