import { ruleTester } from '../rule-tester';

ruleTester('from-platform-constant', {
  valid: ['FROM node:22', 'FROM --platform=$BUILDPLATFORM golang:1.25 AS build', { name: 'variable', code: 'ARG P=linux/amd64\nFROM --platform=${P} node:22' }],
  invalid: [
    { code: 'FROM --platform=linux/amd64 node:22', findings: [{ line: 1, column: 17, endColumn: 28, message: /linux\/amd64/ }], output: 'FROM node:22' },
  ],
});

ruleTester('from-platform-redundant', {
  valid: ['FROM --platform=$BUILDPLATFORM golang:1.25 AS build'],
  invalid: [
    { code: 'FROM --platform=$TARGETPLATFORM alpine:3.20 AS x\n', findings: [{ line: 1, column: 17, endColumn: 32 }], output: 'FROM alpine:3.20 AS x\n' },
    { name: 'braces', code: 'FROM  --platform=${TARGETPLATFORM}  alpine:3.20', findings: [{ line: 1, column: 18 }], output: 'FROM  alpine:3.20' },
  ],
});
