import { ruleTester } from '../rule-tester';

ruleTester('useradd-without-l', {
  valid: [
    { name: 'a uid that fits', code: 'FROM debian:12\nRUN useradd -u 65535 app && useradd --uid=1000 web' },
    { name: '-l and --no-log-init', code: 'FROM debian:12\nRUN useradd -l -u 100000 app && useradd --no-log-init --uid=100001 web && useradd -lu 100002 db' },
    { name: 'an unknown uid', code: 'FROM debian:12\nRUN useradd -u "$APP_UID" app' },
    { name: 'no uid: the system picks a small one', code: 'FROM debian:12\nRUN useradd -r app' },
    { name: 'adduser and groupadd are other tools', code: 'FROM alpine:3.20\nRUN addgroup -g 100000 app && adduser -u 100000 -G app -D app' },
  ],
  invalid: [
    {
      name: 'the useradd word; the fix adds -l',
      code: 'FROM debian:12\nRUN useradd -u 100000 -m app',
      findings: [{ line: 2, column: 5, endColumn: 12, message: /uid 100000/ }],
      fixTitles: ['Add -l (--no-log-init)'],
      output: 'FROM debian:12\nRUN useradd -l -u 100000 -m app',
    },
    {
      name: '--uid=, sudo, a later command, CRLF and continuations kept',
      code: 'FROM debian:12\r\nRUN groupadd -g 100000 app && \\\r\n    sudo useradd --uid=100000 -g app app\r\n',
      findings: [{ line: 3, column: 10, endColumn: 17 }],
      output: 'FROM debian:12\r\nRUN groupadd -g 100000 app && \\\r\n    sudo useradd -l --uid=100000 -g app app\r\n',
    },
    {
      name: 'inside sh -c and in a heredoc',
      code: 'FROM debian:12\nRUN sh -c "useradd -u 200000 app"\nRUN <<EOF\nuseradd -u 300000 web\nEOF',
      findings: [{ line: 2, column: 12, endColumn: 19 }, { line: 4, column: 1, endColumn: 8 }],
      output: 'FROM debian:12\nRUN sh -c "useradd -l -u 200000 app"\nRUN <<EOF\nuseradd -l -u 300000 web\nEOF',
    },
    {
      name: 'exec form: no fix',
      code: 'FROM debian:12\nRUN ["useradd", "-u", "100000", "app"]',
      findings: [{ line: 2, column: 5, endColumn: 39 }],
    },
  ],
});
