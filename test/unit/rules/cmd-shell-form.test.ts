import { ruleTester } from '../rule-tester';

ruleTester('cmd-shell-form', {
  valid: [
    'FROM node:22\nCMD ["node", "server.js"]',
    { name: 'spaces after the bracket', code: 'FROM node:22\nENTRYPOINT [ "node", "server.js" ]' },
    { name: 'only the last CMD counts', code: 'FROM node:22\nCMD node a.js\nCMD ["node", "b.js"]' },
    { name: 'HEALTHCHECK keeps its shell: signals do not matter there', code: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1' },
    { name: 'shell-less bases are shell-form-in-shell-less-image\'s finding', code: 'FROM gcr.io/distroless/nodejs22-debian13\nCMD node app.js' },
    { name: 'Windows images', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD powershell -File C:\\app\\run.ps1' },
  ],
  invalid: [
    {
      name: 'plain words',
      code: 'FROM node:22\nCMD node server.js\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 19, message: /PID 1/ }],
      fixTitles: ['Convert to exec form'],
      output: 'FROM node:22\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'quotes and JSON escaping',
      code: 'FROM python:3.13\nENTRYPOINT python -c \'print("hi\\\\there")\' "a b"',
      findings: [{ line: 2, column: 12 }],
      output: 'FROM python:3.13\nENTRYPOINT ["python", "-c", "print(\\"hi\\\\\\\\there\\")", "a b"]',
    },
    {
      name: 'needs the shell: exec goes before the last command',
      code: 'FROM node:22\nCMD cd /app && node server.js --port $PORT',
      findings: [{ line: 2, column: 5 }],
      fixTitles: ['Convert to exec form (through the shell, with exec)'],
      output: 'FROM node:22\nCMD ["/bin/sh", "-c", "cd /app && exec node server.js --port $PORT"]',
    },
    {
      name: 'uses the stage SHELL',
      code: 'FROM node:22\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD node server.js --port=${PORT:-80}',
      findings: [{ line: 3, column: 5 }],
      output: 'FROM node:22\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nCMD ["/bin/bash", "-o", "pipefail", "-c", "exec node server.js --port=${PORT:-80}"]',
    },
    {
      name: 'continuation lines are joined',
      code: 'FROM node:22\nCMD node \\\n  server.js',
      findings: [{ line: 2, column: 5, endLine: 3, endColumn: 12 }],
      output: 'FROM node:22\nCMD ["node", "server.js"]',
    },
    {
      name: 'pipes get no conversion',
      code: 'FROM node:22\nCMD node server.js | tee log',
      findings: [{ line: 2, column: 5 }],
    },
    {
      name: 'a shell test is shell form, not a broken array',
      code: 'FROM alpine:3.20\nCMD [ "$MODE" = "prod" ] && exec ./server',
      findings: [{ line: 2, column: 5, message: /^CMD in shell form runs under `\/bin\/sh -c`/ }],
      output: 'FROM alpine:3.20\nCMD ["/bin/sh", "-c", "[ \\"$MODE\\" = \\"prod\\" ] && exec ./server"]',
    },
    {
      name: 'a broken JSON array is named as such, without a conversion',
      code: 'FROM alpine:3.20\nCMD ["sh", "-c",\nENTRYPOINT [\'node\', \'server.js\']',
      findings: [
        { line: 2, column: 5, endColumn: 17, message: /^CMD is not a valid JSON array .* so Docker runs this text under `\/bin\/sh -c` as a shell command\. Fix the array\.$/ },
        { line: 3, column: 12, message: /^ENTRYPOINT is not a valid JSON array/ },
      ],
    },
    {
      name: 'an ENTRYPOINT and a CMD in each stage',
      code: 'FROM alpine:3.20 AS tools\nENTRYPOINT top -b\nFROM alpine:3.20\nCMD sleep 1',
      findings: [{ line: 2, column: 12 }, { line: 4, column: 5 }],
      output: 'FROM alpine:3.20 AS tools\nENTRYPOINT ["top", "-b"]\nFROM alpine:3.20\nCMD ["sleep", "1"]',
    },
  ],
});
