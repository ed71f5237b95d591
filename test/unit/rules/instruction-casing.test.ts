import { ruleTester } from '../rule-tester';

ruleTester('instruction-casing', {
  valid: [
    'FROM alpine:3.22\nRUN ls\nCMD ["sh"]',
    { name: 'all lowercase', code: 'from alpine:3.22\nrun ls' },
    { name: 'arguments do not count', code: 'FROM alpine:3.22\nRUN echo run RUN Run' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nrun apk add --no-cache curl\nCOPY . /app\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 4, message: /`run` should be uppercase/ }],
      output: 'FROM alpine:3.22\nRUN apk add --no-cache curl\nCOPY . /app\n',
    },
    {
      name: 'lowercase majority, mixed case is never consistent',
      code: 'from alpine:3.22\nrun ls\nWorkdir /app\nCMD ["sh"]',
      findings: [{ line: 3, column: 1, message: /lowercase/ }, { line: 4, column: 1 }],
      output: 'from alpine:3.22\nrun ls\nworkdir /app\ncmd ["sh"]',
    },
    {
      name: 'a tie goes to uppercase; continuation lines stay',
      code: 'FROM alpine:3.22\nrun apk add \\\n  curl\n',
      findings: [{ line: 2, column: 1 }],
      output: 'FROM alpine:3.22\nRUN apk add \\\n  curl\n',
    },
  ],
});
