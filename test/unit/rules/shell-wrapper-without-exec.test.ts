import { ruleTester } from '../rule-tester';

ruleTester('shell-wrapper-without-exec', {
  valid: [
    'FROM node:22\nCMD ["sh", "-c", "./migrate && exec node server.js"]',
    { name: 'not a wrapper', code: 'FROM node:22\nCMD ["node", "-c", "x"]' },
    { name: 'traps signals itself', code: 'FROM node:22\nCMD ["sh", "-c", "trap \'kill $PID\' TERM; node a.js & PID=$!; wait"]' },
    { name: 'ends in a pipeline: nothing to exec', code: 'FROM node:22\nCMD ["sh", "-c", "node a.js | tee log"]' },
    { name: 'a one-shot builtin', code: 'FROM node:22\nCMD ["sh", "-c", "echo ready"]' },
    { name: 'only the last CMD counts', code: 'FROM node:22\nCMD ["sh", "-c", "node a.js"]\nCMD ["node", "b.js"]' },
    { name: 'bash execs the lone command of its -c script', code: 'FROM debian:13\nCMD [ "/bin/bash", "-c", "/run_e2e.sh" ]' },
  ],
  invalid: [
    {
      name: 'dash keeps itself as the parent of a lone command',
      code: 'FROM debian:13\nCMD ["sh", "-c", "/run_e2e.sh"]',
      findings: [{ line: 2, column: 19, endColumn: 30, message: /`run_e2e.sh` runs as a child/ }],
      output: 'FROM debian:13\nCMD ["sh", "-c", "exec /run_e2e.sh"]',
    },
    {
      name: 'escapes in the JSON string: the finding covers the string',
      code: 'FROM node:22\nCMD ["sh", "-c", "./migrate && node server.js --port \\"$PORT\\""]',
      findings: [{ line: 2, column: 18, endColumn: 64, message: /`node` runs as a child/ }],
      output: 'FROM node:22\nCMD ["sh", "-c", "./migrate && exec node server.js --port \\"$PORT\\""]',
    },
    {
      name: 'bash -ec in ENTRYPOINT, spaces after the bracket',
      code: 'FROM debian:13\nENTRYPOINT [ "/bin/bash", "-ec", "cd /srv; gunicorn app:app" ]',
      findings: [{ line: 2, column: 44, endColumn: 52 }],
      output: 'FROM debian:13\nENTRYPOINT [ "/bin/bash", "-ec", "cd /srv; exec gunicorn app:app" ]',
    },
  ],
});
