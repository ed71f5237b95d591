import { ruleTester } from '../rule-tester';

ruleTester('empty-continuation', {
  valid: [
    'FROM debian:13\nRUN apt-get update && \\\n    apt-get install -y curl',
    { name: 'blank line between instructions', code: 'FROM debian:13\n\nRUN ls' },
    { name: 'comment line inside a continuation', code: 'FROM debian:13\nRUN a \\\n# note\n    b' },
    { name: 'blank line in a heredoc', code: 'FROM debian:13\nRUN <<EOF\nset -e\n\necho hi\nEOF' },
  ],
  invalid: [
    {
      code: 'FROM debian:13\nRUN apt-get update && \\\n\n    apt-get install -y curl\n',
      findings: [{ line: 3, column: 1, endLine: 3, endColumn: 1, message: /Blank line/ }],
      output: 'FROM debian:13\nRUN apt-get update && \\\n    apt-get install -y curl\n',
    },
    {
      name: 'whitespace-only lines, CRLF, after a comment',
      code: 'FROM debian:13\r\nRUN a \\\r\n  \r\n# note\r\n\r\n    b\r\n',
      findings: [{ line: 3, column: 1, endColumn: 3 }, { line: 5, column: 1 }],
      output: 'FROM debian:13\r\nRUN a \\\r\n# note\r\n    b\r\n',
    },
  ],
});
