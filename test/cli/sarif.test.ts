import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { version } from '../../package.json';
import { allRules, ruleDocsUrl } from '../../server/src/engine';
import { BROKEN_MANIFEST, BROKEN_MANIFEST_ERROR, CLEAN, NODE_APP, run, TRACER_RULES_ONLY, workspace } from './harness';

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

test('sarif: a valid 2.1.0 log with rule descriptors, 1-based regions and fixes', () => {
  const cwd = workspace({ 'app/Dockerfile': NODE_APP });
  const { stdout, code } = run(cwd, ['check', '--format', 'sarif', '--rule', 'image-latest-tag=error']);
  assert.equal(code, 1);
  const log = JSON.parse(stdout);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
  assert.equal(log.runs.length, 1);
  const [sarifRun] = log.runs;
  assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
  assert.deepEqual(sarifRun.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(`${cwd}/`).href } });

  const { driver } = sarifRun.tool;
  assert.equal(driver.name, 'Shipshape');
  assert.equal(driver.version, version);
  assert.match(driver.informationUri, /^https:\/\//);
  assert.deepEqual(driver.rules.map((rule: { id: string }) => rule.id), allRules.map((rule) => rule.id));
  const cmd = driver.rules.find((rule: { id: string }) => rule.id === 'cmd-shell-form');
  const meta = allRules.find((rule) => rule.id === 'cmd-shell-form')!;
  assert.deepEqual(cmd.shortDescription, { text: meta.summary });
  assert.deepEqual(cmd.fullDescription, { text: meta.why });
  assert.equal(cmd.helpUri, ruleDocsUrl('cmd-shell-form'));
  assert.deepEqual(cmd.defaultConfiguration, { level: 'warning' });
  assert.equal(cmd.properties.category, 'process');
  assert.deepEqual(cmd.properties.tags, ['process']);
  assert.ok(cmd.help.text.includes(meta.useInstead));
  assert.deepEqual(driver.rules.find((rule: { id: string }) => rule.id === 'consecutive-run').defaultConfiguration, { level: 'note' });

  const summary = sarifRun.results.map((result: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: unknown; region: Region } }[] }) => {
    assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'app/Dockerfile', uriBaseId: '%SRCROOT%' });
    return [result.ruleId, result.level, result.locations[0].physicalLocation.region];
  });
  assert.deepEqual(summary, [
    ['user-root', 'warning', { startLine: 1, startColumn: 6, endLine: 1, endColumn: 17 }],
    ['image-latest-tag', 'error', { startLine: 1, startColumn: 11, endLine: 1, endColumn: 17 }],
    ['consecutive-run', 'note', { startLine: 5, startColumn: 1, endLine: 5, endColumn: 4 }],
    ['cmd-shell-form', 'warning', { startLine: 6, startColumn: 5, endLine: 6, endColumn: 19 }],
  ]);

  const cmdResult = sarifRun.results.find((result: { ruleId: string }) => result.ruleId === 'cmd-shell-form');
  assert.equal(cmdResult.message.text, 'CMD in shell form runs under `/bin/sh -c`: the shell is PID 1 and does not pass SIGTERM on to the app. Use exec form.');
  assert.deepEqual(cmdResult.fixes, [
    {
      description: { text: 'Convert to exec form' },
      artifactChanges: [
        {
          artifactLocation: { uri: 'app/Dockerfile', uriBaseId: '%SRCROOT%' },
          replacements: [{ deletedRegion: { startLine: 6, startColumn: 5, endLine: 6, endColumn: 19 }, insertedContent: { text: '["node", "server.js"]' } }],
        },
      ],
      properties: { safety: 'safe' },
    },
  ]);
  const latest = sarifRun.results.find((result: { ruleId: string }) => result.ruleId === 'image-latest-tag');
  assert.equal('fixes' in latest, false, 'no empty fixes array where there is no fix');
});

test('sarif: files outside the working folder get absolute file URIs; odd names are encoded', () => {
  const outside = workspace({ 'my app/Dockerfile': NODE_APP });
  const cwd = workspace({ 'my app/Dockerfile #1': NODE_APP });
  const uris = (argv: string[]) =>
    JSON.parse(run(cwd, ['check', '--format', 'sarif', ...argv]).stdout).runs[0].results.map(
      (result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => result.locations[0].physicalLocation.artifactLocation.uri,
    );
  assert.deepEqual(new Set(uris(['my app/Dockerfile #1'])), new Set(['my%20app/Dockerfile%20%231']));
  assert.deepEqual(new Set(uris([`${outside}/my app`])), new Set([pathToFileURL(`${outside}/my app/Dockerfile`).href]));
});

test('sarif: a clean run still describes the tool and its rules', () => {
  const cwd = workspace({});
  const log = JSON.parse(run(cwd, ['check', '--format', 'sarif']).stdout);
  assert.deepEqual(log.runs[0].results, []);
  assert.equal(log.runs[0].tool.driver.rules.length, allRules.length);
});

test('sarif: a manifest that does not parse is an error-level tool execution notification at the error, not a result', () => {
  const cwd = workspace({ Dockerfile: CLEAN, 'k8s/pod.yaml': BROKEN_MANIFEST });
  const { code, stdout } = run(cwd, ['check', '--format', 'sarif', ...TRACER_RULES_ONLY]);
  assert.equal(code, 2);
  const [sarifRun] = JSON.parse(stdout).runs;
  assert.deepEqual(sarifRun.results, []);
  assert.deepEqual(sarifRun.tool.driver.notifications.map((descriptor: { id: string }) => descriptor.id), ['syntax-error']);
  assert.deepEqual(sarifRun.invocations, [
    {
      executionSuccessful: true,
      toolExecutionNotifications: [
        {
          level: 'error',
          message: { text: BROKEN_MANIFEST_ERROR },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'k8s/pod.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 12, endLine: 7, endColumn: 13 } } }],
          descriptor: { id: 'syntax-error' },
        },
      ],
    },
  ]);
});
