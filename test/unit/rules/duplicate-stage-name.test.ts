import { ruleTester } from '../rule-tester';

ruleTester('duplicate-stage-name', {
  valid: [
    'FROM node:22 AS deps\nFROM deps AS build',
    { name: 'unnamed stages', code: 'FROM node:22\nFROM node:22' },
  ],
  invalid: [
    {
      code: 'FROM node:22 AS build\nRUN npm ci\nFROM node:22 AS build',
      findings: [{ line: 3, column: 17, endLine: 3, endColumn: 22, message: /already used by stage 0/ }],
    },
    { name: 'names compare case-insensitively', code: 'FROM node:22 AS build\nFROM node:22 AS Build', findings: [{ line: 2, column: 17 }] },
    { name: 'every repeat', code: 'FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS x', findings: [{ line: 2, column: 13 }, { line: 3, column: 13 }] },
  ],
});
