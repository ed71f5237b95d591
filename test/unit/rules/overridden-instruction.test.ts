import { ruleTester } from '../rule-tester';

ruleTester('overridden-instruction', {
  valid: [
    'FROM node:22\nCMD ["a"]\nENTRYPOINT ["b"]\nHEALTHCHECK CMD ["c"]',
    { name: 'one per stage', code: 'FROM node:22 AS a\nCMD ["a"]\nFROM node:22\nCMD ["b"]' },
    { name: 'ONBUILD triggers are not the stage\'s own', code: 'FROM node:22\nONBUILD CMD ["a"]\nCMD ["b"]' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCMD ["node", "migrate.js"]\nCMD ["node", "server.js"]\n',
      findings: [{ line: 2, column: 1, endColumn: 4, message: /overridden by the one on line 3/ }],
      output: 'FROM node:22\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'several, CRLF, last line without terminator',
      code: 'FROM node:22\r\nHEALTHCHECK CMD ["a"]\r\nHEALTHCHECK CMD ["b"]\r\nHEALTHCHECK NONE',
      findings: [{ line: 2, column: 1 }, { line: 3, column: 1 }],
      output: 'FROM node:22\r\nHEALTHCHECK NONE',
    },
  ],
});
