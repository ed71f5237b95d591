/**
 * The fixes of the findings last published for each open document. They stay here instead of
 * going out in every diagnostic's `data`: a 50,000-line manifest's 16,000 findings were 9 MB of
 * JSON per publish with their fixes and 4 MB without, and a client sends back only the few
 * diagnostics a code action request is about. Each of those is matched to its finding by rule,
 * range and message, for the version they were published for.
 */
import type { Diagnostic, Range } from 'vscode-languageserver';
import type { Finding, Fix } from '../engine';
import { SOURCE } from './diagnostics';

interface Published {
  version: number;
  findings: readonly Finding[];
  /** Built on the first request for this version: most publishes are never asked about. */
  byKey?: Map<string, Fix[]>;
}

const keyOf = (rule: string, range: Range, message: string) => `${rule}\n${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}\n${message}`;

export class PublishedFixes {
  private readonly byUri = new Map<string, Published>();

  /** `findings` went out as the diagnostics of `version`. */
  published(uri: string, version: number, findings: readonly Finding[]): void {
    const fixable = findings.filter((finding) => finding.fixes.length > 0);
    if (fixable.length > 0) this.byUri.set(uri, { version, findings: fixable });
    else this.byUri.delete(uri);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /**
   * The fixes of the finding published as `diagnostic`, when the document is still at the
   * version they were published for (after a change their ranges no longer match the text,
   * and fresh diagnostics are on their way).
   */
  fixesFor(uri: string, version: number, diagnostic: Diagnostic): Fix[] {
    const published = this.byUri.get(uri);
    if (!published || published.version !== version || diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string' || typeof diagnostic.message !== 'string') return [];
    if (!published.byKey) {
      published.byKey = new Map();
      // The first of identical findings wins: the same rule, place and message is the same problem.
      for (const finding of published.findings) {
        const key = keyOf(finding.rule, finding.range, finding.message);
        if (!published.byKey.has(key)) published.byKey.set(key, finding.fixes);
      }
    }
    return published.byKey.get(keyOf(diagnostic.code, diagnostic.range, diagnostic.message)) ?? [];
  }
}
