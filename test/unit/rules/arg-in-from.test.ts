import { ruleTester } from '../rule-tester';

ruleTester('arg-undefined-in-from', {
  valid: [
    'ARG BASE=node:22\nFROM ${BASE}',
    { name: 'declared without default is the other rule', code: 'ARG TAG\nFROM node:${TAG:-22}' },
    { name: 'platform builtins', code: 'FROM --platform=$BUILDPLATFORM alpine:3.20\nFROM alpine-${TARGETARCH}:1' },
    { name: 'ARG inside a stage does not count for FROM', code: 'FROM node:22\nARG X=1' },
  ],
  invalid: [
    { code: 'FROM node:${NODE_VERSION}', findings: [{ line: 1, column: 11, endColumn: 26, message: /`NODE_VERSION` is not declared/ }] },
    { name: 'declared only after FROM', code: 'FROM alpine:3.20\nARG TAG=1\nFROM app:$TAG', findings: [{ line: 3, column: 10, endColumn: 14 }] },
    { name: 'two variables', code: 'ARG A=x\nFROM $REG/$A:${V:-1}', findings: [{ line: 2, column: 6, endColumn: 10 }, { line: 2, column: 14, endColumn: 21 }] },
  ],
});

ruleTester('arg-invalid-default-in-from', {
  valid: [
    'ARG BASE=node:22\nFROM ${BASE}',
    { name: 'default operator fills in', code: 'ARG TAG\nFROM node:${TAG:-22}' },
    { name: 'registry with port', code: 'ARG REG=localhost:5000\nFROM ${REG}/app:1' },
    { name: 'stage name', code: 'ARG FINAL=prod\nFROM alpine:3.20 AS prod\nFROM ${FINAL}' },
    { name: 'undeclared is the other rule', code: 'FROM ${NOPE}' },
    { name: 'a default built from an earlier ARG', code: 'ARG REGISTRY=ghcr.io/acme\nARG BASE=${REGISTRY}/app:1\nFROM ${BASE}' },
  ],
  invalid: [
    { code: 'ARG BASE\nFROM ${BASE}', findings: [{ line: 2, column: 6, endColumn: 13, message: /empty image/ }] },
    { name: 'empty tag', code: 'ARG TAG\nFROM node:${TAG}', findings: [{ line: 2, column: 6, message: /`node:`/ }] },
    { name: 'uppercase repository', code: 'ARG IMG=MyOrg/App:1\nFROM $IMG', findings: [{ line: 2, column: 6, message: /not a valid image reference/ }] },
  ],
});
