import { ruleTester } from '../rule-tester';

ruleTester('expose-invalid', {
  valid: [
    'FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 9/sctp',
    { name: 'variable', code: 'FROM nginx:1.27\nARG PORT=80\nEXPOSE $PORT ${PORT}/TCP' },
    { name: 'range', code: 'FROM nginx:1.27\nEXPOSE 8000-8010/tcp' },
    { name: 'highest port', code: 'FROM nginx:1.27\nEXPOSE 65535' },
  ],
  invalid: [
    {
      code: 'FROM nginx:1.27\nEXPOSE 443/TCP 80/Udp\n',
      findings: [{ line: 2, column: 12, endLine: 2, endColumn: 15, message: /lowercase: `tcp`/ }, { line: 2, column: 19, endColumn: 22 }],
      output: 'FROM nginx:1.27\nEXPOSE 443/tcp 80/udp\n',
    },
    {
      name: 'host mapping',
      code: 'FROM nginx:1.27\nEXPOSE 8080:80',
      findings: [{ line: 2, column: 8, endColumn: 15, message: /^EXPOSE takes container ports only; the host port in `8080:80` is ignored \(publish with `docker run -p`\)\. Write `80`\.$/ }],
    },
    { name: 'IP and host port', code: 'FROM nginx:1.27\nEXPOSE 127.0.0.1:8080:80/tcp', findings: [{ line: 2, column: 8, message: /the IP and host port in `127.0.0.1:8080:80\/tcp` are ignored.*Write `80\/tcp`/ }] },
    { name: 'address alone', code: 'FROM nginx:1.27\nEXPOSE 127.0.0.1:9000', findings: [{ line: 2, column: 8, message: /the address in `127.0.0.1:9000` is ignored/ }] },
    { name: 'IPv6 address and host port', code: 'FROM nginx:1.27\nEXPOSE [::1]:8080:80', findings: [{ line: 2, column: 8, message: /the IP and host port in `\[::1\]:8080:80` are ignored/ }] },
    { name: 'out of range', code: 'FROM nginx:1.27\nEXPOSE 70000', findings: [{ line: 2, column: 8, endColumn: 13, message: /out of range/ }] },
    { name: 'range upside down', code: 'FROM nginx:1.27\nEXPOSE 9000-8000', findings: [{ line: 2, column: 8, message: /ends before it starts/ }] },
    { name: 'not a number', code: 'FROM nginx:1.27\nEXPOSE http', findings: [{ line: 2, column: 8, endColumn: 12 }] },
    { name: 'unknown protocol', code: 'FROM nginx:1.27\nEXPOSE 80/http', findings: [{ line: 2, column: 11, endColumn: 15, message: /tcp, udp or sctp/ }] },
  ],
});
