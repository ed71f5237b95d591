import { ruleTester } from '../rule-tester';

ruleTester('env-self-reference', {
  valid: [
    'FROM alpine:3.22\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin',
    { name: 'appending to its own old value', code: 'FROM alpine:3.22\nENV PATH=/opt/bin:$PATH LD_LIBRARY_PATH=/opt/lib:$LD_LIBRARY_PATH' },
    { name: 'set before: the old value is what is meant', code: 'FROM alpine:3.22\nARG V=1\nENV V=2 W=$V' },
    { name: 'single quotes do not expand', code: "FROM alpine:3.22\nENV A=1 B='$A'" },
    { name: 'escaped dollar', code: 'FROM alpine:3.22\nENV A=1 B=\\$A' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nENV APP_HOME=/app APP_BIN=$APP_HOME/bin',
      findings: [{ line: 2, column: 28, endLine: 2, endColumn: 36, message: /`\$APP_HOME` is set by this same ENV/ }],
    },
    {
      name: 'braces, over a continuation',
      code: 'FROM alpine:3.22\nENV A=1 \\\n    B="${A}-x"',
      findings: [{ line: 3, column: 10, endColumn: 11 }],
    },
  ],
});
