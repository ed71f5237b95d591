import { ruleTester } from '../rule-tester';

ruleTester('expose-ssh', {
  valid: [
    'FROM nginx:1.27\nEXPOSE 80',
    { name: 'builder stage', code: 'FROM debian:13 AS build\nEXPOSE 22\nFROM nginx:1.27\nEXPOSE 80' },
    { name: 'udp', code: 'FROM nginx:1.27\nEXPOSE 22/udp' },
    { name: 'a range that includes 22', code: 'FROM nginx:1.27\nEXPOSE 20-25' },
    { name: 'variable', code: 'FROM nginx:1.27\nARG P=22\nEXPOSE $P' },
    { name: 'configured shipped stage', code: 'FROM debian:13 AS app\nEXPOSE 80\nFROM debian:13 AS debug\nEXPOSE 22', config: { shippedStage: 'app' } },
  ],
  invalid: [
    { code: 'FROM debian:13\nEXPOSE 22 8080', findings: [{ line: 2, column: 8, endLine: 2, endColumn: 10, message: /Port 22/ }] },
    { name: 'inherited from a parent stage', code: 'FROM debian:13 AS base\nEXPOSE 22/tcp\nFROM base', findings: [{ line: 2, column: 8, endColumn: 14 }] },
  ],
});
