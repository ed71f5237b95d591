import { ruleTester } from '../rule-tester';

const files = ['package.json', 'src/index.js', '.env', '.env.example', 'deploy/id_rsa', 'deploy/id_rsa.pub', 'certs/tls.pem', 'node_modules/x/test.pem', '.npmrc', 'other/.npmrc'];
const NODE_IGNORES = ['.git', '.env', '.env.*', '!.env.example', '*.pem', '*.key', '.aws', '.ssh', '*.log', '.DS_Store', '.idea', '.vscode', 'node_modules', 'npm-debug.log*', 'coverage', 'dist', '.next'];
const readFile = (path: string) => (path === '.npmrc' ? '//registry.npmjs.org/:_authToken=npm_abc\n' : path === 'other/.npmrc' ? 'save-exact=true\n' : undefined);

ruleTester('missing-dockerignore', {
  valid: [
    { name: 'a .dockerignore exists', code: 'FROM node:22\nCOPY . .', context: { dockerignore: '.git\n' } },
    { name: 'context unknown (no caller info)', code: 'FROM node:22\nCOPY . .' },
    { name: 'only named files are copied', code: 'FROM node:22\nCOPY package.json ./', context: { dockerignore: null } },
    { name: 'COPY --from is not the context', code: 'FROM node:22 AS b\nFROM node:22\nCOPY --from=b . .', context: { dockerignore: null } },
  ],
  invalid: [
    {
      code: 'FROM node:22\nWORKDIR /app\nCOPY ./ .\nCOPY . /x',
      context: { dockerignore: null },
      findings: [{ line: 3, column: 6, endColumn: 8, message: /no .dockerignore/ }],
      fixTitles: ['Generate .dockerignore'],
      output: 'FROM node:22\nWORKDIR /app\nCOPY ./ .\nCOPY . /x',
      outputFiles: { '.dockerignore': ['# Kept out of the build context: not needed in the image, or secret.', ...NODE_IGNORES, ''].join('\n') },
    },
    {
      name: 'a path the Dockerfile copies by name is not ignored',
      code: 'FROM node:22\nWORKDIR /app\nCOPY dist ./dist\nCOPY . .',
      context: { dockerignore: null },
      findings: [{ line: 4, column: 6 }],
      output: 'FROM node:22\nWORKDIR /app\nCOPY dist ./dist\nCOPY . .',
      outputFiles: { '.dockerignore': ['# Kept out of the build context: not needed in the image, or secret.', ...NODE_IGNORES.filter((line) => line !== 'dist'), ''].join('\n') },
    },
  ],
});

ruleTester('copy-ignored-file', {
  valid: [
    { code: 'FROM node:22\nCOPY src ./src', context: { dockerignore: 'dist\n' } },
    { name: 'negated back in', code: 'FROM node:22\nCOPY dist/app.js ./', context: { dockerignore: 'dist\n!dist/app.js\n' } },
    { name: 'wildcards are the builder\'s business', code: 'FROM node:22\nCOPY *.json ./', context: { dockerignore: '*.json\n' } },
    { name: 'whole context is never "ignored"', code: 'FROM node:22\nCOPY . .', context: { dockerignore: '*\n!src\n' } },
    { name: 'an exception lets part of an excluded folder back', code: 'FROM alpine:3.22\nADD folder1 /f1', context: { dockerignore: '**\n!folder1/file1\n' } },
    { name: 'a wildcard exception may reach below', code: 'FROM alpine:3.22\nCOPY subdir ./', context: { dockerignore: 'subdir\n!*/keep*\n' } },
  ],
  invalid: [
    {
      name: 'an exception elsewhere lets nothing back',
      code: 'FROM node:22\nCOPY dist ./dist',
      context: { dockerignore: 'dist\n!docs/dist/README.md\n!dist\ndist\n' },
      findings: [{ line: 2, column: 6, endColumn: 10, message: /`dist` is excluded/ }],
    },
    {
      code: 'FROM node:22\nCOPY package.json dist/ ./\nADD ./secrets/key.txt /k',
      context: { dockerignore: '# build output\ndist\n**/secrets\n' },
      findings: [{ line: 2, column: 19, endColumn: 24, message: /`dist\/` is excluded/ }, { line: 3, column: 5, endColumn: 22 }],
    },
  ],
});

ruleTester('secret-file-in-context', {
  valid: [
    { name: 'excluded by .dockerignore', code: 'FROM node:22\nCOPY . .', context: { dockerignore: '.env\n**/id_rsa\n*.pem\n**/*.pem\n.npmrc\n', files, readFile } },
    { name: 'only named files are copied', code: 'FROM node:22\nCOPY package.json src ./', context: { dockerignore: null, files, readFile } },
    { name: 'templates, public keys, harmless .npmrc', code: 'FROM node:22\nCOPY . .', context: { dockerignore: null, files: ['.env.example', 'id_rsa.pub', 'other/.npmrc', 'package.json'], readFile } },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCOPY . .',
      context: { dockerignore: '.git\n', files, readFile },
      findings: [{ line: 2, column: 6, endColumn: 7, message: /`\.env`, `deploy\/id_rsa`, `certs\/tls\.pem`, `\.npmrc`/ }],
      fixTitles: ['Add 19 entries to .dockerignore'],
      output: 'FROM node:22\nCOPY . .',
      outputFiles: { '.dockerignore': ['.git', ...NODE_IGNORES.slice(1), 'deploy/id_rsa', 'certs/tls.pem', '.npmrc', ''].join('\n') },
    },
  ],
});
