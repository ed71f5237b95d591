import { ruleTester } from '../rule-tester';

ruleTester('wget-progress', {
  valid: [
    { name: 'a progress style, quiet and non-verbose modes, a log file', code: 'FROM debian:12\nRUN wget --progress=dot:giga https://x && wget -qO- https://y | tar x && wget -nv https://z && wget --no-verbose https://a && wget -o /log https://b' },
    { name: 'BusyBox wget on Alpine has no --progress', code: 'FROM alpine:3.20\nRUN wget https://x' },
    { name: 'curl is another tool', code: 'FROM debian:12\nRUN curl -fsSLO https://x' },
  ],
  invalid: [
    {
      name: 'the wget word; the fix adds --progress=dot:giga',
      code: 'FROM debian:12\nRUN wget https://x/big.tgz && wget -O /tmp/y https://y',
      findings: [{ line: 2, column: 5, endColumn: 9, message: /--progress=dot:giga/ }, { line: 2, column: 31, endColumn: 35 }],
      fixTitles: ['Add --progress=dot:giga'],
      output: 'FROM debian:12\nRUN wget --progress=dot:giga https://x/big.tgz && wget --progress=dot:giga -O /tmp/y https://y',
    },
    {
      name: 'Alpine with GNU wget installed',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache wget\nRUN wget https://x',
      findings: [{ line: 3, column: 5, endColumn: 9 }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache wget\nRUN wget --progress=dot:giga https://x',
    },
    {
      name: 'an unknown base and exec form: no fix in exec form',
      code: 'ARG BASE=debian:12\nFROM ${BASE}\nRUN ["wget", "https://x"]',
      findings: [{ line: 3, column: 5, endColumn: 26 }],
    },
  ],
});
