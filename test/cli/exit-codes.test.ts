import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { version } from '../../package.json';
import { CLEAN, NODE_APP, run, workspace } from './harness';

const ONLY_INFO = 'FROM gcr.io/distroless/static-debian13:nonroot\nRUN a\nRUN b\n';

test('exit 0 when nothing is at or above --fail-on, 1 when something is', () => {
  const cwd = workspace({ 'app/Dockerfile': NODE_APP, 'clean/Dockerfile': CLEAN, 'info/Dockerfile': ONLY_INFO });
  const cases: [string[], number][] = [
    [['check', 'clean'], 0],
    [['check', 'app'], 1],
    [['check', 'app', '--fail-on', 'warning'], 1],
    [['check', 'app', '--fail-on', 'error'], 0],
    [['check', 'app', '--fail-on', 'none'], 0],
    [['check', 'info'], 0],
    [['check', 'info', '--fail-on', 'info'], 1],
    [['check', 'clean', '--fail-on', 'info'], 0],
    [['check', 'app', '--fail-on=error', '--rule', 'image-latest-tag=error'], 1],
  ];
  for (const [argv, expected] of cases) assert.equal(run(cwd, argv).code, expected, argv.join(' '));
});

test('--rule turns rules off or changes their severity', () => {
  const cwd = workspace({ Dockerfile: NODE_APP });
  const rules = (...overrides: string[]) =>
    JSON.parse(run(cwd, ['check', '--format', 'json', ...overrides.flatMap((override) => ['--rule', override])]).stdout).findings.map(
      (finding: { rule: string; severity: string }) => `${finding.rule}:${finding.severity}`,
    );
  assert.deepEqual(rules('user-root=off', 'image-latest-tag=off'), ['consecutive-run:info', 'cmd-shell-form:warning']);
  assert.deepEqual(rules('consecutive-run=error', 'user-root=info', 'image-latest-tag=off', 'cmd-shell-form=off'), ['user-root:info', 'consecutive-run:error']);
  // The last word on a rule wins.
  assert.deepEqual(rules('user-root=off', 'image-latest-tag=off', 'cmd-shell-form=off', 'consecutive-run=off', 'consecutive-run=warning'), ['consecutive-run:warning']);
  assert.equal(run(cwd, ['check', '--rule', 'user-root=off', '--rule', 'image-latest-tag=off', '--rule', 'cmd-shell-form=off']).code, 0);
});

test('usage errors: exit 2, one line on stderr, nothing on stdout', () => {
  const cwd = workspace({ Dockerfile: NODE_APP });
  const cases: [string[], RegExp][] = [
    [[], /missing command/],
    [['lint'], /unknown command "lint"/],
    [['check', '--format', 'xml'], /--format must be one of text, json, sarif, not "xml"/],
    [['check', '--format'], /--format/],
    [['check', '--fail-on', 'warn'], /--fail-on must be one of info, warning, error, none/],
    [['check', '--rule', 'no-such-rule=off'], /unknown rule "no-such-rule"/],
    [['check', '--rule', 'user-root=loud'], /--rule user-root must be one of off, info, warning, error, not "loud"/],
    [['check', '--rule', 'user-root'], /--rule expects <id>=off\|info\|warning\|error/],
    [['check', '--bogus'], /Unknown option '--bogus'/],
    [['check', '--fix=yes'], /--fix/],
  ];
  for (const [argv, message] of cases) {
    const result = run(cwd, argv);
    assert.equal(result.code, 2, argv.join(' '));
    assert.equal(result.stdout, '', argv.join(' '));
    assert.match(result.stderr, /^shipshape: [^\n]*\(see shipshape --help\)\n$/, argv.join(' '));
    assert.match(result.stderr, message, argv.join(' '));
  }
});

test('a missing path: exit 2 with one line, before any output', () => {
  const cwd = workspace({ Dockerfile: NODE_APP });
  assert.deepEqual(run(cwd, ['check', 'Dockerfile', 'nope/Dockerfile']), { code: 2, stdout: '', stderr: 'shipshape: cannot read nope/Dockerfile: no such file or directory\n' });
});

test('a folder that cannot be listed: exit 2 with one line; deeper down only a warning', () => {
  const cwd = workspace({ 'top/Dockerfile': CLEAN, 'top/locked/Dockerfile': NODE_APP });
  const denied = (path: string) => {
    if (path.endsWith('locked') || path.endsWith('top')) throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
  };
  const lockedTop = run(cwd, ['check', 'top'], { fs: { readDirectory: (path) => (denied(path), []) } });
  assert.deepEqual(lockedTop, { code: 2, stdout: '', stderr: 'shipshape: cannot read top: permission denied\n' });

  const lockedInside = run(cwd, ['check', 'top'], {
    fs: {
      readDirectory: (path) => {
        if (path.endsWith('locked')) denied(path);
        return readdirSync(path, { withFileTypes: true });
      },
    },
  });
  assert.equal(lockedInside.code, 0);
  assert.equal(lockedInside.stderr, 'shipshape: skipped top/locked: permission denied\n');
});

test('an unreadable file: exit 2 after reporting the others', () => {
  const cwd = workspace({ 'a/Dockerfile': NODE_APP, 'b/Dockerfile': CLEAN });
  const result = run(cwd, ['check', '--format', 'json'], {
    fs: {
      readFile: (path) => {
        if (path.includes('/a/')) throw new Error(`EACCES: permission denied, open '${path}'`);
        return readFileSync(path);
      },
    },
  });
  assert.equal(result.code, 2);
  assert.equal(result.stdout, '{"version":1,"findings":[],"syntaxErrors":[]}\n');
  assert.equal(result.stderr, 'shipshape: cannot read a/Dockerfile: permission denied\n');
});

test('--help and --version exit 0', () => {
  const cwd = workspace({});
  const help = run(cwd, ['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: shipshape check \[options\] \[paths\.\.\.\]/);
  assert.match(help.stdout, /cmd-shell-form +warning +CMD or ENTRYPOINT in shell form\./);
  assert.deepEqual(run(cwd, ['check', '-h']).code, 0);
  const result = run(cwd, ['--version']);
  assert.deepEqual(result, { code: 0, stdout: `${version}\n`, stderr: '' });
});
