import { ruleTester } from '../rule-tester';
import { DOCKERFILE, pod, workspace } from './workspace';

const SCRIPTED = 'FROM node:22-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nCOPY . /app\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "/app/server.js"]\n';
const NO_EXEC = '#!/bin/sh\n./migrate\nnode /app/server.js "$@"\n';
const EXECS = '#!/bin/sh\n./migrate\nexec "$@"\n';
const SUPERVISED = 'FROM python:3.13-slim\nCOPY supervisord.conf /etc/\nCMD ["supervisord", "-n"]\n';
const api = (extra = '', podExtra = '') => pod(`${podExtra}  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.0\n${extra}`);
const scripted = (script: string) => workspace(SCRIPTED, { 'services/api/docker-entrypoint.sh': script });

ruleTester('xref-pid1-no-init', {
  valid: [
    { name: 'the script execs its arguments: node is PID 1', code: api(), workspace: scripted(EXECS) },
    { name: 'tini in front', code: api(), workspace: workspace(SCRIPTED.replace('["docker-entrypoint.sh"]', '["tini", "--", "docker-entrypoint.sh"]'), { 'services/api/docker-entrypoint.sh': NO_EXEC }) },
    { name: 'the pod shares its process namespace', code: api('', '  shareProcessNamespace: true\n'), workspace: scripted(NO_EXEC) },
    { name: 'command replaces the ENTRYPOINT', code: api('    command: ["node", "/app/server.js"]\n'), workspace: scripted(NO_EXEC) },
    { name: 'args replace the CMD that starts supervisord', code: api('    args: ["gunicorn", "app:app"]\n'), workspace: workspace(SUPERVISED) },
    { name: 'a script the index does not hold', code: api(), workspace: workspace(SCRIPTED) },
  ],
  invalid: [
    {
      name: 'an entrypoint script that does not exec: on the image, related to the line that stays a child',
      code: api(),
      workspace: scripted(NO_EXEC),
      findings: [
        {
          line: 8,
          column: 12,
          message: /^Container `api` runs the shell of `docker-entrypoint\.sh` as PID 1 \(the image built from `services\/api\/Dockerfile`\), without tini or dumb-init: SIGTERM is not passed on and zombies are not reaped\. Start it through an init, or set `shareProcessNamespace: true` on the pod\.$/,
          related: ['../services/api/docker-entrypoint.sh:3:1'],
        },
      ],
    },
    {
      name: 'args do not replace an ENTRYPOINT',
      code: api('    args: ["--port", "8080"]\n'),
      workspace: scripted(NO_EXEC),
      findings: [{ line: 8, column: 12 }],
    },
    {
      name: 'a process manager',
      code: api(),
      workspace: workspace(SUPERVISED),
      findings: [{ line: 8, column: 12, message: /the process manager `supervisord`/, related: [`${DOCKERFILE}:3:5`] }],
    },
  ],
});
