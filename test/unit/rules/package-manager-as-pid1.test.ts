import { ruleTester } from '../rule-tester';

const packageJson = (start: string) => ({ dockerignore: '', readFile: (path: string) => (path === 'package.json' ? JSON.stringify({ scripts: { start, dev: 'nodemon x' } }) : undefined) });

ruleTester('package-manager-as-pid1', {
  valid: [
    'FROM node:22\nCMD ["node", "server.js"]',
    { name: 'installs are build steps', code: 'FROM node:22\nRUN npm ci' },
    { name: 'a build script as CMD of a builder is still a CMD', code: 'FROM node:22\nCMD ["npm", "test"]' },
  ],
  invalid: [
    {
      code: 'FROM node:22\nCMD ["npm", "start"]',
      context: packageJson('node --enable-source-maps dist/server.js'),
      findings: [{ line: 2, column: 5, message: /`npm` stays PID 1/ }],
      fixTitles: ['Run `node --enable-source-maps dist/server.js` directly'],
      output: 'FROM node:22\nCMD ["node", "--enable-source-maps", "dist/server.js"]',
    },
    { name: 'start script is not plain node: no fix', code: 'FROM node:22\nCMD ["npm", "start"]', context: packageJson('next start'), findings: [{ line: 2, column: 5 }] },
    { name: 'yarn runs a named script, shell form', code: 'FROM node:22\nCMD yarn serve', findings: [{ line: 2, column: 5, endColumn: 9 }] },
    { name: 'npm run', code: 'FROM node:22\nENTRYPOINT ["npm", "run", "prod"]', findings: [{ line: 2, column: 12 }] },
  ],
});
