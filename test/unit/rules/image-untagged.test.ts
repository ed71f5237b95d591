import { ruleTester } from '../rule-tester';

ruleTester('image-untagged', {
  valid: [
    'FROM node:22',
    'FROM scratch',
    { name: 'scratch in capitals', code: 'FROM SCRATCH' },
    { name: 'digest only', code: 'FROM node@sha256:0000000000000000000000000000000000000000000000000000000000000000' },
    { name: 'stage reference', code: 'FROM golang:1.25 AS build\nFROM build' },
    { name: 'stage reference, other casing', code: 'FROM golang:1.25 AS Build\nFROM build' },
    { name: 'ARG default supplies the tag', code: 'ARG BASE=node:22\nFROM ${BASE}' },
    { name: 'ARG without default is another rule', code: 'ARG BASE\nFROM ${BASE}' },
    { name: 'default operator', code: 'ARG V\nFROM node:${V:-22}' },
    { name: 'registry port is not a tag', code: 'FROM localhost:5000/app:1.0' },
  ],
  invalid: [
    { code: 'FROM python', findings: [{ line: 1, column: 6, endColumn: 12, message: /`python` has no tag/ }] },
    { name: 'registry port without tag', code: 'FROM localhost:5000/app', findings: [{ line: 1, column: 6, endColumn: 24 }] },
    { name: 'resolved through ARG', code: 'ARG BASE=debian\nFROM $BASE AS base\nFROM base', findings: [{ line: 2, column: 6, endColumn: 11, message: /`debian`/ }] },
    { name: 'with platform flag', code: 'FROM --platform=$BUILDPLATFORM golang AS build', findings: [{ line: 1, column: 32, endColumn: 38 }] },
  ],
});
