import { ruleTester } from '../rule-tester';

const SHELL = 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';

ruleTester('pipefail', {
  valid: [
    { name: 'SHELL with pipefail, also combined options', code: `FROM debian:12\n${SHELL}\nRUN curl -fsSL https://x | tar xz\nFROM alpine:3.20\nSHELL ["/bin/ash", "-euo", "pipefail", "-c"]\nRUN wget -qO- https://x | tar xz` },
    { name: 'set -o pipefail before the pipe', code: 'FROM alpine:3.20\nRUN set -euo pipefail && curl -fsSL https://x | tar xz\nRUN set -o pipefail; wget -qO- https://y | sh' },
    { name: 'writers that cannot fail', code: 'FROM debian:12\nRUN echo "deb https://x stable main" | tee /etc/apt/sources.list.d/x.list && printf "a\\n" | sort\nRUN cat <<EOF | sh\necho hi\nEOF' },
    { name: 'yes, head and grep -q would break under pipefail', code: 'FROM debian:12\nRUN yes | apt-get install x && curl -s https://x | head -1 && curl -s https://y | grep -q ok' },
    { name: 'a checksum or signature verifier fails by itself on missing input', code: 'FROM debian:12\nRUN grep " node.tar.xz$" SHASUMS256.txt | sha256sum -c - && curl -fsSL https://x.asc | gpg --batch --verify - x.tgz' },
    { name: 'a failure already accepted', code: 'FROM debian:12\nRUN curl -fsSL https://x | tar xz || true\nRUN (curl -fsSL https://x | tar xz) || echo skipped' },
    { name: 'exec form with pipefail, and without a shell', code: 'FROM debian:12\nRUN ["bash", "-o", "pipefail", "-c", "curl x | tar xz"]\nRUN ["echo", "a", "|", "b"]' },
    { name: 'a bash -c script inside the RUN has its own options', code: 'FROM debian:12\nRUN bash -o pipefail -c "curl -fsSL https://x | tar xz"' },
    { name: 'no pipe', code: 'FROM debian:12\nRUN curl -fsSLo /x.tgz https://x && tar xzf /x.tgz || exit 1' },
    { name: 'PowerShell SHELL', code: 'FROM debian:12\nSHELL ["pwsh", "-Command"]\nRUN Get-Content x | Out-File y' },
  ],
  invalid: [
    {
      name: 'on the | ; the SHELL fix goes before the first such RUN of the stage',
      code: 'FROM debian:12\nRUN apt-get update\nRUN curl -fsSL https://x | tar xz\nRUN wget -qO- https://y | tar xz\n',
      findings: [{ line: 3, column: 26, endColumn: 27, message: /SHELL \["\/bin\/bash", "-o", "pipefail", "-c"\]/ }, { line: 4, column: 25, endColumn: 26 }],
      fixTitles: [`Add ${SHELL}`],
      output: `FROM debian:12\nRUN apt-get update\n${SHELL}\nRUN curl -fsSL https://x | tar xz\nRUN wget -qO- https://y | tar xz\n`,
    },
    {
      name: 'CRLF and indentation kept; a compound writer',
      code: 'FROM python:3.13-slim\r\n  RUN (curl -fsSL https://x; curl -fsSL https://y) | tar xz\r\n',
      findings: [{ line: 2, column: 52, endColumn: 53 }],
      output: `FROM python:3.13-slim\r\n  ${SHELL}\r\n  RUN (curl -fsSL https://x; curl -fsSL https://y) | tar xz\r\n`,
    },
    {
      name: 'Alpine: set -o pipefail in the RUN, no SHELL fix',
      code: 'FROM alpine:3.20\nRUN wget -qO- https://x | tar xz',
      findings: [{ line: 2, column: 25, endColumn: 26, message: /set -o pipefail &&/ }],
    },
    {
      name: 'an unknown base, a SHELL without pipefail, exec form: no fix',
      code: 'ARG BASE\nFROM ${BASE}\nRUN curl -fsSL https://x | tar xz\nFROM debian:12\nSHELL ["/bin/bash", "-c"]\nRUN curl -fsSL https://x | tar xz\nFROM debian:12\nRUN ["sh", "-c", "curl -fsSL https://x | tar xz"]',
      findings: [
        { line: 3, column: 26, endColumn: 27, message: /where the image has bash/ },
        { line: 6, column: 26, endColumn: 27, message: /to the SHELL instruction/ },
        { line: 8, column: 40, endColumn: 41, message: /in the array/ },
      ],
    },
    {
      name: 'no fix when a later pipe would break under pipefail; a pipe in a substitution and a heredoc',
      code: 'FROM debian:12\nRUN V=$(curl -s https://x | jq -r .tag) && echo $V\nRUN <<EOF\nfind / -name "*.pyc" | xargs rm -f\nEOF\nRUN yes | head -5 > /y',
      findings: [{ line: 2, column: 27, endColumn: 28 }, { line: 4, column: 22, endColumn: 23 }],
    },
  ],
});
