import { ruleTester } from '../rule-tester';
import type { EngineConfig } from '../../../server/src/engine';

const config: EngineConfig = {
  labelSchema: {
    'org.opencontainers.image.source': 'url',
    'org.opencontainers.image.version': 'semver',
    'org.opencontainers.image.revision': 'hash',
    'org.opencontainers.image.created': 'rfc3339',
    'org.opencontainers.image.licenses': 'spdx',
    'org.opencontainers.image.authors': 'email',
    'org.opencontainers.image.title': 'text',
  },
};

const good = [
  'LABEL org.opencontainers.image.source=https://github.com/acme/app',
  'LABEL org.opencontainers.image.version=1.2.0-rc.1+build.5',
  'LABEL org.opencontainers.image.revision=0123abc',
  'LABEL org.opencontainers.image.created=2026-11-23T10:00:00Z',
  'LABEL org.opencontainers.image.licenses="(MIT OR Apache-2.0) AND LicenseRef-Acme WITH Classpath-exception-2.0"',
  'LABEL org.opencontainers.image.authors=ops@acme.example',
  'LABEL org.opencontainers.image.title="Billing API"',
].join('\n');

ruleTester('label-schema', {
  valid: [
    { name: 'nothing configured', code: 'FROM alpine:3.22' },
    { name: 'every label of the right form', code: `FROM alpine:3.22\n${good}`, config },
    { name: 'labels inherited from a parent stage', code: `FROM alpine:3.22 AS base\n${good}\nFROM base`, config },
    { name: 'values from variables are not checked', code: 'ARG V\nFROM alpine:3.22\nARG V\nLABEL org.opencontainers.image.version=$V', config: { labelSchema: { 'org.opencontainers.image.version': 'semver' } } },
  ],
  invalid: [
    {
      name: 'missing labels go on the shipped FROM',
      code: 'FROM golang:1.25 AS build\nFROM alpine:3.22',
      config: { labelSchema: { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.version': 'semver' } },
      findings: [{ line: 2, column: 6, endColumn: 17, message: /no `org\.opencontainers\.image\.source` label/ }, { line: 2, column: 6 }],
    },
    {
      name: 'values of the wrong form',
      code: [
        'FROM alpine:3.22',
        'LABEL org.opencontainers.image.source=github.com/acme',
        'LABEL org.opencontainers.image.version=v1.2',
        'LABEL org.opencontainers.image.revision=xyz',
        'LABEL org.opencontainers.image.created=2026-13-01T00:00:00Z',
        'LABEL org.opencontainers.image.licenses="MIT OR"',
        'LABEL org.opencontainers.image.authors="Jane Doe"',
        'LABEL org.opencontainers.image.title=""',
      ].join('\n'),
      config,
      findings: [
        { line: 2, column: 39, endColumn: 54, message: /not a valid URL/ },
        { line: 3, column: 40, message: /semantic version/ },
        { line: 4, column: 41, message: /commit hash/ },
        { line: 5, column: 40, message: /RFC 3339/ },
        { line: 6, column: 41, message: /SPDX/ },
        { line: 7, column: 40, message: /e-mail/ },
        { line: 8, column: 38, message: /is empty/ },
      ],
    },
  ],
});
