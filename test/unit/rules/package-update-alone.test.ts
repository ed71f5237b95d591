import { ruleTester } from '../rule-tester';

ruleTester('package-update-alone', {
  valid: [
    'FROM debian:13\nRUN apt-get update && apt-get install -y curl',
    { name: 'an upgrade reads the index too', code: 'FROM debian:13\nRUN apt-get update && apt-get -y dist-upgrade' },
    { name: 'apt is the same family', code: 'FROM debian:13\nRUN apt-get update && apt install -y curl' },
    { name: 'a script may install', code: 'FROM debian:13\nRUN apt-get update && ./install-deps.sh' },
    { name: 'xargs runs the install', code: 'FROM debian:13\nRUN apt-get update && xargs apt-get install -y < packages.txt' },
    { name: 'an install through a variable', code: 'FROM debian:13\nRUN apt-get update && $INSTALL curl' },
    { name: 'nested shell installs', code: 'FROM debian:13\nRUN apt-get update && sh -c "apt-get install -y curl"' },
    'FROM alpine:3.20\nRUN apk update && apk add curl',
    'FROM fedora:40\nRUN dnf makecache && dnf install -y git',
    { name: 'heredoc with the install', code: 'FROM debian:13\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF' },
    { name: 'Windows stage', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get update' },
  ],
  invalid: [
    {
      name: 'on the update word; merged into the next RUN, which installs',
      code: 'FROM debian:13\nRUN apt-get update\nRUN apt-get install -y curl\n',
      findings: [{ line: 2, column: 13, endColumn: 19, message: /stale index/ }],
      fixTitles: ["Merge into the next RUN's install"],
      output: 'FROM debian:13\nRUN apt-get update \\\n    && apt-get install -y curl\n',
    },
    {
      name: 'setting up a repository first; CRLF kept',
      code: 'FROM debian:13\r\nRUN echo "deb http://deb.debian.org/debian trixie-backports main" > /etc/apt/sources.list.d/backports.list && apt-get update\r\nRUN apt-get install -y -t trixie-backports curl\r\n',
      findings: [{ line: 2, column: 119 }],
      output: 'FROM debian:13\r\nRUN echo "deb http://deb.debian.org/debian trixie-backports main" > /etc/apt/sources.list.d/backports.list && apt-get update \\\r\n    && apt-get install -y -t trixie-backports curl\r\n',
    },
    {
      name: 'builder stages too',
      code: 'FROM alpine:3.20 AS build\nRUN apk update\nRUN apk add gcc\nFROM scratch\nCOPY --from=build /etc/os-release /',
      findings: [{ line: 2, column: 9, endColumn: 15 }],
      output: 'FROM alpine:3.20 AS build\nRUN apk update \\\n    && apk add gcc\nFROM scratch\nCOPY --from=build /etc/os-release /',
    },
    { name: 'yum makecache', code: 'FROM centos:7\nRUN yum makecache\nCOPY . /src', findings: [{ line: 2, column: 9, endColumn: 18 }] },
    { name: 'different flags: no merge', code: 'FROM debian:13\nRUN apt-get update\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y curl', findings: [{ line: 2, column: 13 }] },
    { name: 'the next RUN installs nothing: no merge', code: 'FROM debian:13\nRUN apt-get update\nRUN echo hi', findings: [{ line: 2, column: 13 }] },
    { name: 'exec form: on the array', code: 'FROM debian:13\nRUN ["apt-get", "update"]\nRUN apt-get install -y curl', findings: [{ line: 2, column: 5, endColumn: 26 }] },
    { name: 'heredoc: exact position, no merge', code: 'FROM debian:13\nRUN <<EOF\nset -e\napt-get update\nEOF\nRUN apt-get install -y curl', findings: [{ line: 4, column: 9, endColumn: 15 }] },
    { name: 'cleaning is not installing', code: 'FROM debian:13\nRUN apt-get update && apt-get clean', findings: [{ line: 2, column: 13 }] },
  ],
});
