/**
 * The most diagnostics a client shows per file (initialization option `maxDiagnosticsPerFile`).
 * VS Code's extension host keeps at most 1,000 per file and drops the rest, so everything past
 * that was cloned from the analysis thread, serialised and sent for nothing (16,000 findings on
 * a 50,000-line manifest). The cut happens on the analysis thread, before the result crosses to
 * the main thread, and keeps what VS Code would: errors, then warnings, then the rest, each in
 * the order published (file order for findings, then the syntax errors).
 */
import type { Finding, Severity } from '../engine';
import type { Analysis } from './analysis';

/** Diagnostics kept and not, when an analysis was cut. */
export interface Cut {
  /** Findings and syntax errors before the cut. */
  total: number;
  /** Of `total`, the shellcheck rule's findings: a later shellcheck-only analysis replaces them. */
  shellcheckTotal: number;
}

type FindingsAnalysis = Extract<Analysis, { kind: 'findings' }>;

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** The analysis with at most `cap` findings and syntax errors, chosen as VS Code chooses. */
export function capped<A extends Analysis>(analysis: A, cap: number | undefined): A {
  if (analysis.kind !== 'findings' || cap === undefined) return analysis;
  const findingsAnalysis: FindingsAnalysis = analysis;
  const syntaxErrors = findingsAnalysis.syntaxErrors ?? [];
  if (shown(findingsAnalysis) <= cap) return analysis;
  const keptFindings = new Set<Finding>();
  let keptSyntaxErrors = 0;
  let room = cap;
  for (const severity of ORDER) {
    for (const finding of findingsAnalysis.findings) {
      if (room === 0) break;
      if (finding.severity === severity) {
        keptFindings.add(finding);
        room--;
      }
    }
    // Syntax errors are published after the findings, as errors.
    if (severity === 'error') {
      keptSyntaxErrors = Math.min(room, syntaxErrors.length);
      room -= keptSyntaxErrors;
    }
  }
  const cut = findingsAnalysis.cut ?? { total: shown(findingsAnalysis), shellcheckTotal: findingsAnalysis.findings.filter(isShellcheck).length };
  return {
    ...analysis,
    findings: findingsAnalysis.findings.filter((finding) => keptFindings.has(finding)),
    syntaxErrors: findingsAnalysis.syntaxErrors && syntaxErrors.slice(0, keptSyntaxErrors),
    cut,
  };
}

/** How many findings and syntax errors the cut left out (0 when nothing was cut). */
export function notShown(analysis: FindingsAnalysis): number {
  return analysis.cut ? analysis.cut.total - shown(analysis) : 0;
}

function shown(analysis: FindingsAnalysis): number {
  return analysis.findings.length + (analysis.syntaxErrors?.length ?? 0);
}

const isShellcheck = (finding: Finding) => finding.rule === 'shellcheck';

/**
 * `analysis` completed with the findings of the shellcheck-only analysis `checked` (both cut
 * by `cap`), cut again: choosing from the two kept sets keeps what choosing from everything
 * would, since both are in the same order.
 */
export function withShellcheckCut(analysis: FindingsAnalysis, checked: FindingsAnalysis, merged: Finding[], cap: number | undefined): FindingsAnalysis {
  const completed: FindingsAnalysis = { ...analysis, findings: merged, cut: undefined };
  if (!analysis.cut && !checked.cut) return capped(completed, cap);
  const shellcheckTotal = checked.cut?.shellcheckTotal ?? checked.findings.filter(isShellcheck).length;
  const ruleTotal = (analysis.cut?.total ?? shown(analysis)) - (analysis.cut?.shellcheckTotal ?? analysis.findings.filter(isShellcheck).length);
  return capped({ ...completed, cut: { total: ruleTotal + shellcheckTotal, shellcheckTotal } }, cap);
}
