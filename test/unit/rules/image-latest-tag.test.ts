import { ruleTester } from '../rule-tester';

ruleTester('image-latest-tag', {
  valid: [
    'FROM node:22-slim',
    { name: 'digest pins latest', code: 'FROM node:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000' },
    { name: 'untagged is another rule', code: 'FROM node' },
    { name: 'stage reference', code: 'FROM node:22 AS latest\nFROM latest' },
    { name: 'registry with port', code: 'FROM localhost:5000/app:1.2' },
    { name: 'ARG with a version', code: 'ARG TAG=22\nFROM node:${TAG}' },
  ],
  invalid: [
    { code: 'FROM node:latest', findings: [{ line: 1, column: 11, endLine: 1, endColumn: 17, message: /`node:latest`/ }] },
    { name: 'with registry and stage name', code: 'FROM ghcr.io/acme/api:latest AS build\nFROM scratch', findings: [{ line: 1, column: 23, endColumn: 29 }] },
    { name: 'tag from an ARG points at the image text', code: 'ARG TAG=latest\nFROM node:${TAG}', findings: [{ line: 2, column: 6, endColumn: 17, message: /`node:latest`/ }] },
    { name: 'CRLF', code: 'FROM alpine:3.20\r\nFROM alpine:latest\r\n', findings: [{ line: 2, column: 13, endColumn: 19 }] },
  ],
});
