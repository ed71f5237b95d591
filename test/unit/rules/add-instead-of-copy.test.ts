import { ruleTester } from '../rule-tester';

ruleTester('add-instead-of-copy', {
  valid: [
    'FROM debian:13\nCOPY requirements.txt /app/',
    { name: 'local archive is unpacked', code: 'FROM debian:13\nADD rootfs.tar.gz /' },
    { name: 'URL', code: 'FROM debian:13\nADD https://example.com/tool /usr/local/bin/tool' },
    { name: 'Git repository', code: 'FROM debian:13\nADD git@github.com:moby/buildkit.git#v0.10.1 /src\nADD https://github.com/moby/buildkit.git /src' },
    { name: 'ADD-only flag', code: 'FROM debian:13\nADD --checksum=sha256:00 https://example.com/a /a\nADD --keep-git-dir=true https://github.com/a/b.git /b' },
    { name: 'variable source', code: 'FROM debian:13\nARG SRC\nADD $SRC /x' },
    { name: 'open wildcard may match an archive', code: 'FROM debian:13\nADD dist/* /x/' },
    { name: 'one archive among files', code: 'FROM debian:13\nADD a.txt b.tar /x/' },
  ],
  invalid: [
    {
      code: 'FROM debian:13\nADD requirements.txt /app/\n',
      findings: [{ line: 2, column: 1, endLine: 2, endColumn: 4, message: /use COPY/ }],
      output: 'FROM debian:13\nCOPY requirements.txt /app/\n',
    },
    {
      name: 'directory, flags and lowercase kept',
      code: 'from debian:13\r\nadd --chown=1000:1000 --link src/ /app/src/\r\nadd *.py /app/\r\n',
      findings: [{ line: 2, column: 1 }, { line: 3, column: 1 }],
      output: 'from debian:13\r\ncopy --chown=1000:1000 --link src/ /app/src/\r\ncopy *.py /app/\r\n',
    },
    {
      name: 'JSON form and heredoc',
      code: 'FROM debian:13\nADD ["a b.txt", "/x/"]\nADD <<EOF /etc/motd\nhi\nEOF\n',
      findings: [{ line: 2, column: 1 }, { line: 3, column: 1 }],
      output: 'FROM debian:13\nCOPY ["a b.txt", "/x/"]\nCOPY <<EOF /etc/motd\nhi\nEOF\n',
    },
  ],
});
