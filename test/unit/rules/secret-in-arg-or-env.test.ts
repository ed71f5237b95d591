import { ruleTester } from '../rule-tester';

ruleTester('secret-in-arg-or-env', {
  valid: [
    'FROM node:22\nENV NODE_ENV=production PORT=8080',
    { name: 'public keys and key fingerprints', code: 'FROM python:3.13\nENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305\nARG PUBLIC_KEY_URL=https://example.com/key.asc' },
    { name: 'pointers to secrets', code: 'FROM node:22\nENV PASSWORD_FILE=/run/secrets/db_password TOKEN_PATH=/var/run/token' },
    { name: 'PWD is the working directory', code: 'FROM node:22\nENV PWD=/app' },
    { name: 'switches and header names', code: 'FROM node:22\nENV NO_PASSWORD=true AUTH_ENABLED=1 API_KEY_HEADER=X-Api-Key' },
  ],
  invalid: [
    { code: 'FROM node:22\nARG NPM_TOKEN\nRUN npm ci', findings: [{ line: 2, column: 5, endColumn: 14, message: /^`NPM_TOKEN` looks like a secret; an ARG value is recorded in the image history\./ }] },
    { name: 'ENV with several pairs', code: 'FROM node:22\nENV A=1 DB_PASSWORD=hunter2', findings: [{ line: 2, column: 9, endColumn: 20, message: /an ENV value ships in the image config/ }] },
    { name: 'a credential value under any name', code: 'FROM node:22\nENV GIT=ghp_abcdefghijklmnopqrstuvwxyz0123456789', findings: [{ line: 2, column: 9, message: /looks like a credential/ }] },
    { name: 'global ARG', code: 'ARG AWS_SECRET_ACCESS_KEY\nFROM alpine:3.20', findings: [{ line: 1, column: 5 }] },
  ],
});
