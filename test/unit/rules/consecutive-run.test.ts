import { ruleTester } from '../rule-tester';

ruleTester('consecutive-run', {
  valid: [
    'FROM debian:13\nRUN a && b',
    { name: 'instruction between', code: 'FROM debian:13\nRUN a\nWORKDIR /x\nRUN b' },
    { name: 'different flags', code: 'FROM debian:13\nRUN --mount=type=cache,target=/root/.cache a\nRUN b' },
    { name: 'exec form', code: 'FROM debian:13\nRUN ["a"]\nRUN b' },
    { name: 'heredoc', code: 'FROM debian:13\nRUN <<EOF\na\nEOF\nRUN b' },
    { name: 'across stages', code: 'FROM debian:13 AS a\nRUN a\nFROM debian:13\nRUN b' },
  ],
  invalid: [
    {
      code: 'FROM debian:13\nRUN apt-get update\nRUN apt-get install -y curl\n',
      findings: [{ line: 3, column: 1, endColumn: 4, message: /merge/ }],
      output: 'FROM debian:13\nRUN apt-get update \\\n    && apt-get install -y curl\n',
    },
    {
      name: 'three in a row merge in one go, blank lines dropped',
      code: 'FROM debian:13\nRUN a\n\nRUN b\nRUN c',
      findings: [{ line: 4, column: 1 }, { line: 5, column: 1 }],
      output: 'FROM debian:13\nRUN a \\\n    && b \\\n    && c',
    },
    {
      name: 'keeps the file\'s trailing-operator style, indent and CRLF',
      code: 'FROM debian:13\r\nRUN x && \\\r\n  y\r\nRUN z\r\n',
      findings: [{ line: 4, column: 1 }],
      output: 'FROM debian:13\r\nRUN x && \\\r\n  y && \\\r\n  z\r\n',
    },
    {
      name: 'same flags are kept once',
      code: 'FROM debian:13\nRUN --mount=type=secret,id=npm a\nRUN --mount=type=secret,id=npm b',
      findings: [{ line: 3, column: 1 }],
      output: 'FROM debian:13\nRUN --mount=type=secret,id=npm a \\\n    && b',
    },
    {
      name: 'backtick escape',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN a\nRUN b',
      findings: [{ line: 4, column: 1 }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN a `\n    && b',
    },
    {
      name: 'a comment between is reported but not moved',
      code: 'FROM debian:13\nRUN a\n# why b\nRUN b',
      findings: [{ line: 4, column: 1 }],
    },
  ],
});

ruleTester('consecutive-run', {
  valid: [],
  invalid: [
    {
      name: 'a cd in the first RUN would move the second: offered, but never applied on its own',
      code: 'FROM node:22\nRUN cd /tmp && curl -O https://example.com/x.tgz\nRUN npm ci',
      findings: [{ line: 3, column: 1 }],
      output: 'FROM node:22\nRUN cd /tmp && curl -O https://example.com/x.tgz \\\n    && npm ci',
    },
    {
      name: 'a comment ending the first RUN would swallow the second: no fix',
      code: 'FROM node:22\nRUN npm ci # install\nRUN npm run build',
      findings: [{ line: 3, column: 1 }],
    },
  ],
});
