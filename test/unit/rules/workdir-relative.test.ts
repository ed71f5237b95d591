import { ruleTester } from '../rule-tester';

ruleTester('workdir-relative', {
  valid: [
    'FROM nginx:1.27\nWORKDIR /usr/share/nginx/html',
    { name: 'relative after an absolute one', code: 'FROM node:22\nWORKDIR /app\nWORKDIR src' },
    { name: 'absolute one set in the parent stage', code: 'FROM node:22 AS base\nWORKDIR /app\nFROM base\nWORKDIR src' },
    { name: 'variable may hold an absolute path', code: 'FROM node:22\nARG DIR=/app\nWORKDIR $DIR' },
    { name: 'quoted absolute path', code: 'FROM node:22\nWORKDIR "/app"' },
    { name: 'Windows drive letter', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app' },
    { name: 'Windows backslash root', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR \\app' },
  ],
  invalid: [
    {
      code: 'FROM nginx:1.27\nWORKDIR usr/share/nginx/html',
      findings: [{ line: 2, column: 9, endLine: 2, endColumn: 29, message: /`usr\/share\/nginx\/html`/ }],
    },
    {
      name: 'only the first WORKDIR of a stage counts',
      code: 'FROM node:22\nWORKDIR app\nWORKDIR src',
      findings: [{ line: 2, column: 9, endColumn: 12 }],
    },
    {
      name: 'each stage on its own',
      code: 'FROM node:22 AS a\nWORKDIR /a\nFROM node:22\nWORKDIR ./b',
      findings: [{ line: 4, column: 9, endColumn: 12 }],
    },
    {
      name: 'Windows drive letter is not absolute on Linux',
      code: 'FROM debian:13\nWORKDIR C:\\app',
      findings: [{ line: 2, column: 9 }],
    },
  ],
});
