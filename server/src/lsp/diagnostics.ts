import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ruleDocsUrl, type Finding, type RelatedInformation, type Severity } from '../engine';
import { MAX_ANALYSED_BYTES, type Analysis } from './analysis';
import { notShown } from './diagnostic-cap';

/** `data` of the note on a file whose diagnostics were cut: the client's count of findings adds `notShown`. */
export interface NotShownData {
  notShown: number;
}

export const SOURCE = 'shipshape';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** No `data`: a finding's fixes stay on the server (published-fixes.ts). */
export function toDiagnostics(analysis: Analysis, uri: string): Diagnostic[] {
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
        ...notShownNote(analysis, uri),
        ...analysis.findings.map((finding) => toDiagnostic(finding, uri)),
        // Broken YAML: no rule to configure, so no code.
        ...(analysis.syntaxErrors ?? []).map(({ message, range }) => ({ range, severity: DiagnosticSeverity.Error, source: SOURCE, message })),
      ];
  }
}

function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    source: SOURCE,
    code: finding.rule,
    codeDescription: { href: ruleDocsUrl(finding.rule) },
    message: finding.message,
    relatedInformation: finding.related?.map((related) => ({ location: { uri: relatedUri(related, uri), range: related.range }, message: related.message })),
  };
}

function relatedUri(related: RelatedInformation, documentUri: string): string {
  if (!related.file) return documentUri;
  if (isAbsolute(related.file)) return pathToFileURL(related.file).href;
  return new URL(related.file.replace(/\\/g, '/'), documentUri).href;
}

/** At the top of a file whose diagnostics were cut to the client's maximum: how many are left out and where to see them. */
function notShownNote(analysis: Extract<Analysis, { kind: 'findings' }>, uri: string): Diagnostic[] {
  const count = notShown(analysis);
  if (count === 0) return [];
  const path = uri.startsWith('file:') ? fileURLToPath(uri) : '<file>';
  const argument = /\s/.test(path) ? `"${path}"` : path;
  const data: NotShownData = { notShown: count };
  return [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      message: `Shipshape shows ${analysis.cut!.total - count} of this file's ${analysis.cut!.total} findings (the editor shows no more), errors first; ${count} more are not shown. Run \`shipshape check ${argument}\` in a terminal to see them all.`,
      data,
    },
  ];
}
