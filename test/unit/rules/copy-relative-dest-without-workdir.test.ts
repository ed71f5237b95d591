import { ruleTester } from '../rule-tester';

ruleTester('copy-relative-dest-without-workdir', {
  valid: [
    'FROM node:22\nWORKDIR /app\nCOPY . .',
    { name: 'absolute destination', code: 'FROM node:22\nCOPY . /app' },
    { name: 'WORKDIR in the parent stage', code: 'FROM node:22 AS base\nWORKDIR /app\nFROM base\nCOPY . .' },
    { name: 'variable destination', code: 'FROM node:22\nARG DIR=/app\nCOPY . $DIR' },
    { name: 'Windows absolute', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe C:/app/' },
    { name: 'scratch always starts at /', code: 'FROM scratch\nCOPY app .' },
    { name: 'ADD is not COPY', code: 'FROM node:22\nADD app.tar.gz .' },
    { name: 'a lone word is a source without a destination, not a relative destination', code: 'FROM node:22\nCOPY onlyone\nCOPY ["onlyone"]' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nCOPY . .',
      findings: [{ line: 2, column: 8, endLine: 2, endColumn: 9, message: /no WORKDIR is set yet/ }],
    },
    { name: 'before the WORKDIR only', code: 'FROM node:22\nCOPY package.json app/\nWORKDIR /app\nCOPY . .', findings: [{ line: 2, column: 19 }] },
    { name: 'JSON form', code: 'FROM node:22\nCOPY ["a b", "dir/"]', findings: [{ line: 2, column: 14, endColumn: 20 }] },
  ],
});
