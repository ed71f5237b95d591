import { ruleTester } from '../rule-tester';

ruleTester('healthcheck-missing', {
  valid: [
    'FROM nginx:1.27\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]',
    { name: 'NONE is a decision', code: 'FROM nginx:1.27\nHEALTHCHECK NONE' },
    { name: 'inherited from a parent stage', code: 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD ["true"]\nFROM base' },
  ],
  invalid: [
    { code: 'FROM nginx:1.27 AS build\nHEALTHCHECK CMD ["true"]\nFROM nginx:1.27', findings: [{ line: 3, column: 6, endLine: 3, endColumn: 16, message: /no HEALTHCHECK/ }] },
  ],
});
