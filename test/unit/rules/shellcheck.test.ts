import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allRules, analyze, type EngineConfig, type ShellcheckComment, type ShellcheckRequest } from '../../../server/src/engine';
import { findShellcheck, shellcheckService } from '../../../server/src/host/shellcheck';

const only: EngineConfig = { rules: { ...Object.fromEntries(allRules.map((rule) => [rule.id, 'off'])), shellcheck: 'info' } };

function findings(text: string, shellcheck: (requests: readonly ShellcheckRequest[]) => ShellcheckComment[][]) {
  const all = analyze({ text, kind: 'dockerfile', config: only, services: { shellcheck } });
  return all.findings.filter((finding) => finding.rule === 'shellcheck').map((finding) => `${finding.range.start.line + 1}:${finding.range.start.character + 1}-${finding.range.end.line + 1}:${finding.range.end.character + 1} ${finding.message}`);
}

test('ShellCheck positions map back through continuations and tabs; dialect follows SHELL', () => {
  const seen: ShellcheckRequest[] = [];
  const text = 'FROM debian:13\nRUN apt-get update \\\n\t&& echo $HOME\nSHELL ["/bin/bash", "-c"]\nRUN echo $X';
  const result = findings(text, (requests) => {
    seen.push(...requests);
    // Line 1, columns as json1 counts them: every character, the tab included, is one.
    return [[{ line: 1, column: 25, endLine: 1, endColumn: 30, level: 'info', code: 2086, message: 'Double quote to prevent globbing and word splitting.' }], [{ line: 1, column: 6, endLine: 1, endColumn: 8, level: 'warning', code: 2154, message: 'X is referenced but not assigned.' }]];
  });
  assert.deepEqual(seen.map((request) => request.dialect), ['sh', 'bash']);
  assert.equal(seen[0].script, 'apt-get update \t&& echo $HOME');
  // SC2154 is dropped: ARG and ENV assign variables outside the script.
  assert.deepEqual(result, ['3:10-3:15 SC2086 (info): Double quote to prevent globbing and word splitting.']);
});

test('no ShellCheck service: no findings and no error', () => {
  const result = analyze({ text: 'FROM debian:13\nRUN echo $1', kind: 'dockerfile', config: only });
  assert.deepEqual(result.internalErrors, []);
  assert.equal(result.findings.filter((finding) => finding.rule === 'shellcheck').length, 0);
});

test('the real shellcheck binary, when installed (CI installs it)', (t) => {
  const binary = findShellcheck(undefined);
  if (!binary) {
    assert.ok(!process.env.CI, 'CI must have shellcheck installed');
    t.skip('shellcheck is not installed');
    return;
  }
  const errors: string[] = [];
  const text = 'FROM debian:13\nRUN cd /tmp \\\n    && tar -xzf $ARCHIVE\nRUN <<EOF\nfor f in $(ls *.txt); do echo "$f"; done\nEOF\nRUN if true; then \\\n\techo $ARCHIVE; fi\n';
  const result = findings(text, shellcheckService(binary, (message) => errors.push(message)).shellcheck);
  assert.deepEqual(errors, []);
  assert.ok(result.includes('3:17-3:25 SC2086 (info): Double quote to prevent globbing and word splitting.'), result.join('\n'));
  assert.ok(result.some((line) => line.startsWith('5:10-5:21 SC2045')), result.join('\n'));
  // A tab-indented continuation line: the word is found where it is.
  assert.ok(result.includes('8:7-8:15 SC2086 (info): Double quote to prevent globbing and word splitting.'), result.join('\n'));
});

test('ShellCheck is told the ARG and ENV variables in force, and does not read heredocs fed to other interpreters', () => {
  const seen: ShellcheckRequest[] = [];
  const text = [
    'FROM debian:13',
    'ARG UID=10001',
    'ARG TARGETARCH',
    'ARG TOKEN',
    'ENV PORT=8080 NAME="a b" URL=http://x:$PORT',
    'RUN echo $UID $TARGETARCH $TOKEN $PORT $NAME $URL \\',
    '  && perl - <<PL',
    'print `uname -r`;',
    'PL',
    'RUN <<EOF',
    '#!/bin/sh',
    '# shellcheck disable=SC2086',
    'echo $PORT',
    'EOF',
  ].join('\n');
  const result = findings(text, (requests) => {
    seen.push(...requests);
    // A finding on a declaration line is ShellCheck's own business: dropped.
    return [[{ line: 2, column: 1, endLine: 2, endColumn: 5, level: 'info', code: 1000, message: 'on a declaration' }, { line: 7, column: 6, endLine: 7, endColumn: 10, level: 'info', code: 2086, message: 'Double quote to prevent globbing and word splitting.' }], [{ line: 9, column: 6, endLine: 9, endColumn: 11, level: 'info', code: 2086, message: 'Double quote to prevent globbing and word splitting.' }]];
  });
  assert.equal(seen[0].script, [
    "UID='10001'",
    "TARGETARCH='amd64'",
    'read -r TOKEN',
    "PORT='8080'",
    "NAME='a b'",
    "URL='http://x:8080'",
    'echo $UID $TARGETARCH $TOKEN $PORT $NAME $URL   && perl - <<PL',
    ' '.repeat('print `uname -r`;'.length),
    'PL',
  ].join('\n'));
  // After a shebang and leading directives, which must stay first.
  assert.equal(seen[1].script.split('\n').slice(0, 4).join('\n'), "#!/bin/sh\n# shellcheck disable=SC2086\nUID='10001'\nTARGETARCH='amd64'");
  assert.deepEqual(result, ['6:10-6:14 SC2086 (info): Double quote to prevent globbing and word splitting.', '13:6-13:11 SC2086 (info): Double quote to prevent globbing and word splitting.']);
});

test('with the real shellcheck: no SC2086 for word-safe ARG/ENV constants, none for UID in sh, none inside a Perl heredoc', (t) => {
  const binary = findShellcheck(undefined);
  if (!binary) {
    t.skip('shellcheck is not installed');
    return;
  }
  const text = 'FROM debian:13\nARG UID=10001\nARG TARGETARCH\nARG TOKEN\nENV NGINX_VERSION=1.27.0 SPACED="a b"\nRUN echo $UID $TARGETARCH $NGINX_VERSION $SPACED $TOKEN\nRUN <<PL perl -\nprint `uname -r`;\nPL\n';
  const result = findings(text, shellcheckService(binary).shellcheck);
  assert.deepEqual(result, ['6:42-6:49 SC2086 (info): Double quote to prevent globbing and word splitting.', '6:50-6:56 SC2086 (info): Double quote to prevent globbing and word splitting.']);
});
