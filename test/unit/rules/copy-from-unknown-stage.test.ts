import { ruleTester } from '../rule-tester';

ruleTester('copy-from-unknown-stage', {
  valid: [
    'FROM golang:1.25 AS build\nFROM scratch\nCOPY --from=build /out/app /app',
    { name: 'stage names are case-insensitive', code: 'FROM golang:1.25 AS Build\nFROM scratch\nCOPY --from=build /a /a' },
    { name: 'tagged image', code: 'FROM alpine:3.22\nCOPY --from=nginx:1.27 /etc/nginx/nginx.conf /x' },
    { name: 'image with registry', code: 'FROM alpine:3.22\nCOPY --from=ghcr.io/org/tool /bin/tool /bin/tool' },
    { name: 'image with digest', code: 'FROM alpine:3.22\nCOPY --from=busybox@sha256:0000000000000000000000000000000000000000000000000000000000000000 /bin/sh /sh' },
    { name: 'earlier stage by index', code: 'FROM golang:1.25\nFROM scratch\nCOPY --from=0 /a /a' },
    { name: 'through a variable', code: 'ARG FROM_STAGE=nope\nFROM alpine:3.22\nCOPY --from=${FROM_STAGE} /a /a' },
    { name: 'own stage is another rule', code: 'FROM alpine:3.22 AS a\nCOPY --from=a /a /b' },
    { name: 'an official image copied from by its bare name', code: 'FROM php:8.4-fpm\nCOPY --from=composer /usr/bin/composer /usr/bin/composer\nCOPY --from=alpine /etc/apk/arch /root/' },
  ],
  invalid: [
    {
      name: 'misspelt stage',
      code: 'FROM golang:1.25 AS build\nFROM scratch\nCOPY --from=biuld /out/app /app',
      findings: [{ line: 3, column: 13, endLine: 3, endColumn: 18, message: /No stage is named `biuld`.*`biuld:latest`/ }],
    },
    {
      name: 'stage defined later',
      code: 'FROM alpine:3.22\nCOPY --from=build /a /a\nFROM golang:1.25 AS build',
      findings: [{ line: 2, column: 13, endColumn: 18, message: /defined after/ }],
    },
    { name: '--from after another flag', code: 'FROM alpine:3.22 AS build\nFROM scratch\nCOPY --link --chown=1000 --from=buidl /a /a', findings: [{ line: 3, column: 33, endColumn: 38 }] },
    { name: 'an image name that is also a misspelt stage', code: 'FROM golang:1.25 AS nodes\nFROM scratch\nCOPY --from=node /out /out', findings: [{ line: 3, column: 13, endColumn: 17, message: /No stage is named `node`/ }] },
    { name: 'index out of range', code: 'FROM alpine:3.22\nCOPY --from=3 /a /a', findings: [{ line: 2, column: 13, message: /no stage number 3/ }] },
    { name: 'later index', code: 'FROM alpine:3.22\nCOPY --from=1 /a /a\nFROM alpine:3.22', findings: [{ line: 2, column: 13, message: /defined after/ }] },
  ],
});
