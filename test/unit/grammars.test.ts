/**
 * Runs the TextMate grammar tests (test/grammar/*.test.*, in vscode-tmgrammar-test's format)
 * under node:test so `npm test` counts them. The tool reads our grammars from package.json,
 * the injection included, and the stand-ins for VS Code's built-in grammars from -g.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..', '..');

test('TextMate grammars: .dockerignore and Dockerfile heredocs', () => {
  const tool = require.resolve('vscode-tmgrammar-test/dist/unit.js', { paths: [root] });
  const result = spawnSync(
    process.execPath,
    [tool, '--compact', '-g', 'test/grammar/support/dockerfile.tmLanguage.json', '-g', 'test/grammar/support/shell.tmLanguage.json', 'test/grammar/*.test.*'],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  );
  assert.equal(result.status, 0, `${result.stdout}${result.stderr}${result.error ?? ''}`);
  assert.match(result.stdout, /dockerignore\.test\.dockerignore/);
  assert.match(result.stdout, /heredoc\.test\.dockerfile/);
});

test('the dockerignore language has its grammar and language configuration', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const language = manifest.contributes.languages.find((entry: { id: string }) => entry.id === 'dockerignore');
  assert.deepEqual(language.filenames, ['.dockerignore']);
  assert.deepEqual(language.filenamePatterns, ['*.dockerignore']);
  const configuration = JSON.parse(readFileSync(join(root, language.configuration), 'utf8'));
  assert.equal(configuration.comments.lineComment, '#');
  const grammar = manifest.contributes.grammars.find((entry: { language?: string }) => entry.language === 'dockerignore');
  assert.equal(JSON.parse(readFileSync(join(root, grammar.path), 'utf8')).scopeName, grammar.scopeName);
});
