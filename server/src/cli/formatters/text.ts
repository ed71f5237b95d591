import { chosenFix, type Finding, type Severity } from '../../engine';
import { oneBased, relatedPlaces, type Formatter } from './report';

const SEVERITY_COLOURS: Record<Severity, string> = { error: '31', warning: '33', info: '36' };

export const formatText: Formatter = (report, { color }) => {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const rows = report.files.flatMap((file) =>
    file.findings.map((finding) => {
      const { line, column } = oneBased(finding.range);
      // The cause, when it is in another file: the Dockerfile line behind a cross-file finding.
      const related = relatedPlaces(file, finding)
        .filter((place) => place.absolutePath !== file.absolutePath)
        .map((place) => `${place.path}:${oneBased(place.range).line}:${oneBased(place.range).column}: ${place.message}`);
      return { location: `${file.path}:${line}:${column}`, finding, related };
    }),
  );
  // Padding the first columns makes rule ids and messages line up when scanning by eye.
  const locationWidth = Math.max(0, ...rows.map((row) => row.location.length));
  const ruleWidth = Math.max(0, ...rows.map((row) => row.finding.rule.length));
  const lines = rows.flatMap(({ location, finding, related }) => {
    const hint = fixHint(finding);
    const row = [
      location.padEnd(locationWidth),
      paint(SEVERITY_COLOURS[finding.severity], finding.severity.padEnd('warning'.length)),
      paint('2', finding.rule.padEnd(ruleWidth)),
      finding.message + (hint ? ` ${paint('2', hint)}` : ''),
    ].join('  ');
    return [row, ...related.map((place) => paint('2', `${' '.repeat(locationWidth)}  ↳ ${place}`))];
  });
  for (const path of report.fixedPaths) lines.push(`Fixed ${path}`);
  if (lines.length > 0) lines.push('');
  lines.push(paint('1', summary(report.files.map((file) => file.findings))));
  return `${lines.join('\n')}\n`;
};

function fixHint(finding: Finding): string | undefined {
  const fix = chosenFix(finding, ['safe']);
  if (fix) return `(fix: ${fix.title} — run with --fix)`;
  const unsafe = chosenFix(finding, ['unsafe']);
  return unsafe ? `(unsafe fix: ${unsafe.title} — review, or run with --fix-unsafe)` : undefined;
}

function summary(findingsPerFile: Finding[][]): string {
  const all = findingsPerFile.flat();
  const fileCount = findingsPerFile.length;
  if (all.length === 0) return `No findings in ${count(fileCount, 'file')}.`;
  const bySeverity = (['error', 'warning', 'info'] as const)
    .map((severity) => ({ severity, n: all.filter((finding) => finding.severity === severity).length }))
    .filter(({ n }) => n > 0)
    .map(({ severity, n }) => (severity === 'info' ? `${n} info` : count(n, severity)));
  const withFindings = findingsPerFile.filter((findings) => findings.length > 0).length;
  const files = withFindings === fileCount ? count(fileCount, 'file') : `${withFindings} of ${count(fileCount, 'file')}`;
  const fixable = all.filter((finding) => chosenFix(finding, ['safe'])).length;
  return `${count(all.length, 'finding')} (${bySeverity.join(', ')}) in ${files}${fixable > 0 ? `; ${fixable} fixable with --fix` : ''}.`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
