import { ruleTester } from '../rule-tester';

ruleTester('workdir-system-dir', {
  valid: [
    'FROM debian:13\nWORKDIR /app',
    { name: 'a name that only starts the same', code: 'FROM debian:13\nWORKDIR /devtools' },
    { name: 'etc is a normal directory', code: 'FROM nginx:1.27\nWORKDIR /etc/nginx' },
    { name: 'variable', code: 'FROM debian:13\nARG D=/proc\nWORKDIR $D' },
    { name: 'Windows', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR /dev' },
  ],
  invalid: [
    { code: 'FROM debian:13\nWORKDIR /proc/app', findings: [{ line: 2, column: 9, endLine: 2, endColumn: 18, message: /inside \/proc/ }] },
    { name: 'reached through a relative WORKDIR', code: 'FROM debian:13\nWORKDIR /\nWORKDIR sys/../dev/x', findings: [{ line: 3, column: 9, message: /`\/dev\/x`/ }] },
    { name: 'boot itself', code: 'FROM debian:13\nWORKDIR "/boot"', findings: [{ line: 2, column: 9 }] },
  ],
});
