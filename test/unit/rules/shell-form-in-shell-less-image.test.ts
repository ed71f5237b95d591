import { ruleTester } from '../rule-tester';

ruleTester('shell-form-in-shell-less-image', {
  valid: [
    'FROM gcr.io/distroless/static-debian13\nENTRYPOINT ["/server"]',
    { name: 'distroless debug has busybox sh', code: 'FROM gcr.io/distroless/base-debian13:debug\nRUN echo hi' },
    { name: 'images with a shell', code: 'FROM node:22-slim\nCMD node app.js' },
    { name: 'builder stage with a shell, shipped stage without', code: 'FROM golang:1.25 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]' },
    { name: 'a SHELL instruction names the shell the author provides', code: 'FROM scratch\nCOPY --from=busybox:1.37 /bin/busybox /busybox\nSHELL ["/busybox", "sh", "-c"]\nRUN /busybox echo hi' },
    { name: 'HEALTHCHECK NONE', code: 'FROM scratch\nHEALTHCHECK NONE' },
    { name: "busybox's sh copied into distroless", code: 'FROM busybox:1.37 AS source\nFROM gcr.io/distroless/base-debian13\nCOPY --from=source /bin/sh /bin/sh\nRUN mkdir -p /var/etcd' },
    { name: 'sh copied into /bin/', code: 'FROM busybox:1.37 AS source\nFROM scratch\nCOPY --from=source /bin/busybox /bin/sh /bin/\nRUN mkdir /data' },
    { name: 'a whole root file system copied over scratch', code: 'FROM alpine:3.22 AS build\nFROM scratch\nCOPY --from=build / /\nRUN touch /marker' },
  ],
  invalid: [
    {
      name: 'RUN on scratch fails the build',
      code: 'FROM scratch\nRUN mkdir /data',
      findings: [{ line: 2, column: 5, endColumn: 16, message: /scratch has no shell; the build fails here/ }],
      output: 'FROM scratch\nRUN ["mkdir", "/data"]',
    },
    {
      name: 'a copied program that is not a shell',
      code: 'FROM busybox:1.37 AS source\nFROM scratch\nCOPY --from=source /bin/mkdir /bin/\nRUN mkdir /data',
      findings: [{ line: 4, column: 5, endColumn: 16, message: /scratch has no shell/ }],
      output: 'FROM busybox:1.37 AS source\nFROM scratch\nCOPY --from=source /bin/mkdir /bin/\nRUN ["mkdir", "/data"]',
    },
    {
      name: 'distroless nodejs runs node itself: CMD keeps only the script',
      code: 'FROM gcr.io/distroless/nodejs22-debian13:nonroot\nCMD node server.js',
      findings: [{ line: 2, column: 5, message: /container fails to start/ }],
      output: 'FROM gcr.io/distroless/nodejs22-debian13:nonroot\nCMD ["server.js"]',
    },
    {
      name: 'distroless java -jar',
      code: 'FROM gcr.io/distroless/java21-debian13\nCMD java -jar app.jar',
      findings: [{ line: 2, column: 5 }],
      output: 'FROM gcr.io/distroless/java21-debian13\nCMD ["app.jar"]',
    },
    {
      name: 'an own ENTRYPOINT keeps the words',
      code: 'FROM gcr.io/distroless/python3-debian13\nENTRYPOINT ["/usr/bin/python3"]\nCMD python app.py',
      findings: [{ line: 3, column: 5 }],
      output: 'FROM gcr.io/distroless/python3-debian13\nENTRYPOINT ["/usr/bin/python3"]\nCMD ["python", "app.py"]',
    },
    {
      name: 'HEALTHCHECK points at the command after CMD; variables get no fix',
      code: 'FROM cgr.dev/chainguard/static:latest\nHEALTHCHECK --interval=30s CMD /app health $PORT',
      findings: [{ line: 2, column: 32, endColumn: 49 }],
    },
    {
      name: 'inherited through a stage',
      code: 'FROM gcr.io/distroless/static-debian13 AS base\nFROM base\nENTRYPOINT /server --flag',
      findings: [{ line: 3, column: 12 }],
      output: 'FROM gcr.io/distroless/static-debian13 AS base\nFROM base\nENTRYPOINT ["/server", "--flag"]',
    },
  ],
});
