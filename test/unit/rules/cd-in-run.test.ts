import { ruleTester } from '../rule-tester';

ruleTester('cd-in-run', {
  valid: [
    { name: 'a subshell keeps the change local', code: 'FROM debian:12\nRUN (cd /src && make) && make install' },
    { name: 'a lone cd changes nothing that follows', code: 'FROM debian:12\nRUN cd /app' },
    { name: 'cd - returns', code: 'FROM debian:12\nRUN make && cd - && ls' },
    { name: 'a substitution, a condition, a loop', code: 'FROM debian:12\nRUN DIR=$(cd "$(dirname x)" && pwd) && echo $DIR\nRUN if [ -d x ]; then cd x; fi; make\nRUN for d in a b; do cd $d && make && cd ..; done' },
    { name: 'a directory the RUN deletes again, or a mktemp one', code: 'FROM debian:12\nRUN mkdir -p /usr/src/python && cd /usr/src/python && make && cd / && rm -rf /usr/src/python\nRUN tar xzf x-1.0.tgz && cd x-1.0/src && make install && cd ../.. && rm -r x-1.0\nRUN cd "$(mktemp -d)" && curl -fsSLO https://x && make' },
    { name: 'a shell of its own', code: 'FROM debian:12\nRUN sh -c "cd /x && make"' },
    { name: 'a heredoc script', code: 'FROM debian:12\nRUN <<EOF\ncd /app\nnpm ci\nEOF' },
    { name: 'Windows images', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN cd C:\\app && dir' },
  ],
  invalid: [
    {
      name: 'a leading cd becomes WORKDIR',
      code: 'FROM node:22\nRUN cd /app && npm ci\n',
      findings: [{ line: 2, column: 5, endColumn: 12, message: /WORKDIR/ }],
      fixTitles: ['Replace cd with WORKDIR /app'],
      output: 'FROM node:22\nWORKDIR /app\nRUN npm ci\n',
    },
    {
      name: 'RUN flags, indentation, CRLF, a continuation and `;` are kept',
      code: 'FROM node:22\r\n  RUN --mount=type=cache,target=/root/.npm cd /app; \\\r\n    npm ci\r\n',
      findings: [{ line: 2, column: 44, endColumn: 51 }],
      output: 'FROM node:22\r\n  WORKDIR /app\r\n  RUN --mount=type=cache,target=/root/.npm npm ci\r\n',
    },
    {
      name: 'later instructions keep the directory the RUN started in',
      code: 'FROM node:24-slim\nWORKDIR /app\nRUN cd /tmp && curl -fsSLO https://x/tool.zip\nRUN npm ci',
      findings: [{ line: 3, column: 5, endColumn: 12 }],
      output: 'FROM node:24-slim\nWORKDIR /app\nWORKDIR /tmp\nRUN curl -fsSLO https://x/tool.zip\nWORKDIR /app\nRUN npm ci',
    },
    {
      name: 'the image keeps its directory too, also at the end of the file',
      code: 'FROM node:24-slim\nWORKDIR /srv\nRUN cd /app && npm ci',
      findings: [{ line: 3, column: 5, endColumn: 12 }],
      output: 'FROM node:24-slim\nWORKDIR /srv\nWORKDIR /app\nRUN npm ci\nWORKDIR /srv',
    },
    {
      name: 'a cd to the WORKDIR changes nothing',
      code: 'FROM node:24-slim\nWORKDIR /app/\nRUN cd /app && npm ci\nRUN npm test',
      findings: [{ line: 3, column: 5, endColumn: 12, message: /WORKDIR is already `\/app`/ }],
      fixTitles: ['Remove cd: the WORKDIR is already /app'],
      output: 'FROM node:24-slim\nWORKDIR /app/\nRUN npm ci\nRUN npm test',
    },
    {
      name: 'removing files inside the directory does not make it temporary',
      code: 'FROM debian:12\nRUN cd /tmp && curl -fsSLO https://x/a.tgz && tar xzf a.tgz && rm -rf /tmp/a.tgz\nRUN true',
      findings: [{ line: 2, column: 5, endColumn: 12 }],
    },
    {
      name: 'later instructions use a directory that is not known: no fix',
      code: 'FROM node:24-slim\nRUN cd /app && npm ci\nRUN npm test',
      findings: [{ line: 2, column: 5, endColumn: 12 }],
    },
    {
      name: 'not leading, relative, a variable, a group: no fix',
      code: 'FROM debian:12\nRUN set -e; cd build && make\nRUN cd src && make\nRUN cd $HOME && ls\nRUN { cd /x; make; }',
      findings: [{ line: 2, column: 13, endColumn: 21 }, { line: 3, column: 5, endColumn: 11 }, { line: 4, column: 5, endColumn: 13 }, { line: 5, column: 7, endColumn: 12 }],
    },
    {
      name: 'a comment in the continuation: no fix; only the first cd of a RUN',
      code: 'FROM debian:12\nRUN cd /app && \\\n    # build it\n    make && cd /other && make',
      findings: [{ line: 2, column: 5, endColumn: 12 }],
    },
    {
      name: 'after a heredoc-fed command, and in exec form',
      code: 'FROM debian:12\nRUN cat > /x <<EOF && cd /app && make\nhi\nEOF\nRUN ["sh", "-c", "cd /app && make"]',
      findings: [{ line: 2, column: 23, endColumn: 30 }, { line: 5, column: 19, endColumn: 26 }],
    },
  ],
});
