import { ruleTester } from '../rule-tester';

ruleTester('build-tools-in-final-image', {
  valid: [
    'FROM debian:13\nRUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*\nCMD ["/app"]',
    {
      name: 'builder stages are not shipped',
      code: 'FROM golang:1.23 AS build\nRUN apt-get update && apt-get install -y gcc make git\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\nCMD ["/app"]',
    },
    {
      name: 'apk virtual package deleted in the same RUN',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev \\\n    && pip install --no-cache-dir cffi \\\n    && apk del .build-deps\nCMD ["python"]',
    },
    { name: 'purged by name in the same RUN', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y gcc && make -C /src && apt-get purge -y --auto-remove gcc && rm -rf /var/lib/apt/lists/*\nCMD ["/app"]' },
    {
      name: 'the apt-mark auto idiom of the official images',
      code: 'FROM debian:13\nRUN savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends gcc libc6-dev make; make -C /src; apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; rm -rf /var/lib/apt/lists/*\nCMD ["/app"]',
    },
    { name: 'yum remove in the same RUN', code: 'FROM centos:7\nRUN yum install -y gcc && make && yum remove -y gcc && yum clean all\nCMD ["/app"]' },
    { name: 'an image that runs the tool', code: 'FROM alpine:3.20\nRUN apk add --no-cache git openssh-client\nENTRYPOINT ["git"]' },
    { name: 'packages in a variable are not guessed at', code: 'FROM debian:13\nRUN apt-get install -y $BUILD_DEPS\nCMD ["/app"]' },
    { name: 'runtime libraries are not headers', code: 'FROM debian:13\nRUN apt-get install -y libpq5 libssl3 udev\nCMD ["/app"]' },
    { name: 'no CMD or ENTRYPOINT: a toolchain or dev-container image', code: 'FROM buildpack-deps:bookworm-scm\nRUN apt-get update && apt-get install -y --no-install-recommends g++ gcc libc6-dev make && rm -rf /var/lib/apt/lists/*' },
    { name: 'an interactive shell is a work environment', code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y build-essential git && rm -rf /var/lib/apt/lists/*\nENTRYPOINT ["/usr/bin/bash", "-c"]\nCMD ["/usr/bin/bash"]' },
    { name: 'Windows stage', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get install -y gcc\nCMD ["app.exe"]' },
  ],
  invalid: [
    {
      name: 'on each package word',
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev curl git\nCMD ["python", "app.py"]',
      findings: [
        { line: 2, column: 66, endColumn: 81, message: /`build-essential` is a build tool/ },
        { line: 2, column: 82, endColumn: 91 },
        { line: 2, column: 97, endColumn: 100 },
      ],
    },
    {
      name: 'removed only in a later RUN: the bytes stay',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache gcc musl-dev\nRUN apk del gcc musl-dev\nCMD ["/app"]',
      findings: [{ line: 2, column: 24, endColumn: 27 }, { line: 2, column: 28, endColumn: 36 }],
    },
    {
      name: 'yum, dnf, zypper; a single stage can become a builder and a distroless stage',
      code: 'FROM fedora:40\nRUN dnf install -y gcc-c++ openssl-devel maven && zypper -n in cmake\nCMD ["/app"]',
      findings: [{ line: 2, column: 20 }, { line: 2, column: 28 }, { line: 2, column: 42 }, { line: 2, column: 64 }],
      fixTitles: ['Convert to a multi-stage distroless build'],
      output: 'FROM fedora:40 AS build\nRUN dnf install -y gcc-c++ openssl-devel maven && zypper -n in cmake\n\nFROM gcr.io/distroless/base-debian13:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]',
    },
    { name: 'in the stage the shipped one builds on', code: 'FROM debian:13 AS base\nRUN apt-get install -y make\nFROM base\nCMD ["./app"]', findings: [{ line: 2, column: 24 }] },
    {
      name: 'exec form: one finding on the array',
      code: 'FROM debian:13\nRUN ["apt-get", "install", "-y", "gcc", "make"]\nCMD ["/app"]',
      findings: [{ line: 2, column: 5, endColumn: 48, message: /`gcc`, `make` are build tools/ }],
      output: 'FROM debian:13 AS build\nRUN ["apt-get", "install", "-y", "gcc", "make"]\n\nFROM gcr.io/distroless/base-debian13:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]',
    },
  ],
});
