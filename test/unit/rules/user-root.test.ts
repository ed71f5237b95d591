import { ruleTester } from '../rule-tester';

const files = (scripts: Record<string, string>) => ({ dockerignore: '', readFile: (path: string) => scripts[path] });

ruleTester('user-root', {
  valid: [
    'FROM node:22\nUSER node',
    'FROM node:22\nUSER 1000:1000',
    { name: 'builder stages may run as root', code: 'FROM golang:1.25 AS build\nRUN go build\nFROM alpine:3.20\nUSER 10001' },
    { name: 'distroless nonroot', code: 'FROM gcr.io/distroless/static-debian13:nonroot' },
    { name: 'chainguard images run as nonroot', code: 'FROM cgr.dev/chainguard/node:latest' },
    { name: 'unprivileged variants', code: 'FROM nginxinc/nginx-unprivileged:1.27' },
    { name: 'inherits USER from the stage it builds on', code: 'FROM node:22 AS base\nUSER node\nFROM base\nCMD ["node", "a.js"]' },
    { name: 'configured shipped stage', code: 'FROM node:22 AS app\nUSER node\nFROM alpine:3.20 AS debug', config: { shippedStage: 'app' } },
    { name: 'Windows images', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022' },
    {
      name: 'the entrypoint script steps down with gosu, as official postgres does',
      code: 'FROM debian:13-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["postgres"]',
      context: files({ 'docker-entrypoint.sh': '#!/bin/bash\nif [ "$(id -u)" = 0 ]; then\n  chown -R postgres "$PGDATA"\n  exec gosu postgres "$BASH_SOURCE" "$@"\nfi\nexec "$@"\n' }),
    },
    { name: 'su-exec in a script run by sh', code: 'FROM alpine:3.20\nCOPY start.sh /start.sh\nCMD ["sh", "/start.sh"]', context: files({ 'start.sh': 'chown redis /data\nexec su-exec redis redis-server\n' }) },
    { name: 'setpriv in the ENTRYPOINT itself', code: 'FROM debian:13-slim\nENTRYPOINT ["setpriv", "--reuid=10001", "--regid=10001", "--clear-groups", "/app"]' },
  ],
  invalid: [
    {
      name: 'a step-down to root is no step-down',
      code: 'FROM alpine:3.20\nCOPY start.sh /start.sh\nCMD ["/start.sh"]',
      context: files({ 'start.sh': '#!/bin/sh\nexec su-exec root:root /app\n' }),
      findings: [{ line: 1, column: 6, endColumn: 17, message: /no USER/ }],
      output: 'FROM alpine:3.20\nCOPY start.sh /start.sh\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001:10001\nCMD ["/start.sh"]',
    },
    {
      name: 'an entrypoint script that keeps root',
      code: 'FROM debian:13-slim\nCOPY entrypoint.sh /entrypoint.sh\nUSER root\nENTRYPOINT ["/entrypoint.sh"]',
      context: files({ 'entrypoint.sh': '#!/bin/sh\nchown -R app /data\nexec "$@"\n' }),
      findings: [{ line: 3, column: 6, endColumn: 10, message: /runs as `root`/ }],
      output: 'FROM debian:13-slim\nCOPY entrypoint.sh /entrypoint.sh\nUSER root\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nENTRYPOINT ["/entrypoint.sh"]',
    },
    {
      name: 'no USER: insert after the last RUN',
      code: 'FROM debian:13-slim\nRUN apt-get update\nCOPY app /app\nCMD ["/app"]\n',
      findings: [{ line: 1, column: 6, endColumn: 20, message: /no USER/ }],
      output: 'FROM debian:13-slim\nRUN apt-get update\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nCOPY app /app\nCMD ["/app"]\n',
    },
    {
      name: 'alpine gets adduser, before CMD when there is no RUN',
      code: 'FROM alpine:3.20\nCOPY app /app\nCMD ["/app"]',
      findings: [{ line: 1, column: 6 }],
      output: 'FROM alpine:3.20\nCOPY app /app\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001:10001\nCMD ["/app"]',
    },
    {
      name: 'distroless without nonroot tag: append at the end, CRLF kept',
      code: 'FROM gcr.io/distroless/static-debian13\r\nCOPY app /app\r\n',
      findings: [{ line: 1, column: 6 }],
      output: 'FROM gcr.io/distroless/static-debian13\r\nCOPY app /app\r\nUSER 65532:65532\r\n',
    },
    {
      name: 'explicit root',
      code: 'FROM node:22\nUSER root\nRUN npm i -g pm2\nCMD ["pm2-runtime", "app.js"]',
      findings: [{ line: 2, column: 6, endColumn: 10, message: /runs as `root`/ }],
      output: 'FROM node:22\nUSER root\nRUN npm i -g pm2\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001\nCMD ["pm2-runtime", "app.js"]',
    },
    { name: 'uid 0 with group', code: 'FROM node:22\nUSER 0:0', findings: [{ line: 2, column: 6 }], output: 'FROM node:22\nUSER 0:0\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001' },
    { name: 'only the shipped stage is reported', code: 'FROM golang:1.25 AS build\nFROM debian:13-slim', findings: [{ line: 2, column: 6 }], output: 'FROM golang:1.25 AS build\nFROM debian:13-slim\nRUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home app\nUSER 10001:10001' },
  ],
});
