import { ruleTester } from '../rule-tester';

ruleTester('user-non-numeric', {
  valid: [
    { name: 'numeric uid, with a group name', code: 'FROM debian:12\nUSER 10001:app' },
    { name: 'root is user-root\'s finding', code: 'FROM debian:12\nUSER root' },
    { name: 'no USER at all', code: 'FROM debian:12\nCMD ["sh"]' },
    { name: 'a variable', code: 'FROM debian:12\nARG APP_USER=app\nUSER ${APP_USER}' },
    { name: 'builder stages do not ship', code: 'FROM node:22 AS build\nUSER node\nFROM gcr.io/distroless/nodejs22-debian12\nUSER 65532' },
    { name: 'Windows images', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser' },
  ],
  invalid: [
    {
      name: 'a user created with useradd -u: the name; fix to the uid',
      code: 'FROM debian:12\nRUN useradd --uid 10001 --no-create-home app\nUSER app\n',
      findings: [{ line: 3, column: 6, endColumn: 9, message: /runAsNonRoot.*`10001`/ }],
      fixTitles: ['Use USER 10001'],
      output: 'FROM debian:12\nRUN useradd --uid 10001 --no-create-home app\nUSER 10001\n',
    },
    {
      name: 'Alpine addgroup -g and adduser -u keep the group numeric too',
      code: 'FROM alpine:3.20\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER app:app',
      findings: [{ line: 3, column: 6, endColumn: 9 }],
      output: 'FROM alpine:3.20\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001:10001',
    },
    {
      name: 'a group with an unknown gid keeps its name; CRLF kept',
      code: 'FROM debian:12\r\nRUN groupadd app && useradd -u 10001 -g app app\r\nUSER app:app\r\n',
      findings: [{ line: 3, column: 6, endColumn: 9 }],
      output: 'FROM debian:12\r\nRUN groupadd app && useradd -u 10001 -g app app\r\nUSER 10001:app\r\n',
    },
    {
      name: 'nobody on Debian; earlier stages do not ship',
      code: 'FROM node:22-alpine AS web\nUSER node:node\nFROM gcr.io/distroless/static-debian12 AS static\nUSER nonroot\nFROM debian:12\nUSER nobody:nogroup',
      findings: [{ line: 6, column: 6, endColumn: 12 }],
      output: 'FROM node:22-alpine AS web\nUSER node:node\nFROM gcr.io/distroless/static-debian12 AS static\nUSER nonroot\nFROM debian:12\nUSER 65534:65534',
    },
    {
      name: 'www-data on a Debian-based image',
      code: 'FROM php:8.3-apache\nUSER www-data:www-data',
      findings: [{ line: 2, column: 6, endColumn: 14 }],
      output: 'FROM php:8.3-apache\nUSER 33:33',
    },
    {
      name: 'the node user of node images',
      code: 'FROM node:22-slim\nUSER node',
      findings: [{ line: 2, column: 6, endColumn: 10 }],
      output: 'FROM node:22-slim\nUSER 1000',
    },
    {
      name: 'distroless nonroot with group',
      code: 'FROM gcr.io/distroless/static-debian12\nUSER nonroot:nonroot',
      findings: [{ line: 2, column: 6, endColumn: 13 }],
      output: 'FROM gcr.io/distroless/static-debian12\nUSER 65532:65532',
    },
    {
      name: 'a user from the parent stage; no uid known: no fix',
      code: 'FROM debian:12 AS base\nRUN useradd -r app\nUSER app\nFROM base\nCMD ["/app"]',
      findings: [{ line: 3, column: 6, endColumn: 9, message: /its numeric uid/ }],
    },
  ],
});
