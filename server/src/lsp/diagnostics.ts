import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl, type Finding, type Fix, type RelatedInformation, type Severity } from '../engine';
import { MAX_ANALYSED_BYTES, type Analysis } from './analysis';

export const SOURCE = 'shipshape';

/**
 * Carried in `Diagnostic.data` so a code action request can answer from the diagnostic alone;
 * `version` says which text the fixes' ranges belong to.
 */
export interface FixData {
  version: number;
  fixes: Fix[];
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostics(analysis: Analysis, uri: string, version: number): Diagnostic[] {
  switch (analysis.kind) {
    case 'disabled':
      return [];
    case 'too-large':
      return [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Information,
          source: SOURCE,
          message: `This file is larger than ${MAX_ANALYSED_BYTES / 1024 / 1024} MB, so Shipshape does not analyse it.`,
        },
      ];
    case 'stopped':
      return [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity: DiagnosticSeverity.Information,
          source: SOURCE,
          message: `Shipshape stopped analysing this file ${analysis.after}, so it shows no findings for it.`,
        },
      ];
    case 'findings':
      return [
        ...analysis.findings.map((finding) => toDiagnostic(finding, uri, version)),
        // Broken YAML: no rule to configure, so no code.
        ...(analysis.syntaxErrors ?? []).map(({ message, range }) => ({ range, severity: DiagnosticSeverity.Error, source: SOURCE, message })),
      ];
  }
}

function toDiagnostic(finding: Finding, uri: string, version: number): Diagnostic {
  const data: FixData = { version, fixes: finding.fixes };
  return {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    source: SOURCE,
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    message: finding.message,
    relatedInformation: finding.related?.map((related) => ({ location: { uri: relatedUri(related, uri), range: related.range }, message: related.message })),
    data,
  };
}

function relatedUri(related: RelatedInformation, documentUri: string): string {
  if (!related.file) return documentUri;
  if (isAbsolute(related.file)) return pathToFileURL(related.file).href;
  return new URL(related.file.replace(/\\/g, '/'), documentUri).href;
}

export function fixData(diagnostic: Diagnostic): FixData | undefined {
  const data = diagnostic.data as Partial<FixData> | undefined;
  if (diagnostic.source !== SOURCE || typeof data?.version !== 'number' || !Array.isArray(data.fixes)) return undefined;
  return { version: data.version, fixes: data.fixes };
}
