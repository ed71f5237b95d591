import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allRules, analyze, type EngineConfig } from '../../server/src/engine';

const TRACER_RULES = ['image-untagged', 'image-latest-tag', 'cmd-shell-form', 'user-root', 'consecutive-run'];
/** Only the five tracer rules, so these expectations do not move as rules are added. */
const tracerOnly = (rules: EngineConfig['rules'] = {}): EngineConfig => ({
  rules: { ...Object.fromEntries(allRules.filter((rule) => !TRACER_RULES.includes(rule.id)).map((rule) => [rule.id, 'off'])), ...rules },
});

const rulesAt = (text: string, config: EngineConfig = {}) =>
  analyze({ text, kind: 'dockerfile', config: tracerOnly(config.rules) }).findings.map((finding) => `${finding.rule}@${finding.range.start.line + 1}:${finding.severity}`);

test('shipshape-ignore silences the named rules on the next instruction only', () => {
  const text = ['# shipshape-ignore image-latest-tag,user-root -- pinned by renovate', 'FROM alpine:latest', 'FROM alpine:latest', 'USER node'].join('\n');
  assert.deepEqual(rulesAt(text), ['image-latest-tag@3:warning']);
});

test('shipshape-ignore covers every line of a continued instruction', () => {
  const text = ['FROM debian:13-slim@sha256:0000000000000000000000000000000000000000000000000000000000000000', 'USER 1000', 'RUN a', '# shipshape-ignore consecutive-run', 'RUN b \\', '  && c'].join('\n');
  assert.deepEqual(rulesAt(text), []);
});

test('shipshape-ignore-file silences the rule everywhere', () => {
  const text = ['FROM alpine:latest', '# shipshape-ignore-file image-latest-tag', 'FROM alpine:latest', 'USER node'].join('\n');
  assert.deepEqual(rulesAt(text), []);
});

test('a pragma for another rule does not silence this one', () => {
  assert.deepEqual(rulesAt('# shipshape-ignore user-root\nFROM alpine:latest\nUSER node'), ['image-latest-tag@2:warning']);
});

test('severity overrides and off', () => {
  const text = 'FROM alpine:latest\nCMD node a.js';
  assert.deepEqual(rulesAt(text, { rules: { 'image-latest-tag': 'error', 'user-root': 'off' } }), ['image-latest-tag@1:error', 'cmd-shell-form@2:warning']);
});

test('broken input is analysed as far as it goes and never throws', () => {
  for (const text of ['', '\u0000\u0001binary\uFFFD', 'FROM', 'RUN', 'FROM node:latest\nCMD ["unterminated', 'FROM ${', '\\\n\\\n', 'ONBUILD', 'FROM a AS\nCOPY --from= . .']) {
    const result = analyze({ text, kind: 'dockerfile' });
    assert.deepEqual(result.internalErrors, [], JSON.stringify(text));
  }
});

test('hadolint ignore comments map to the equivalent rules', () => {
  const text = ['# hadolint ignore=DL3007', 'FROM alpine:latest AS a', 'FROM alpine:latest', 'USER node'].join('\n');
  assert.deepEqual(rulesAt(text), ['image-latest-tag@3:warning']);
  assert.deepEqual(rulesAt(['# hadolint global ignore=DL3007,DL3002', 'FROM alpine:latest'].join('\n')), []);
});

test('BuildKit check=skip directives map to the equivalent rules', () => {
  const text = ['# syntax=docker/dockerfile:1', '# check=skip=JSONArgsRecommended;error=true', 'FROM node:22-slim@sha256:0000000000000000000000000000000000000000000000000000000000000000', 'USER node', 'CMD node a.js'].join('\n');
  assert.deepEqual(rulesAt(text), []);
  assert.deepEqual(rulesAt(['# check=skip=all', 'FROM node:22-slim@sha256:0000000000000000000000000000000000000000000000000000000000000000', 'USER node', 'CMD node a.js'].join('\n')), []);
});

// The pragma patterns once backtracked catastrophically: a 3 KB comment line took a minute.
test('comment lines of thousands of tabs are read in linear time, pragmas among them still work', { timeout: 10_000 }, () => {
  const tabs = '\t'.repeat(5000);
  const hostile = [`#shipshape-ignore\t${tabs}${tabs}--\n#${tabs}`, `#HADOLINT\tIGNORE=${tabs}\tIGNORE${tabs}=T`, `#HADOLINT\tGLOBAL\tIGNORE=${tabs}\tGLOBAL\tIGNORE${tabs}=\t`, `#CHECK=${tabs}CHECK=\u2028`, `# shipshape-ignore-file\t${tabs}\t--\t${tabs}\u0000`];
  const text = [...hostile, `# shipshape-ignore image-latest-tag${tabs}--${tabs}reason`, 'FROM alpine:latest', 'FROM alpine:latest', `# hadolint ignore=DL3002${tabs}`, 'USER root'].join('\n');
  assert.deepEqual(rulesAt(text), ['image-latest-tag@9:warning']);
});

test('shipshape-ignore reads the ids before the first " -- " and nothing else', () => {
  assert.deepEqual(rulesAt('# shipshape-ignore image-latest-tag -- because -- reasons\nFROM alpine:latest\nUSER node'), []);
  // Not a list of ids: the pragma is ignored.
  assert.deepEqual(rulesAt('# shipshape-ignore image-latest-tag; user-root\nFROM alpine:latest\nUSER node'), ['image-latest-tag@2:warning']);
});
