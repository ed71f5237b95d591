import { ruleTester } from '../rule-tester';

ruleTester('stage-name-casing', {
  valid: ['FROM golang:1.25 AS build', { name: 'image names are not stage names', code: 'FROM MyRegistry.example/App:1' }],
  invalid: [
    {
      name: 'renames every reference',
      code: 'FROM golang:1.25 AS Build\nFROM Build AS Test\nRUN --mount=type=cache,from=BUILD,target=/c ls\nFROM scratch\nCOPY --link --from=Build /out/app /app\nCOPY --from=build /b /b\n',
      findings: [{ line: 1, column: 21, endLine: 1, endColumn: 26, message: /`Build` should be lowercase/ }, { line: 2, column: 15, endColumn: 19 }],
      output: 'FROM golang:1.25 AS build\nFROM build AS test\nRUN --mount=type=cache,from=build,target=/c ls\nFROM scratch\nCOPY --link --from=build /out/app /app\nCOPY --from=build /b /b\n',
    },
    {
      name: 'keeps CRLF and leaves variables alone',
      code: 'ARG S=App\r\nFROM alpine:3.22 AS App\r\nCOPY --from=$S /a /a\r\n',
      findings: [{ line: 2, column: 21 }],
      output: 'ARG S=App\r\nFROM alpine:3.22 AS app\r\nCOPY --from=$S /a /a\r\n',
    },
  ],
});
