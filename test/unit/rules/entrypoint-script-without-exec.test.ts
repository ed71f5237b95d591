import { ruleTester } from '../rule-tester';

const files = (scripts: Record<string, string>) => ({ dockerignore: '', readFile: (path: string) => scripts[path] });
const noExec = '#!/bin/sh\nset -e\n./migrate\nnode server.js "$@"\n';

ruleTester('entrypoint-script-without-exec', {
  valid: [
    { code: 'FROM node:22\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]', context: files({ 'entrypoint.sh': '#!/bin/sh\nset -e\nexec "$@"\n' }) },
    { name: 'ends in an if: nothing certain', code: 'FROM node:22\nCOPY run.sh /run.sh\nCMD ["/run.sh"]', context: files({ 'run.sh': '#!/bin/sh\nif [ "$1" = x ]; then exec a; else exec b; fi\n' }) },
    { name: 'not a shell script', code: 'FROM python:3.13\nCOPY main.py /app/main.py\nCMD ["/app/main.py"]', context: files({ 'main.py': '#!/usr/bin/env python3\nprint(1)\n' }) },
    { name: 'script comes from a builder stage', code: 'FROM alpine:3.20 AS b\nFROM alpine:3.20\nCOPY --from=b /e.sh /e.sh\nCMD ["/e.sh"]', context: files({ 'e.sh': noExec }) },
    { name: 'no context given', code: 'FROM node:22\nCOPY e.sh /e.sh\nCMD ["/e.sh"]' },
    { name: 'ends by calling its own function, which exec cannot start', code: 'FROM golang:1.25\nCOPY run.sh /run.sh\nENTRYPOINT ["/run.sh"]', context: files({ 'run.sh': '#!/bin/sh\nrun_tests() {\n  go test ./...\n}\nrun_tests\n' }) },
    { name: 'an installer that ends by moving files', code: 'FROM alpine:3.22\nCOPY install.sh /\nENTRYPOINT ["/install.sh"]', context: files({ 'install.sh': '#!/bin/sh\nmkdir -p /opt/data\nmv /redis /opt/data/redis\n' }) },
  ],
  invalid: [
    {
      name: 'copied onto PATH, run by name',
      code: 'FROM node:22\nCOPY docker/entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\nCMD ["--port", "80"]',
      context: files({ 'docker/entrypoint.sh': noExec }),
      findings: [{ line: 3, column: 12, message: /`docker\/entrypoint.sh` starts `node` on line 4 without `exec`/ }],
      fixTitles: ['Add exec before node in docker/entrypoint.sh'],
      output: 'FROM node:22\nCOPY docker/entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\nCMD ["--port", "80"]',
      outputFiles: { 'docker/entrypoint.sh': '#!/bin/sh\nset -e\n./migrate\nexec node server.js "$@"\n' },
    },
    {
      name: 'copied with another file into WORKDIR, run relative to it',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY app.py entrypoint.sh ./\nENTRYPOINT ["./entrypoint.sh"]',
      context: files({ 'entrypoint.sh': '#!/bin/sh\ngunicorn app:app\n' }),
      findings: [{ line: 4, column: 12, message: /`entrypoint.sh` starts `gunicorn` on line 2 without `exec`/ }],
      output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY app.py entrypoint.sh ./\nENTRYPOINT ["./entrypoint.sh"]',
      outputFiles: { 'entrypoint.sh': '#!/bin/sh\nexec gunicorn app:app\n' },
    },
    {
      name: 'whole context copied, relative to WORKDIR, run through sh',
      code: 'FROM debian:13\nWORKDIR /srv\nCOPY . .\nCMD sh ./start.sh',
      context: files({ 'start.sh': 'cd /srv\ngunicorn app:app\n' }),
      findings: [{ line: 4, column: 8, endColumn: 18 }],
      output: 'FROM debian:13\nWORKDIR /srv\nCOPY . .\nCMD sh ./start.sh',
      outputFiles: { 'start.sh': 'cd /srv\nexec gunicorn app:app\n' },
    },
  ],
});
