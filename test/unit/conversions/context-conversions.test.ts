/** Generate .dockerignore and Copy Dependency Manifests First, which read the build context. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze, applyEdits, convert, editsByFile, type BuildContext } from '../../../server/src/engine';

function context(files: Record<string, string>, dockerignore: string | null = null): BuildContext {
  return { dockerignore, files: Object.keys(files), readFile: (path) => files[path] };
}

function ignoreFile(text: string, ctx: BuildContext): { file: string; content: string } {
  const result = convert('generateDockerignore', { text, context: ctx });
  assert.ok('fix' in result, 'reason' in result ? result.reason : '');
  const [[file, edits]] = [...editsByFile(result.fix.edits)];
  assert.ok(file);
  return { file, content: applyEdits(ctx.dockerignore ?? '', edits) };
}

describe('Generate .dockerignore', () => {
  test('a new file suited to the stack, with the secret-looking files of the context', () => {
    const ctx = context({ 'pyproject.toml': '', 'app/main.py': '', 'deploy/id_ed25519': '', '.env.example': '' });
    const { file, content } = ignoreFile('FROM python:3.13-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app/main.py"]\n', ctx);
    assert.equal(file, '.dockerignore');
    assert.equal(
      content,
      '# Kept out of the build context: not needed in the image, or secret.\n.git\n.env\n.env.*\n!.env.example\n*.pem\n*.key\n.aws\n.ssh\n*.log\n.DS_Store\n.idea\n.vscode\n__pycache__\n*.pyc\n.venv\nvenv\n.pytest_cache\n.mypy_cache\n*.egg-info\ndist\nbuild\ndeploy/id_ed25519\n',
    );
  });

  test('an existing one gets only the missing lines, in its own line endings, in its own file', () => {
    const ctx = { ...context({ 'go.mod': '', '.env': 'X=1' }, '.git\r\n.env\r\nbin'), dockerignoreFile: 'Dockerfile.dockerignore' };
    const { file, content } = ignoreFile('FROM golang:1.27\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n', ctx);
    assert.equal(file, 'Dockerfile.dockerignore');
    assert.equal(content, '.git\r\n.env\r\nbin\r\n.env.*\r\n!.env.example\r\n*.pem\r\n*.key\r\n.aws\r\n.ssh\r\n*.log\r\n.DS_Store\r\n.idea\r\n.vscode\r\n*.test\r\ncoverage.out\r\n');
  });

  test('the missing-dockerignore and secret-file-in-context findings are gone afterwards', () => {
    const files = { 'package.json': '{}', 'certs/server.pem': '' };
    const text = 'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nUSER 1000\nCMD ["node", "server.js"]\n';
    const { content } = ignoreFile(text, context(files));
    const after = analyze({ text, kind: 'dockerfile', context: context(files, content) }).findings.map((finding) => finding.rule);
    assert.ok(!after.includes('missing-dockerignore') && !after.includes('secret-file-in-context') && !after.includes('copy-ignored-file'), after.join());
  });

  test('nothing to add', () => {
    const ctx = context({ 'package.json': '' });
    const { content } = ignoreFile('FROM node:24\nCOPY . .\n', ctx);
    assert.ok('reason' in convert('generateDockerignore', { text: 'FROM node:24\nCOPY . .\n', context: { ...ctx, dockerignore: content } }));
    assert.ok('reason' in convert('generateDockerignore', { text: 'FROM node:24\n' }), 'no context: an unsaved file');
  });
});

describe('Copy Dependency Manifests First', () => {
  const cases: [string, string, Record<string, string>, string][] = [
    ['npm', 'RUN npm ci --omit=dev', { 'package.json': '', 'package-lock.json': '' }, 'package.json package-lock.json'],
    ['yarn', 'RUN yarn install --frozen-lockfile && yarn cache clean', { 'package.json': '', 'yarn.lock': '' }, 'package.json yarn.lock'],
    ['pnpm', 'RUN pnpm install --frozen-lockfile', { 'package.json': '', 'pnpm-lock.yaml': '' }, 'package.json pnpm-lock.yaml'],
    ['pip', 'RUN pip install --no-cache-dir -r requirements.txt', { 'requirements.txt': '' }, 'requirements.txt'],
    ['poetry', 'RUN poetry install --no-root', { 'pyproject.toml': '', 'poetry.lock': '' }, 'pyproject.toml poetry.lock'],
    ['go modules', 'RUN go mod download', { 'go.mod': '', 'go.sum': '' }, 'go.mod go.sum'],
    ['Maven', 'RUN mvn -B dependency:go-offline', { 'pom.xml': '' }, 'pom.xml'],
    ['Gradle', 'RUN gradle --no-daemon dependencies', { 'build.gradle.kts': '', 'settings.gradle.kts': '' }, 'build.gradle.kts settings.gradle.kts'],
    ['Bundler', 'RUN bundle config set without development && bundle install', { Gemfile: '', 'Gemfile.lock': '' }, 'Gemfile Gemfile.lock'],
    ['Composer', 'RUN composer install --no-dev', { 'composer.json': '', 'composer.lock': '' }, 'composer.json composer.lock'],
  ];
  for (const [name, install, files, manifests] of cases) {
    test(name, () => {
      const text = `FROM debian:13\nWORKDIR /app\nCOPY --chown=1000 . .\n${install}\nCMD ["/app/run"]\n`;
      const result = convert('copyManifestsFirst', { text, context: context(files) });
      assert.ok('fix' in result, 'reason' in result ? result.reason : '');
      assert.equal(result.fix.safety, 'unsafe');
      const fixed = applyEdits(text, result.fix.edits);
      assert.equal(fixed, `FROM debian:13\nWORKDIR /app\nCOPY --chown=1000 ${manifests} ./\n${install}\nCOPY --chown=1000 . .\nCMD ["/app/run"]\n`);
      const after = analyze({ text: fixed, kind: 'dockerfile', context: context(files) }).findings.map((finding) => finding.rule);
      assert.ok(!after.includes('copy-before-dependency-install'), after.join());
    });
  }

  test('a destination folder gets its slash; only manifests that exist are copied', () => {
    const text = 'FROM node:24\nCOPY . /srv/app\nRUN npm ci\n';
    const result = convert('copyManifestsFirst', { text, context: context({ 'package.json': '' }) });
    assert.ok('fix' in result);
    assert.equal(applyEdits(text, result.fix.edits), 'FROM node:24\nCOPY package.json /srv/app/\nRUN npm ci\nCOPY . /srv/app\n');
  });

  test('not when the install RUN also needs the sources, or something else sits in between', () => {
    for (const text of ['FROM node:24\nCOPY . .\nRUN npm ci && npm run build\n', 'FROM node:24\nCOPY . .\nRUN ./prepare.sh\nRUN npm ci\n', 'FROM python:3.13\nCOPY . .\nRUN pip install .\n']) {
      assert.ok('reason' in convert('copyManifestsFirst', { text }), text);
    }
  });
});
