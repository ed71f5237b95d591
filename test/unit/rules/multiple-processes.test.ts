import { ruleTester } from '../rule-tester';

ruleTester('multiple-processes', {
  valid: [
    'FROM python:3.13-slim\nCMD ["gunicorn", "app:app"]',
    { name: 'pm2-runtime runs one app in the foreground', code: 'FROM node:22\nCMD ["pm2-runtime", "app.js"]' },
    { name: 'background jobs in RUN are build steps', code: 'FROM debian:13\nRUN (sleep 1 &) && true' },
    { name: 'service status is not start', code: 'FROM debian:13\nCMD service nginx status' },
  ],
  invalid: [
    { code: 'FROM debian:13\nCMD ["/usr/bin/supervisord", "-n"]', findings: [{ line: 2, column: 5, message: /`supervisord` runs several services/ }] },
    { name: 'service start chained before the app', code: 'FROM debian:13\nCMD service nginx start && exec gunicorn app:app', findings: [{ line: 2, column: 5, endColumn: 12, message: /`service … start`/ }] },
    { name: 'a background job in a shell wrapper', code: 'FROM debian:13\nENTRYPOINT ["sh", "-c", "cron & exec nginx -g \'daemon off;\'"]', findings: [{ line: 2, column: 26, endColumn: 30, message: /`cron` is sent to the background/ }] },
  ],
});
