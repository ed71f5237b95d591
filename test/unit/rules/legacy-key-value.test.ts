import { ruleTester } from '../rule-tester';

ruleTester('legacy-key-value', {
  valid: [
    'FROM alpine:3.22\nENV NODE_ENV=production\nLABEL a=b c="d e"',
    { name: 'ARG has no legacy form', code: 'FROM alpine:3.22\nARG A' },
    { name: 'value-less ENV is a syntax error, not this rule', code: 'FROM alpine:3.22\nENV A' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nENV NODE_ENV production\n',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 13, message: /`ENV NODE_ENV=…`/ }],
      output: 'FROM alpine:3.22\nENV NODE_ENV=production\n',
    },
    {
      name: 'a value with spaces gets quoted',
      code: 'FROM alpine:3.22\nLABEL description Billing   service\n',
      findings: [{ line: 2, column: 7, endColumn: 18 }],
      output: 'FROM alpine:3.22\nLABEL description="Billing   service"\n',
    },
    {
      name: 'one quoted word keeps its quotes',
      code: 'FROM alpine:3.22\r\nENV GREETING "hello world"\r\n',
      findings: [{ line: 2, column: 5 }],
      output: 'FROM alpine:3.22\r\nENV GREETING="hello world"\r\n',
    },
    { name: 'variables keep expanding', code: 'FROM alpine:3.22\nENV P $HOME/bin', findings: [{ line: 2, column: 5 }], output: 'FROM alpine:3.22\nENV P=$HOME/bin' },
    { name: 'escapes inside would change meaning: no fix', code: 'FROM alpine:3.22\nENV A b\\ c d', findings: [{ line: 2, column: 5 }] },
    { name: 'a value over several lines: no fix', code: 'FROM alpine:3.22\nENV A b \\\n  c', findings: [{ line: 2, column: 5 }] },
  ],
});
