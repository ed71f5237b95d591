import { ruleTester } from '../rule-tester';

ruleTester('copy-whole-stage-rootfs', {
  valid: [
    'FROM golang:1.25 AS build\nFROM scratch\nCOPY --from=build /out/app /app',
    { name: 'a FROM scratch stage is a curated root file system', code: 'FROM scratch AS rootfs\nCOPY app /app\nFROM alpine:3.22 AS other\nFROM rootfs AS more\nFROM gcr.io/distroless/static-debian12\nCOPY --from=rootfs / /\nCOPY --from=more / /' },
    { name: 'root into a subdirectory', code: 'FROM debian:13 AS build\nFROM debian:13\nCOPY --from=build / /chroot/' },
    { name: 'root of the build context', code: 'FROM debian:13\nCOPY / /' },
    { name: 'from a variable', code: 'ARG S=build\nFROM debian:13 AS build\nFROM debian:13\nCOPY --from=$S / /' },
    { name: "xx's helpers are meant to be copied whole", code: 'FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.6.1 AS xx\nFROM --platform=$BUILDPLATFORM golang:1.25-alpine\nCOPY --from=xx / /\nCOPY --from=docker.io/tonistiigi/xx:1.6.1 / /' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.25 AS build\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /',
      findings: [{ line: 3, column: 19, endLine: 3, endColumn: 20, message: /whole file system of `build`/ }],
    },
    { name: 'an image, with /.', code: 'FROM scratch\nCOPY --link --from=busybox:1.37 /. /', findings: [{ line: 2, column: 33, endColumn: 35 }] },
  ],
});
