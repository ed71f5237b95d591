import { ruleTester } from '../rule-tester';

ruleTester('apt-no-install-recommends', {
  valid: [
    'FROM debian:13\nRUN apt-get update && apt-get install -y --no-install-recommends curl',
    { name: 'as an apt option', code: 'FROM debian:13\nRUN apt-get install -y -o APT::Install-Recommends=false curl' },
    { name: 'set in apt.conf.d earlier', code: 'FROM debian:13\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/01norecommends\nRUN apt-get install -y curl' },
    { name: 'options in a variable', code: 'FROM debian:13\nRUN apt-get install $APT_OPTS curl' },
    { name: 'builder stages are not shipped', code: 'FROM debian:13 AS build\nRUN apt-get install -y gcc\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out /' },
    { name: 'not an install', code: 'FROM debian:13\nRUN apt-get -y upgrade' },
    { name: 'Windows stage', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get install -y curl' },
  ],
  invalid: [
    {
      name: 'on the install word; the flag goes right after it (unsafe)',
      code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl',
      findings: [{ line: 2, column: 31, endColumn: 38 }],
      fixTitles: ['Add `--no-install-recommends`'],
      output: 'FROM debian:13\nRUN apt-get update && apt-get install --no-install-recommends -y curl',
    },
    {
      name: 'apt too, and across continuation lines',
      code: 'FROM debian:13\nRUN apt-get update \\\n && apt install -y \\\n    curl',
      findings: [{ line: 3, column: 9 }],
      output: 'FROM debian:13\nRUN apt-get update \\\n && apt install --no-install-recommends -y \\\n    curl',
    },
    {
      name: 'heredoc',
      code: 'FROM debian:13\nRUN <<EOF\napt-get install -y curl\nEOF',
      findings: [{ line: 3, column: 9 }],
      output: 'FROM debian:13\nRUN <<EOF\napt-get install --no-install-recommends -y curl\nEOF',
    },
    { name: 'exec form: on the array, no fix', code: 'FROM debian:13\nRUN ["apt-get", "install", "-y", "curl"]', findings: [{ line: 2, column: 5, endColumn: 41 }] },
  ],
});
