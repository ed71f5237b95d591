import { ruleTester } from '../rule-tester';

ruleTester('world-writable', {
  valid: [
    { name: 'modes without the other-write bit', code: 'FROM debian:12\nRUN chmod 775 /a && chmod 0755 /b && chmod +x /c && chmod g+w /d && chmod go-w /e && chmod o=rx /f\nCOPY --chmod=755 a /a' },
    { name: '+w without u/g/o/a is filtered by the umask', code: 'FROM debian:12\nRUN chmod +w /b && chmod -R =rw /c' },
    { name: 'sticky scratch directories', code: 'FROM debian:12\nRUN chmod 1777 /tmp /var/tmp && mkdir -p -m 1777 /tmp/.X11-unix && chmod -R a+rwxt /app/tmp' },
    { name: 'sticky shared directories', code: 'FROM postgres:17\nRUN chmod 3777 /var/run/postgresql && install -d -m 1777 "$PGDATA" && mkdir -m 1777 /drop' },
    { name: 'an unknown mode', code: 'FROM debian:12\nRUN chmod $MODE /e && chmod -R "${PERMS}" /f' },
    { name: 'a builder stage nothing is copied from', code: 'FROM golang:1.25 AS tools\nRUN chmod -R 777 /go\nFROM debian:12\nRUN true' },
    { name: 'paths of a builder stage that are not copied', code: 'FROM golang:1.25 AS build\nRUN chmod -R 777 /src\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app' },
    { name: 'installing a package named chmod-like words', code: 'FROM debian:12\nRUN echo "chmod 777 /x" > /notes.txt' },
  ],
  invalid: [
    {
      name: 'numeric and symbolic modes: the mode word',
      code: 'FROM node:22\nRUN chmod -R 777 /app && chmod 666 /app/x && chmod -R a+w /data && chmod u+x,o+w /y && chmod 0757 /z',
      findings: [
        { line: 2, column: 14, endColumn: 17, message: /Mode `777` lets every user write here/ },
        { line: 2, column: 32, endColumn: 35 },
        { line: 2, column: 55, endColumn: 58 },
        { line: 2, column: 74, endColumn: 81 },
        { line: 2, column: 94, endColumn: 98 },
      ],
    },
    {
      name: 'sticky but recursive, and 777 on /tmp drops the sticky bit',
      code: 'FROM debian:12\nRUN chmod -R 1777 /data && chmod 777 /tmp',
      findings: [{ line: 2, column: 14, endColumn: 18 }, { line: 2, column: 34, endColumn: 37 }],
    },
    {
      name: 'mkdir -m, install -m, COPY --chmod',
      code: 'FROM debian:12\nRUN mkdir -p -m 777 /cache && install -d --mode=0777 /q\nCOPY --chmod=777 run.sh /run.sh',
      findings: [{ line: 2, column: 17, endColumn: 20 }, { line: 2, column: 49, endColumn: 53 }, { line: 3, column: 14, endColumn: 17 }],
    },
    {
      name: 'a builder path that the shipped stage copies, and the parent of the shipped stage',
      code: 'FROM golang:1.25 AS build\nRUN chmod -R 777 /out/bin\nFROM debian:12 AS base\nRUN chmod 777 /srv\nFROM base\nCOPY --from=build /out /out',
      findings: [{ line: 2, column: 14, endColumn: 17 }, { line: 4, column: 11, endColumn: 14 }],
    },
    {
      name: 'in a heredoc and in exec form',
      code: 'FROM debian:12\nRUN <<EOF\nchmod -R 777 /srv\nEOF\nRUN ["chmod", "777", "/x"]',
      findings: [{ line: 3, column: 10, endColumn: 13 }, { line: 5, column: 5, endColumn: 27 }],
    },
  ],
});
