import { ruleTester } from '../rule-tester';

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
  ],
  invalid: [
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
