import { oneBased, relatedPlaces, type Formatter } from './report';

/** The documented, stable shape: key order included, so scripts may even diff it. */
export const formatJson: Formatter = (report) => {
  const findings = report.files.flatMap((file) =>
    file.findings.map((finding) => ({
      file: file.path,
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      ...oneBased(finding.range),
      fixable: finding.fixes.length > 0,
      // Where the cause is, in this file or another (the Dockerfile of a cross-file finding).
      ...(finding.related?.length ? { related: relatedPlaces(file, finding).map((place) => ({ file: place.path, message: place.message, ...oneBased(place.range) })) } : {}),
    })),
  );
  // Files that did not parse: the exit code is 2 and their findings are incomplete.
  const syntaxErrors = report.files.flatMap((file) => file.syntaxErrors.map((problem) => ({ file: file.path, message: problem.message, ...oneBased(problem.range) })));
  return `${JSON.stringify({ version: 1, findings, syntaxErrors })}\n`;
};
