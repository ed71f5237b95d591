/**
 * The fixture corpus: realistic Dockerfiles (test/fixtures/dockerfiles/<name>/) analysed with
 * their build context and configuration read from their folder, as the CLI does, and compared
 * with the reviewed findings in expected.json. See test/fixtures/dockerfiles/README.md for the
 * files and the review workflow; `UPDATE_EXPECTATIONS=1` rewrites the snapshots.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { allRules, analyze, applyEdits, chosenFix, fixAll, type AnalysisResult, type Finding } from '../../server/src/engine';
import { buildContextFor } from '../../server/src/host/build-context';
import { findConfigFor } from '../../server/src/host/config-loader';
import { findShellcheck, shellcheckService } from '../../server/src/host/shellcheck';

const CORPUS = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'dockerfiles');
const REVIEWED_RULES_FILE = join(CORPUS, 'reviewed-rules.json');
const UPDATE = process.env.UPDATE_EXPECTATIONS === '1';
// The `shellcheck` rule runs only with the binary (CI may lack it): its expected findings are
// then left unchecked, and snapshots are only rewritten where it is installed.
const SHELLCHECK = findShellcheck(undefined);
const services = SHELLCHECK ? shellcheckService(SHELLCHECK) : {};

type KnownIssueKind = 'false-positive' | 'missing' | 'message' | 'internal-error' | 'fix';

/**
 * A finding the engine gets wrong, kept visible as a todo until it is fixed:
 * - false-positive: reported, but a reviewer rejects it (so it is not in expected.json);
 * - missing: in expected.json, but not reported (a wrong position is one of each);
 * - message: reported where it should be, but the message misleads;
 * - internal-error / fix: `finding` names the rule that throws or whose safe fix misbehaves.
 */
interface KnownIssue {
  finding: string;
  kind: KnownIssueKind;
  reason: string;
}

interface Fixture {
  name: string;
  folder: string;
  dockerfile: string;
  text: string;
}

