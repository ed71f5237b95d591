import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allRules, conversions } from '../../server/src/engine';
import { configurationContribution } from '../../server/src/lsp/manifest';
import { root } from './harness';

// Each runs the server command of the same id (shipshape.server.pinAllImages…) on the active Dockerfile.
const PIN_PALETTE = [
  { command: 'shipshape.pinAllImages', title: 'Pin All Images to Digests' },
  { command: 'shipshape.updatePinnedDigests', title: 'Update Pinned Digests' },
];

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('the settings schema in package.json matches the rule metadata', () => {
  assert.deepEqual(manifest.contributes.configuration, JSON.parse(JSON.stringify(configurationContribution(allRules))), 'package.json is stale: run `node scripts/generate-manifest.mjs`');
});

test('the extension activates for Dockerfiles and offers the restart command and every conversion', () => {
  assert.ok(manifest.activationEvents.includes('onLanguage:dockerfile'));
  assert.ok(manifest.activationEvents.includes('onLanguage:yaml'));
  assert.deepEqual(manifest.contributes.commands, [
    { command: 'shipshape.restartServer', title: 'Restart Server', category: 'Shipshape' },
    { command: 'shipshape.showProblems', title: 'Show Problems', category: 'Shipshape' },
    ...conversions.map((conversion) => ({ command: `shipshape.${conversion.id}`, title: conversion.title, category: 'Shipshape' })),
    ...PIN_PALETTE.map(({ command, title }) => ({ command, title, category: 'Shipshape' })),
    { command: 'shipshape.hardenManifest', title: 'Harden Kubernetes Manifest', category: 'Shipshape' },
    { command: 'shipshape.showImageSizeBreakdown', title: 'Show Image Size Breakdown', category: 'Shipshape' },
  ]);
  // The conversions show in the palette, the editor's context menu and its title bar only for Dockerfiles; the pin commands in the palette.
  const ids = conversions.map((conversion) => `shipshape.${conversion.id}`);
  assert.deepEqual(manifest.contributes.menus.commandPalette, [
    ...[...ids, ...PIN_PALETTE.map(({ command }) => command)].map((command) => ({ command, when: 'editorLangId == dockerfile' })),
    // Harden Kubernetes Manifest: any YAML may hold manifests, the server says when it holds none.
    { command: 'shipshape.hardenManifest', when: 'editorLangId == yaml' },
    // The status bar's command: wherever the status bar item can show.
    { command: 'shipshape.showProblems', when: 'editorLangId == dockerfile || editorLangId == yaml' },
    // The size breakdown of the active Dockerfile.
    { command: 'shipshape.showImageSizeBreakdown', when: 'editorLangId == dockerfile' },
  ]);
  assert.deepEqual(manifest.contributes.menus['shipshape.conversions'].map((entry: { command: string }) => entry.command), ids);
  for (const menu of ['editor/context', 'editor/title']) {
    assert.equal(manifest.contributes.menus[menu][0].when, 'editorLangId == dockerfile');
    assert.deepEqual(manifest.contributes.menus[menu][1], { command: 'shipshape.hardenManifest', when: 'editorLangId == yaml', group: manifest.contributes.menus[menu][0].group });
  }
  assert.deepEqual(
    manifest.contributes.languages.find((language: { id: string }) => language.id === 'dockerfile'),
    { id: 'dockerfile', filenamePatterns: ['Dockerfile*', 'Containerfile*', '*.dockerfile'] },
  );
});
