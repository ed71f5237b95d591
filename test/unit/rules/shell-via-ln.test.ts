import { ruleTester } from '../rule-tester';

ruleTester('shell-via-ln', {
  valid: [
    { name: 'other links, and links to /bin/sh', code: 'FROM debian:12\nRUN ln -sf /usr/bin/python3 /usr/bin/python && ln -s /bin/sh /usr/local/bin/sh && ln -s /bin/sh' },
    { name: 'relinking dash restores Debian', code: 'FROM debian:12\nRUN ln -sf dash /bin/sh' },
    { name: 'SHELL is the way', code: 'FROM debian:12\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]' },
  ],
  invalid: [
    {
      name: 'the /bin/sh operand',
      code: 'FROM debian:12\nRUN ln -sf /bin/bash /bin/sh',
      findings: [{ line: 2, column: 22, endColumn: 29, message: /SHELL instruction/ }],
    },
    {
      name: '/usr/bin/sh, sudo, a heredoc',
      code: 'FROM ubuntu:24.04\nRUN sudo ln -sf bash /usr/bin/sh\nRUN <<EOF\nln -sfn /bin/zsh /bin/sh\nEOF',
      findings: [{ line: 2, column: 22, endColumn: 33 }, { line: 4, column: 18, endColumn: 25 }],
    },
  ],
});
