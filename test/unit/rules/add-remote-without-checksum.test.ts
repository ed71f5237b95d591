import { ruleTester } from '../rule-tester';

ruleTester('add-remote-without-checksum', {
  valid: [
    'FROM debian:13\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/',
    { name: 'local file', code: 'FROM debian:13\nADD tool.tar.gz /opt/' },
    { name: 'Git source', code: 'FROM debian:13\nADD https://github.com/moby/buildkit.git#v0.14.0 /src' },
    { name: 'COPY', code: 'FROM debian:13\nCOPY a /b' },
  ],
  invalid: [
    {
      code: 'FROM debian:13\nADD https://example.com/tool-$V.tar.gz /opt/',
      findings: [{ line: 2, column: 5, endLine: 2, endColumn: 39, message: /--checksum/ }],
    },
    { name: 'JSON form, http', code: 'FROM debian:13\nADD ["http://example.com/a", "/a"]', findings: [{ line: 2, column: 6, endColumn: 28 }] },
  ],
});
