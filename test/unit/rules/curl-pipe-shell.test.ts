import { ruleTester } from '../rule-tester';

ruleTester('curl-pipe-shell', {
  valid: [
    { name: 'archives, keys and checksums read from a pipe', code: 'FROM debian:12\nRUN curl -fsSL https://x.tgz | tar xz && curl -fsSL https://k | gpg --dearmor -o /k.gpg && curl -fsSL https://s | sha256sum -c' },
    { name: 'a download written to a file is not what the shell reads', code: 'FROM debian:12\nRUN wget -O x.sh https://x | sh' },
    { name: 'downloaded, then run as a file', code: 'FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://x && sha256sum -c i.sha256 && sh /tmp/i.sh' },
    { name: 'a substitution that is data, not the script', code: 'FROM debian:12\nRUN echo "$(curl -s https://v)" && bash -c "echo $(curl -s https://v)" && bash install.sh "$(curl -s https://v)"' },
    { name: 'an interpreter given its code on the command line', code: 'FROM python:3.13\nRUN curl -s https://api/x | python3 -c "import sys,json; print(json.load(sys.stdin))" && curl -s https://x | node -e "process.stdin.pipe(process.stdout)"' },
    { name: 'commands named like object properties', code: 'FROM debian:12\nRUN constructor -k --nogpgcheck x && __proto__ --allow-untrusted && curl -fsSL https://x | toString -e' },
    { name: 'a shell given its script with -c', code: 'FROM debian:12\nRUN curl -fsSL https://x | sh -c "cat > /x"' },
  ],
  invalid: [
    {
      name: 'curl | sh, wget -qO- | sudo bash -, wget -O - | bash -s',
      code: 'FROM debian:12\nRUN curl -fsSL https://x/install.sh | sh && wget -qO- https://y | sudo -E bash - && wget -O - https://z | bash -s -- --yes',
      findings: [
        { line: 2, column: 39, endColumn: 41, message: /What `curl` downloads is run by `sh` without any check/ },
        { line: 2, column: 67, endColumn: 79, message: /`wget` downloads is run by `bash`/ },
        { line: 2, column: 107, endColumn: 111 },
      ],
    },
    {
      name: 'substitutions run as code: sh -c "$(curl)", bash <(curl), eval, source',
      code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://x)" && bash <(curl -s https://y) && eval "$(wget -qO- https://z)" && . <(curl -s https://q)',
      findings: [{ line: 2, column: 5, endColumn: 7 }, { line: 2, column: 40, endColumn: 44 }, { line: 2, column: 69, endColumn: 73, message: /`eval`/ }, { line: 2, column: 102, endColumn: 103 }],
    },
    {
      name: 'a script for python on standard input, through tee',
      code: 'FROM python:3.13\nRUN curl -sSL https://install.python-poetry.org | python3 -\nRUN curl -fsSL https://x | tee /tmp/log | bash',
      findings: [{ line: 2, column: 51, endColumn: 58, message: /run by `python`/ }, { line: 3, column: 43, endColumn: 47 }],
    },
    {
      name: 'inside a bash -c script, and in an exec-form shell script',
      code: 'FROM debian:12\nRUN bash -o pipefail -c "curl -fsSL https://x | bash"\nRUN ["sh", "-c", "curl -fsSL https://x | sh"]',
      findings: [{ line: 2, column: 49, endColumn: 53 }, { line: 3, column: 42, endColumn: 44 }],
    },
    {
      name: 'a heredoc script in a later stage',
      code: 'FROM debian:12 AS tools\nRUN true\nFROM tools\nRUN <<EOF\nset -e\ncurl -fsSL https://x | sh\nEOF',
      findings: [{ line: 6, column: 24, endColumn: 26 }],
    },
  ],
});
