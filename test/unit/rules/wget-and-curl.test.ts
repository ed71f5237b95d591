import { ruleTester } from '../rule-tester';

ruleTester('wget-and-curl', {
  valid: [
    { name: 'one tool', code: 'FROM debian:12\nRUN curl -fsSLO https://x && curl -fsSLO https://y' },
    { name: 'package names are not uses', code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends wget curl && curl -fsSLO https://x' },
    { name: 'each stage is its own image', code: 'FROM debian:12 AS fetch\nRUN curl -fsSLO https://x\nFROM alpine:3.20\nRUN wget -q https://y' },
    { name: 'only RUN counts', code: 'FROM debian:12\nRUN curl -fsSLO https://x\nHEALTHCHECK CMD wget -qO- http://localhost/ || exit 1' },
  ],
  invalid: [
    {
      name: 'on the first use of the tool used less',
      code: 'FROM debian:12\nRUN curl -fsSLO https://x && wget -q https://y\nRUN curl -fsSLO https://z',
      findings: [{ line: 2, column: 30, endColumn: 34, message: /both `curl` \(2×\) and `wget` \(1×\)/ }],
    },
    {
      name: 'curl used less; sudo and a nested shell count',
      code: 'FROM debian:12\nRUN wget -q https://x && sh -c "wget -q https://y"\nRUN sudo curl -fsSLO https://z',
      findings: [{ line: 3, column: 10, endColumn: 14, message: /use `wget` here too/ }],
    },
    {
      name: 'a tie goes on wget',
      code: 'FROM debian:12\nRUN wget -q https://x\nRUN curl -fsSLO https://z',
      findings: [{ line: 2, column: 5, endColumn: 9 }],
    },
  ],
});
