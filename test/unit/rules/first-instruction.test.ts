import { ruleTester } from '../rule-tester';

ruleTester('first-instruction', {
  valid: [
    'FROM debian:13',
    { name: 'directives, comments and ARG first', code: '# syntax=docker/dockerfile:1\n# escape=\\\n# a comment\nARG BASE=debian:13\nFROM ${BASE}' },
    { name: 'empty file', code: '' },
  ],
  invalid: [
    { code: 'WORKDIR /app\nFROM debian:13', findings: [{ line: 1, column: 1, endLine: 1, endColumn: 8, message: /`WORKDIR` comes before any FROM/ }] },
    { name: 'after comments', code: '# hello\n\nrun ls\nFROM debian:13', findings: [{ line: 3, column: 1, endColumn: 4 }] },
  ],
});