/** `rule@line:column`, 1-based like the CLI's text output, so it reads the same in a review. */
function key(finding: Finding): string {
  return `${finding.rule}@${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
}

/** The rule of a `rule@line:column` key, or the key itself for issues that name a rule only. */
function ruleOf(findingKey: string): string {
  const at = findingKey.indexOf('@');
  return at < 0 ? findingKey : findingKey.slice(0, at);
}

function byPosition(a: string, b: string): number {
  const [lineA, columnA] = a.slice(a.indexOf('@') + 1).split(':').map(Number);
  const [lineB, columnB] = b.slice(b.indexOf('@') + 1).split(':').map(Number);
  return lineA - lineB || columnA - columnB || a.localeCompare(b);
}

function readJson<T>(path: string, fallback: T): T {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

function fixtures(): Fixture[] {
  return readdirSync(CORPUS)
    .filter((name) => statSync(join(CORPUS, name)).isDirectory())
    .sort()
    .map((name) => {
      const folder = join(CORPUS, name);
      const dockerfile = join(folder, 'Dockerfile');
      // Read as the CLI does: the BOM is not part of the text positions count from.
      const text = readFileSync(dockerfile, 'utf8').replace(/^\uFEFF/, '');
      return { name, folder, dockerfile, text };
    });
}

function isCrlfOnly(text: string): boolean {
  return text.includes('\r\n') && !/(^|[^\r])\n/.test(text);
}

function describe(findings: readonly Finding[], keys: readonly string[]): string {
  return keys.map((k) => `  ${k}  ${findings.find((finding) => key(finding) === k)?.message ?? ''}`).join('\n');
}

const reviewedRules = new Set(readJson<string[]>(REVIEWED_RULES_FILE, []));
const ruleIds = new Set(allRules.map((rule) => rule.id));

/**
 * Whether this build can check a finding: its rule exists (rules land concurrently, so a
 * snapshot may name one this build lacks; see the absent-rules todo) and, for `shellcheck`,
 * the binary is installed.
 */
function checkable(findingKey: string): boolean {
  const rule = ruleOf(findingKey);
  return ruleIds.has(rule) && (rule !== 'shellcheck' || SHELLCHECK !== undefined);
}
const corpus = fixtures();

test('the corpus has at least 40 fixtures', () => {
  assert.ok(corpus.length >= 40, `only ${corpus.length} fixtures`);
});

for (const fixture of corpus) {
  test(fixture.name, async (t) => {
    const expectedFile = join(fixture.folder, 'expected.json');
    const knownFile = join(fixture.folder, 'known-issues.json');
    const found = findConfigFor(fixture.dockerfile, fixture.folder);
    assert.deepEqual(found.problems, [], 'the fixture configuration has problems');
    const context = buildContextFor(fixture.dockerfile);
    const run = (text: string): AnalysisResult => analyze({ text, kind: 'dockerfile', config: found.config, context, services });

    const result = run(fixture.text);
    const actual = result.findings.map(key).sort(byPosition);
    const allKnown = readJson<KnownIssue[]>(knownFile, []);

    if (UPDATE) {
      assert.ok(SHELLCHECK, 'install shellcheck before rewriting the snapshots, or its findings would be dropped');
      update(actual, allKnown, expectedFile, knownFile);
      return;
    }
    const expected = readJson<string[]>(expectedFile, []).filter(checkable);
    const known = allKnown.filter((issue) => checkable(issue.finding));

    await t.test('known issues are consistent with expected.json', () => {
      for (const issue of known) {
        if (issue.kind === 'false-positive') assert.ok(!expected.includes(issue.finding), `${issue.finding} is a false positive but expected.json lists it`);
        if (issue.kind === 'missing') assert.ok(expected.includes(issue.finding), `${issue.finding} is missing but expected.json does not list it`);
      }
    });

    await t.test('findings match expected.json', () => {
      const knownKeys = new Set(known.filter((issue) => issue.kind === 'false-positive' || issue.kind === 'missing').map((issue) => issue.finding));
      const unexpected = actual.filter((k) => !expected.includes(k) && reviewedRules.has(ruleOf(k)) && !knownKeys.has(k));
      const missing = expected.filter((k) => !actual.includes(k) && !knownKeys.has(k));
      assert.ok(
        unexpected.length === 0 && missing.length === 0,
        `${fixture.name}/Dockerfile:\nunexpected:\n${describe(result.findings, unexpected)}\nmissing:\n${missing.map((k) => `  ${k}`).join('\n')}\n` +
          'Review them; if the engine is right, run the tests with UPDATE_EXPECTATIONS=1.',
      );
    });

    for (const issue of known) await checkKnownIssue(t, issue, actual, result);

    const unreviewed = actual.filter((k) => !reviewedRules.has(ruleOf(k)));
    if (unreviewed.length > 0) {
      await t.test('findings of rules not yet reviewed on the corpus', { todo: describe(result.findings, unreviewed).trim() }, () => {});
    }

    await t.test('no rule throws', () => {
      const unknown = result.internalErrors.filter((error) => !known.some((issue) => issue.kind === 'internal-error' && issue.finding === error.rule));
      assert.deepEqual(unknown, []);
    });

    await t.test('each safe fix re-analyses cleanly and removes its finding', () => {
      for (const finding of result.findings) {
        const fix = chosenFix(finding);
        if (!fix || known.some((issue) => issue.kind === 'fix' && issue.finding === finding.rule)) continue;
        const fixed = applyEdits(fixture.text, fix.edits);
        const after = run(fixed);
        assert.deepEqual(after.internalErrors, [], `after the fix of ${key(finding)}`);
        const before = result.findings.filter((other) => other.rule === finding.rule).length;
        const remaining = after.findings.filter((other) => other.rule === finding.rule).length;
        assert.ok(remaining < before, `the fix "${fix.title}" of ${key(finding)} leaves ${remaining} of ${before} ${finding.rule} findings`);
        if (isCrlfOnly(fixture.text)) assert.ok(isCrlfOnly(fixed), `the fix "${fix.title}" of ${key(finding)} writes a bare LF into a CRLF file`);
      }
    });

    await t.test('fix-all reaches a fixed point that keeps the line endings', () => {
      if (result.findings.every((finding) => !chosenFix(finding))) return;
      const fixed = fixAll(fixture.text, (text) => run(text).findings);
      const after = run(fixed);
      assert.deepEqual(after.internalErrors, []);
      assert.equal(fixAll(fixed, (text) => run(text).findings), fixed, 'fix-all is not idempotent');
      const leftover = after.findings.filter((finding) => chosenFix(finding)).map(key);
      assert.deepEqual(leftover, [], 'findings with a safe fix survive fix-all');
      if (isCrlfOnly(fixture.text)) assert.ok(isCrlfOnly(fixed), 'fix-all writes a bare LF into a CRLF file');
    });
  });
}

test('CRLF fixtures still have CRLF line endings (no checkout normalised them)', () => {
  for (const name of ['crlf-clean', 'crlf-flawed', 'windows-servercore']) {
    assert.ok(isCrlfOnly(readFileSync(join(CORPUS, name, 'Dockerfile'), 'utf8')), name);
  }
});

test('every reviewed rule exists in this build', (t) => {
  if (UPDATE) writeJson(REVIEWED_RULES_FILE, [...ruleIds].sort());
  const absent = [...reviewedRules].filter((id) => !ruleIds.has(id));
  // Not a failure: the rule may not have landed yet, or was renamed (its new id then shows as unreviewed).
  if (absent.length > 0 && !UPDATE) t.todo(`expected findings of these rules are not checked: ${absent.join(', ')}`);
});

/** A known issue shows up as a todo while it reproduces, and fails once fixed so that the entry is removed. */
async function checkKnownIssue(t: TestContext, issue: KnownIssue, actual: readonly string[], result: AnalysisResult): Promise<void> {
  const label = `known ${issue.kind}: ${issue.finding}`;
  const reproduces =
    issue.kind === 'false-positive' || issue.kind === 'message'
      ? actual.includes(issue.finding)
      : issue.kind === 'missing'
        ? !actual.includes(issue.finding)
        : issue.kind === 'internal-error'
          ? result.internalErrors.some((error) => error.rule === issue.finding)
          : true;
  if (reproduces) {
    await t.test(label, { todo: issue.reason }, () => {});
    return;
  }
  await t.test(label, () => {
    assert.fail(`${issue.finding} no longer reproduces (${issue.reason}); remove it from known-issues.json or run with UPDATE_EXPECTATIONS=1`);
  });
}

/**
 * Snapshots what the engine reports now, as reviewed: known false positives stay out, known
 * missing findings stay in, and issues that no longer reproduce are dropped. (Every rule that
 * exists then counts as reviewed: see reviewed-rules.json.)
 */
function update(actual: readonly string[], known: readonly KnownIssue[], expectedFile: string, knownFile: string): void {
  const stillKnown = known.filter((issue) => {
    if (issue.kind === 'false-positive' || issue.kind === 'message') return actual.includes(issue.finding);
    if (issue.kind === 'missing') return !actual.includes(issue.finding);
    return true;
  });
  const falsePositives = new Set(stillKnown.filter((issue) => issue.kind === 'false-positive').map((issue) => issue.finding));
  const missing = stillKnown.filter((issue) => issue.kind === 'missing').map((issue) => issue.finding);
  const expected = [...actual.filter((k) => !falsePositives.has(k)), ...missing].sort(byPosition);
  writeJson(expectedFile, expected);
  if (stillKnown.length > 0) writeJson(knownFile, stillKnown);
  else rmSync(knownFile, { force: true });
}
