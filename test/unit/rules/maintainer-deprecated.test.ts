import { ruleTester } from '../rule-tester';

ruleTester('maintainer-deprecated', {
  valid: ['FROM alpine:3.22\nLABEL org.opencontainers.image.authors="Jane"'],
  invalid: [
    {
      code: 'FROM alpine:3.22\nMAINTAINER Jane Doe <jane@example.com>\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 11, message: /org\.opencontainers\.image\.authors/ }],
      output: 'FROM alpine:3.22\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    },
    {
      name: 'quotes, dollars and the escape character stay literal',
      code: 'FROM alpine:3.22\nMAINTAINER "J" $USER \\o/',
      findings: [{ line: 2, column: 1 }],
      output: 'FROM alpine:3.22\nLABEL org.opencontainers.image.authors="\\"J\\" \\$USER \\\\o/"',
    },
    {
      name: 'backtick escape, lowercase keyword',
      code: '# escape=`\r\nfrom mcr.microsoft.com/windows/nanoserver:ltsc2022\r\nmaintainer Jane "JD"\r\n',
      findings: [{ line: 3, column: 1 }],
      output: '# escape=`\r\nfrom mcr.microsoft.com/windows/nanoserver:ltsc2022\r\nlabel org.opencontainers.image.authors="Jane `"JD`""\r\n',
    },
  ],
});
