import { ruleTester } from '../rule-tester';

ruleTester('copy-multi-source-dest', {
  valid: [
    'FROM node:22\nCOPY package.json package-lock.json /app/',
    { name: 'one source', code: 'FROM node:22\nCOPY package.json /app' },
    { name: 'dot is a directory', code: 'FROM node:22\nWORKDIR /app\nCOPY a b .' },
    { name: 'dot slash', code: 'FROM node:22\nWORKDIR /app\nCOPY a b ./' },
    { name: 'dot-dot and a trailing dot', code: 'FROM node:22\nWORKDIR /app/x\nCOPY a b ..\nCOPY c d /app/.' },
    { name: 'JSON form with slash', code: 'FROM node:22\nCOPY ["a", "b", "/app/"]' },
    { name: 'destination from a variable', code: 'FROM node:22\nARG DEST=/app/\nCOPY a b $DEST' },
    { name: 'Windows backslash', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a b C:\\app\\' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCOPY package.json package-lock.json /app\n',
      findings: [{ line: 2, column: 37, endLine: 2, endColumn: 41, message: /write `\/app\/`/ }],
      output: 'FROM node:22\nCOPY package.json package-lock.json /app/\n',
    },
    {
      name: 'JSON form: the slash goes inside the quotes',
      code: 'FROM node:22\r\nCOPY ["a", "b", "/app"]\r\n',
      findings: [{ line: 2, column: 17, endColumn: 23 }],
      output: 'FROM node:22\r\nCOPY ["a", "b", "/app/"]\r\n',
    },
    {
      name: 'ADD, with flags and a continuation',
      code: 'FROM node:22\nADD --chown=1000 a \\\n    b /opt/app',
      findings: [{ line: 3, column: 7 }],
      output: 'FROM node:22\nADD --chown=1000 a \\\n    b /opt/app/',
    },
    {
      name: 'heredoc sources count',
      code: 'FROM node:22\nCOPY <<a.txt <<b.txt /etc\nA\na.txt\nB\nb.txt\n',
      findings: [{ line: 2, column: 22, endColumn: 26 }],
      output: 'FROM node:22\nCOPY <<a.txt <<b.txt /etc/\nA\na.txt\nB\nb.txt\n',
    },
  ],
});
