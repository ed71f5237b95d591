import { ruleTester } from '../rule-tester';

ruleTester('onbuild-forbidden-trigger', {
  valid: ['FROM debian:13\nONBUILD COPY . /app/src\nONBUILD RUN make'],
  invalid: [
    { code: 'FROM debian:13\nONBUILD FROM alpine:3.22', findings: [{ line: 2, column: 9, endLine: 2, endColumn: 13, message: /`FROM` is not allowed/ }] },
    { name: 'any casing', code: 'FROM debian:13\nONBUILD onbuild RUN x\nONBUILD Maintainer me', findings: [{ line: 2, column: 9, endColumn: 16 }, { line: 3, column: 9, endColumn: 19 }] },
  ],
});
