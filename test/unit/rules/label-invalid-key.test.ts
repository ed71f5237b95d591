import { ruleTester } from '../rule-tester';

ruleTester('label-invalid-key', {
  valid: [
    'FROM alpine:3.22\nLABEL org.opencontainers.image.source=https://x maintainer=me version=1 io.k8s.v2=x',
    { name: 'quoted key', code: 'FROM alpine:3.22\nLABEL "com.example.vendor"="ACME"' },
    { name: 'key from a variable', code: 'FROM alpine:3.22\nARG K=x\nLABEL $K=v' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.22\nLABEL Version=1.2.0 build_date=2026',
      findings: [{ line: 2, column: 7, endLine: 2, endColumn: 14, message: /`Version`/ }, { line: 2, column: 21, endColumn: 31 }],
    },
    { name: 'reserved namespace', code: 'FROM alpine:3.22\nLABEL com.docker.compose.project=x', findings: [{ line: 2, column: 7, message: /reserved for Docker/ }] },
    { name: 'doubled separators and trailing dot', code: 'FROM alpine:3.22\nLABEL a..b=1 c--d=2 e.=3', findings: [{ line: 2, column: 7 }, { line: 2, column: 14 }, { line: 2, column: 21 }] },
  ],
});
