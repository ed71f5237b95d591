import { ruleTester } from '../rule-tester';
import { DOCKERFILE, pod, workspace } from './workspace';

const PORTS = 'FROM node:22-slim\nCOPY . /app\nEXPOSE 8080 9090\nUSER 1000\nCMD ["node", "/app/server.js"]\n';
const api = (extra: string) => pod(`  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.0\n${extra}`);

ruleTester('xref-port-mismatch', {
  valid: [
    { name: 'every port matches', code: api('    ports:\n    - containerPort: 8080\n    - {containerPort: 9090, name: metrics}\n    livenessProbe:\n      httpGet: {path: /, port: metrics}\n'), workspace: workspace(PORTS) },
    { name: 'no ports listed and a probe on an EXPOSEd port', code: api('    readinessProbe:\n      tcpSocket: {port: 8080}\n'), workspace: workspace(PORTS) },
    { name: 'an image that EXPOSEs nothing', code: api('    ports:\n    - containerPort: 3000\n'), workspace: workspace('FROM node:22-slim\nCMD ["node", "server.js"]\n') },
    { name: 'UDP on both sides', code: api('    ports:\n    - {containerPort: 53, protocol: UDP}\n'), workspace: workspace('FROM alpine:3.20\nEXPOSE 53/udp\n') },
    { name: 'without a workspace', code: api('    ports:\n    - containerPort: 80\n') },
  ],
  invalid: [
    {
      name: 'a containerPort and a probe port the image does not EXPOSE, and an EXPOSEd port nobody declares',
      code: api('    ports:\n    - containerPort: 8080\n    - containerPort: 80\n    readinessProbe:\n      httpGet: {path: /, port: 3000}\n'),
      workspace: workspace(PORTS),
      findings: [
        { line: 9, column: 5, endColumn: 10, message: /^Container `api` declares no containerPort for 9090, which the image built from `services\/api\/Dockerfile` EXPOSEs\.$/, related: [`${DOCKERFILE}:3:8`, `${DOCKERFILE}:3:13`] },
        { line: 11, column: 22, endColumn: 24, message: /^Container `api` declares containerPort 80, but the image built from `services\/api\/Dockerfile` EXPOSEs 8080, 9090\.$/ },
        { line: 13, column: 32, message: /readinessProbe targets port 3000/ },
      ],
    },
    {
      name: 'a range of EXPOSEd ports is one related location',
      code: api('    ports:\n    - containerPort: 80\n'),
      workspace: workspace('FROM node:22-slim\nEXPOSE 8000-8002 9090\nCMD ["node", "server.js"]\n'),
      findings: [
        { line: 9, column: 5, message: /declares no containerPort for 8000, 8001, 8002, 9090, which .* EXPOSEs\.$/, related: [`${DOCKERFILE}:2:8`, `${DOCKERFILE}:2:18`] },
        { line: 10, column: 22, message: /declares containerPort 80, but .* EXPOSEs 8000, 8001, 8002, 9090\.$/, related: [`${DOCKERFILE}:2:8`, `${DOCKERFILE}:2:18`] },
      ],
    },
    {
      name: 'the protocol counts',
      code: api('    ports:\n    - {containerPort: 53, protocol: UDP}\n'),
      workspace: workspace('FROM alpine:3.20\nEXPOSE 53\n'),
      findings: [{ line: 9, column: 5, message: /declares no containerPort for 53, which .* EXPOSEs/ }, { line: 10, column: 23, message: /declares containerPort 53\/udp, but .* EXPOSEs 53\./ }],
    },
  ],
});
