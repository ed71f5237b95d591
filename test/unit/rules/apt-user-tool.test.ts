import { ruleTester } from '../rule-tester';

ruleTester('apt-user-tool', {
  valid: [
    'FROM debian:13\nRUN apt-get update && apt-get install -y curl',
    { name: 'apt as a path or an operand', code: 'FROM debian:13\nRUN rm -rf /var/lib/apt/lists/* && echo apt' },
    { name: 'apt-cache and apt-mark', code: 'FROM debian:13\nRUN apt-cache policy curl && apt-mark hold curl' },
    { name: 'Windows stage', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt install -y curl' },
  ],
  invalid: [
    {
      name: 'on the program word, replaced by apt-get',
      code: 'FROM debian:13\nRUN apt update && apt install -y curl',
      findings: [{ line: 2, column: 5, endColumn: 8 }, { line: 2, column: 19, endColumn: 22 }],
      output: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl',
    },
    {
      name: 'every stage, via sudo, a full path',
      code: 'FROM debian:13 AS build\nRUN sudo /usr/bin/apt install -y gcc\nFROM scratch',
      findings: [{ line: 2, column: 10, endColumn: 22 }],
      output: 'FROM debian:13 AS build\nRUN sudo /usr/bin/apt-get install -y gcc\nFROM scratch',
    },
    { name: 'no apt-get twin: full-upgrade, list', code: 'FROM debian:13\nRUN apt full-upgrade -y && apt list --installed', findings: [{ line: 2, column: 5 }, { line: 2, column: 28 }] },
    {
      name: 'heredoc and sh -c',
      code: 'FROM debian:13\nRUN <<EOF\napt install -y curl\nEOF\nRUN sh -c \'apt remove -y curl\'',
      findings: [{ line: 3, column: 1, endColumn: 4 }, { line: 5, column: 12 }],
      output: 'FROM debian:13\nRUN <<EOF\napt-get install -y curl\nEOF\nRUN sh -c \'apt-get remove -y curl\'',
    },
    { name: 'exec form: on the array, no fix', code: 'FROM debian:13\nRUN ["apt", "install", "-y", "curl"]', findings: [{ line: 2, column: 5, endColumn: 37 }] },
  ],
});
