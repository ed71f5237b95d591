import { ruleTester } from '../rule-tester';

ruleTester('from-as-casing', {
  valid: [
    'FROM golang:1.25 AS build',
    'from golang:1.25 as build',
    { name: 'no stage name', code: 'FROM golang:1.25' },
    { name: 'mixed-case FROM is instruction-casing\'s concern', code: 'From golang:1.25 as build' },
    { name: 'with platform flag', code: 'FROM --platform=$BUILDPLATFORM golang:1.25 AS build' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.25 as build\n',
      findings: [{ line: 1, column: 18, endLine: 1, endColumn: 20, message: /`as` does not match the casing of `FROM`/ }],
      output: 'FROM golang:1.25 AS build\n',
    },
    { name: 'lowercase from', code: 'from golang:1.25 AS build', findings: [{ line: 1, column: 18 }], output: 'from golang:1.25 as build' },
    { name: 'mixed-case as', code: 'FROM --platform=linux/amd64 golang:1.25 As build', findings: [{ line: 1, column: 41 }], output: 'FROM --platform=linux/amd64 golang:1.25 AS build' },
  ],
});
