/**
 * The files package.json points at (snippets, grammars, language configurations, walkthrough
 * media) exist and are let into the .vsix by .vscodeignore, which is an allow-list: a
 * missing line there ships an extension whose walkthrough or grammar silently fails to load.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

interface WalkthroughStep {
  id: string;
  description: string;
  media: { markdown?: string; image?: string; altText?: string };
  completionEvents?: string[];
}

/** Paths as .vscodeignore's `!` lines match them: `dir/**` covers the folder, anything else one file. */
function packaged(path: string): boolean {
  const allowed = readFileSync(join(root, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).trim());
  return allowed.some((pattern) => (pattern.endsWith('/**') ? path.startsWith(pattern.slice(0, -2)) : path === pattern));
}

function referencedFiles(): string[] {
  const { snippets = [], grammars = [], languages = [], walkthroughs = [] } = manifest.contributes;
  const steps: WalkthroughStep[] = walkthroughs.flatMap((walkthrough: { steps: WalkthroughStep[] }) => walkthrough.steps);
  return [
    ...snippets.map((entry: { path: string }) => entry.path),
    ...grammars.map((entry: { path: string }) => entry.path),
    ...languages.flatMap((entry: { configuration?: string }) => (entry.configuration ? [entry.configuration] : [])),
    ...steps.flatMap((step) => [step.media.markdown, step.media.image].filter((path): path is string => path !== undefined)),
  ].map((path) => normalize(path));
}

test('every file the manifest names exists and goes into the .vsix', () => {
  const files = referencedFiles();
  assert.ok(files.length >= 10, files.join(', '));
  for (const file of files) {
    assert.ok(existsSync(join(root, file)), `${file} is missing`);
    assert.ok(packaged(file), `${file} is left out of the .vsix: add it to .vscodeignore`);
  }
});

test('the walkthrough: every step has media, a way to complete it and only Shipshape commands that exist', () => {
  const [walkthrough] = manifest.contributes.walkthroughs;
  assert.equal(walkthrough.title, 'Get started with Shipshape');
  const commands = new Set(manifest.contributes.commands.map((entry: { command: string }) => entry.command));
  for (const step of walkthrough.steps as WalkthroughStep[]) {
    assert.ok(step.media.markdown || (step.media.image && step.media.altText), `${step.id}: media`);
    assert.ok(step.completionEvents?.length, `${step.id}: completion events`);
    // Step descriptions render links and bold, but show `code` with its backticks.
    assert.doesNotMatch(step.description, /`/, `${step.id}: no inline code in the description`);
    for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) {
      if (command.startsWith('shipshape.')) assert.ok(commands.has(command), `${step.id}: ${command} is not a contributed command`);
    }
  }
});
