import { ruleTester } from '../rule-tester';

const digest = 'sha256:0000000000000000000000000000000000000000000000000000000000000000';

ruleTester('image-not-pinned-by-digest', {
  valid: [
    `FROM node:22-slim@${digest}`,
    { name: 'builder stages are not shipped', code: `FROM golang:1.25 AS build\nFROM gcr.io/distroless/static-debian13:nonroot@${digest}` },
    'FROM scratch',
    { name: 'untagged and latest get their own warning first', code: 'FROM node' },
  ],
  invalid: [
    { code: 'FROM node:22-slim', findings: [{ line: 1, column: 6, endColumn: 18, message: /not pinned to a digest/ }] },
    { name: 'through a stage', code: 'FROM debian:13-slim AS base\nFROM base', findings: [{ line: 1, column: 6 }] },
    {
      name: 'the image named once its ARG defaults are expanded',
      code: 'ARG REGISTRY=docker.io\nARG BASE=${REGISTRY}/library/debian:bookworm-slim\nFROM ${BASE}',
      findings: [{ line: 3, column: 6, endColumn: 13, message: /^`docker\.io\/library\/debian:bookworm-slim` is not pinned to a digest/ }],
    },
  ],
});

ruleTester('image-untrusted-registry', {
  valid: [
    { code: 'FROM node:22', config: { trustedRegistries: ['docker.io'] } },
    { name: 'no list configured', code: 'FROM quay.io/x/y:1' },
    { name: 'stages and scratch', code: 'FROM registry.example.com/node:22 AS b\nFROM scratch\nCOPY --from=b / /', config: { trustedRegistries: ['registry.example.com'] } },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCOPY --from=ghcr.io/acme/tools:1 /bin/x /x\nRUN --mount=type=bind,from=quay.io/a/b:2,target=/m true',
      config: { trustedRegistries: ['registry.example.com'] },
      findings: [{ line: 1, column: 6, message: /`docker.io`/ }, { line: 2, column: 13, endColumn: 33 }, { line: 3, column: 28, endColumn: 41 }],
    },
  ],
});
