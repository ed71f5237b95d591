import { ruleTester } from '../rule-tester';

ruleTester('undefined-variable', {
  valid: [
    'FROM alpine:3.22\nARG VERSION=1\nCOPY app-$VERSION.jar /app.jar',
    { name: 'declared without a value', code: 'FROM alpine:3.22\nARG VERSION\nCOPY app-$VERSION.jar /app.jar' },
    { name: 'global ARG redeclared', code: 'ARG VERSION=1\nFROM alpine:3.22\nARG VERSION\nLABEL v=$VERSION' },
    { name: 'platform ARG redeclared', code: 'FROM alpine:3.22\nARG TARGETARCH\nCOPY bin/app-${TARGETARCH} /app' },
    { name: 'inherited from the parent stage', code: 'FROM alpine:3.22 AS base\nENV APP=/app\nFROM base\nWORKDIR $APP' },
    { name: 'RUN is the shell\'s business', code: 'FROM alpine:3.22\nRUN echo $HOME $UNDEFINED' },
    { name: 'proxy and BuildKit args', code: 'FROM alpine:3.22\nENV A=$HTTP_PROXY B=$no_proxy C=$BUILDKIT_INLINE_CACHE' },
    { name: 'PATH is always set', code: 'FROM scratch\nENV PATH=/bin:$PATH' },
    { name: 'default operator', code: 'FROM alpine:3.22\nWORKDIR ${APP_DIR:-/app}' },
    { name: 'single quotes and escapes keep it literal', code: "FROM alpine:3.22\nLABEL a='$NOPE' b=\\$NOPE" },
    { name: 'base image may set it (unknown image, no declaration)', code: 'FROM golang:1.25\nWORKDIR $GOPATH/src/app' },
    { name: 'image-prefixed name in its own image', code: 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION}\nLABEL node=$NODE_VERSION' },
    { name: 'ONBUILD expands in the child build', code: 'FROM alpine:3.22\nONBUILD COPY $SRC /app' },
    { name: 'FROM is arg-undefined-in-from', code: 'FROM alpine:$NOPE' },
    { name: 'set by the same ENV is env-self-reference', code: 'FROM alpine:3.22\nENV A=1 B=$A' },
    { name: 'heredoc body is content', code: 'FROM alpine:3.22\nCOPY <<EOF /etc/motd\n$NOPE\nEOF' },
    { name: '--from is not expanded with the stage\'s variables', code: 'ARG SRC=build\nFROM alpine:3.22 AS build\nFROM alpine:3.22\nCOPY --from=$SRC /a /a' },
    { name: 'Windows stage', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR $NOPE' },
  ],
  invalid: [
    {
      name: 'global ARG used in a stage',
      code: 'ARG VERSION=1.4.2\nFROM eclipse-temurin:21-jre\nCOPY target/app-$VERSION.jar /app.jar',
      findings: [{ line: 3, column: 18, endLine: 3, endColumn: 25, message: /declared before the first FROM.*add `ARG VERSION`/ }],
    },
    {
      name: 'platform ARG used without redeclaration',
      code: 'FROM golang:1.25\nCOPY --chown=app bin/app-${TARGETARCH} /app',
      findings: [{ line: 2, column: 28, endColumn: 38, message: /predefined by BuildKit/ }],
    },
    {
      name: 'typo of a declared name',
      code: 'FROM node:22\nARG APP_VERSION=1\nLABEL version=$APP_VERISON\n',
      findings: [{ line: 3, column: 16, endColumn: 27, message: /did you mean `\$APP_VERSION`/ }],
      output: 'FROM node:22\nARG APP_VERSION=1\nLABEL version=$APP_VERSION\n',
      fixTitles: ['Replace with `APP_VERSION`'],
    },
    {
      name: 'declared only later in the stage',
      code: 'FROM node:22\nWORKDIR $APP_DIR\nARG APP_DIR=/app',
      findings: [{ line: 2, column: 10, message: /not before this instruction/ }],
    },
    {
      name: 'a base whose environment is known: anything undeclared',
      code: 'FROM alpine:3.22 AS base\nCOPY $foo .\nFROM base\nUSER ${APP_USER}',
      findings: [{ line: 2, column: 7, endColumn: 10 }, { line: 4, column: 8, endColumn: 16 }],
    },
    {
      name: 'PATH misspelt, in flags and JSON form',
      code: 'FROM scratch\nENV PATH=$PAHT:/app/bin\nCOPY --chmod=$MODE ["a", "$DEST"]',
      findings: [{ line: 2, column: 11, message: /did you mean `\$PATH`/ }, { line: 3, column: 15 }, { line: 3, column: 28 }],
      output: 'FROM scratch\nENV PATH=$PATH:/app/bin\nCOPY --chmod=$MODE ["a", "$DEST"]',
    },
  ],
});
