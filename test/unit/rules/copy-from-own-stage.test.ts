import { ruleTester } from '../rule-tester';

ruleTester('copy-from-own-stage', {
  valid: [
    'FROM golang:1.25 AS build\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app',
    { name: 'earlier stage by index', code: 'FROM golang:1.25\nFROM scratch\nCOPY --from=0 /out/app /app' },
    { name: 'image', code: 'FROM alpine:3.22 AS base\nCOPY --from=base:1.0 /x /x' },
    { name: 'through a variable', code: 'ARG S=build\nFROM alpine:3.22 AS build\nCOPY --from=$S /x /y' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.25 AS build\nCOPY --from=build /src/app /app',
      findings: [{ line: 2, column: 13, endLine: 2, endColumn: 18, message: /cannot copy from itself/ }],
    },
    { name: 'other casing', code: 'FROM golang:1.25 AS build\nCOPY --from=BUILD /src/app /app', findings: [{ line: 2, column: 13 }] },
    { name: 'own index', code: 'FROM alpine:3.22\nFROM alpine:3.22\nCOPY --from=1 /a /b', findings: [{ line: 3, column: 13, endColumn: 14 }] },
    { name: 'cache mount from its own stage', code: 'FROM alpine:3.22 AS a\nRUN --mount=type=bind,from=a,target=/x ls', findings: [{ line: 2, column: 28, endColumn: 29 }] },
  ],
});
