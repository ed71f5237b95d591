import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules, ruleDocsUrl, type Fix, type Range, type RuleMeta, type SeveritySetting } from '../../engine';
import { PRODUCT_HOMEPAGE, PRODUCT_NAME, PRODUCT_VERSION } from '../product';
import { oneBased, relatedPlaces, type Formatter } from './report';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';
const SYNTAX_ERROR_NOTIFICATION = 'syntax-error';

const LEVELS: Record<SeveritySetting, 'error' | 'warning' | 'note' | 'none'> = { error: 'error', warning: 'warning', info: 'note', off: 'none' };

/** SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it. */
export const formatSarif: Formatter = (report, { cwd }) => {
  const ruleIndex = new Map(allRules.map((rule, index) => [rule.id, index]));
  const results = report.files.flatMap((file) => {
    const artifactLocation = artifactLocationOf(file.absolutePath, cwd);
    return file.findings.map((finding) => ({
      ruleId: finding.rule,
      ruleIndex: ruleIndex.get(finding.rule) ?? -1,
      level: LEVELS[finding.severity],
      message: { text: finding.message },
      locations: [{ physicalLocation: { artifactLocation, region: region(finding.range) } }],
      ...(finding.related?.length
        ? { relatedLocations: relatedPlaces(file, finding).map((place, id) => ({ id, physicalLocation: { artifactLocation: artifactLocationOf(place.absolutePath, cwd), region: region(place.range) }, message: { text: place.message } })) }
        : {}),
      ...(finding.fixes.length > 0 ? { fixes: finding.fixes.map((fix) => sarifFix(fix, artifactLocation)) } : {}),
    }));
  });
  // SARIF's word for "this file could not be analysed, its results are incomplete" (2.1.0,
  // appendix I): an error-level notification of the run, not a result, which needs a rule.
  const toolExecutionNotifications = report.files.flatMap((file) =>
    file.syntaxErrors.map((problem) => ({
      level: 'error',
      message: { text: problem.message },
      locations: [{ physicalLocation: { artifactLocation: artifactLocationOf(file.absolutePath, cwd), region: region(problem.range) } }],
      descriptor: { id: SYNTAX_ERROR_NOTIFICATION },
    })),
  );
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: PRODUCT_NAME,
            version: PRODUCT_VERSION,
            semanticVersion: PRODUCT_VERSION,
            informationUri: PRODUCT_HOMEPAGE,
            rules: allRules.map(ruleDescriptor),
            notifications: [{ id: SYNTAX_ERROR_NOTIFICATION, shortDescription: { text: 'The file does not parse: it was not checked past the error.' } }],
          },
        },
        // The run completes whatever a file holds; a syntax error is a notification above.
        invocations: [{ executionSuccessful: true, ...(toolExecutionNotifications.length > 0 ? { toolExecutionNotifications } : {}) }],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(cwd.endsWith(sep) ? cwd : cwd + sep).href } },
        // The engine counts columns in UTF-16 code units, as LSP does.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function ruleDescriptor(rule: RuleMeta) {
  return {
    id: rule.id,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.why },
    help: {
      text: `${rule.why}\n\nExample:\n${rule.example}\n\nUse instead:\n${rule.useInstead}`,
      markdown: `${rule.why}\n\n**Example**\n\n\`\`\`dockerfile\n${rule.example}\n\`\`\`\n\n**Use instead**\n\n\`\`\`dockerfile\n${rule.useInstead}\n\`\`\``,
    },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: rule.defaultSeverity === 'off' ? { enabled: false, level: LEVELS.off } : { level: LEVELS[rule.defaultSeverity] },
    properties: { category: rule.category, tags: [rule.category], fixSafety: rule.fixSafety, equivalents: rule.equivalents },
  };
}

function sarifFix(fix: Fix, artifactLocation: ReturnType<typeof artifactLocationOf>) {
  return {
    description: { text: fix.title },
    artifactChanges: [
      {
        artifactLocation,
        replacements: fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
      },
    ],
    properties: { safety: fix.safety },
  };
}

function region(range: Range) {
  const { line, column, endLine, endColumn } = oneBased(range);
  return { startLine: line, startColumn: column, endLine, endColumn };
}

/** Relative to the working folder (the repository root in CI), else an absolute file URI. */
function artifactLocationOf(absolutePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const path = relative(cwd, absolutePath);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return { uri: pathToFileURL(absolutePath).href };
  return { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}
