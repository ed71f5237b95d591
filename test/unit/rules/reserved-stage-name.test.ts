import { ruleTester } from '../rule-tester';

ruleTester('reserved-stage-name', {
  valid: ['FROM alpine:3.22 AS base', { name: 'FROM scratch itself', code: 'FROM scratch' }, { name: 'a name that contains it', code: 'FROM alpine:3.22 AS scratchpad' }],
  invalid: [
    { code: 'FROM alpine:3.22 AS scratch', findings: [{ line: 1, column: 21, endLine: 1, endColumn: 28, message: /reserved/ }] },
    { name: 'context, any casing', code: 'FROM alpine:3.22 AS Context', findings: [{ line: 1, column: 21, endColumn: 28 }] },
  ],
});
