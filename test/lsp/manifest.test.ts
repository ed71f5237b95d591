import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allRules } from '../../server/src/engine';
import { configurationContribution } from '../../server/src/lsp/manifest';
import { root } from './harness';

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('the settings schema in package.json matches the rule metadata', () => {
  assert.deepEqual(manifest.contributes.configuration, JSON.parse(JSON.stringify(configurationContribution(allRules))), 'package.json is stale: run `node scripts/generate-manifest.mjs`');
});

test('the extension activates for Dockerfiles and offers the restart command', () => {
  assert.ok(manifest.activationEvents.includes('onLanguage:dockerfile'));
  assert.deepEqual(manifest.contributes.commands, [{ command: 'shipshape.restartServer', title: 'Restart Server', category: 'Shipshape' }]);
  assert.deepEqual(manifest.contributes.languages, [{ id: 'dockerfile', filenamePatterns: ['Dockerfile*', 'Containerfile*', '*.dockerfile'] }]);
});
