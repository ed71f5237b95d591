import { ruleTester } from '../rule-tester';
import { DISTROLESS, DOCKERFILE, pod, workspace } from './workspace';

const api = (extra: string) => pod(`  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.0\n${extra}`);

ruleTester('xref-shell-in-shell-less-image', {
  valid: [
    { name: 'without a workspace the rule is silent', code: api('    command: ["sh", "-c", "/server"]\n') },
    { name: 'args go to the image ENTRYPOINT', code: api('    args: ["sh", "-c", "x"]\n'), workspace: workspace(DISTROLESS) },
    { name: 'a command that is not a shell', code: api('    command: ["/server", "--port", "8080"]\n'), workspace: workspace(DISTROLESS) },
    { name: 'the :debug variant has busybox sh', code: api('    command: ["sh", "-c", "/server"]\n'), workspace: workspace(DISTROLESS.replace(':nonroot', ':debug-nonroot')) },
    { name: 'a shell copied in from busybox', code: api('    command: ["sh", "-c", "/server"]\n'), workspace: workspace(`${DISTROLESS}COPY --from=busybox:1.36 /bin/busybox /bin/sh\n`) },
    { name: 'an image with a shell', code: api('    command: ["sh", "-c", "/server"]\n'), workspace: workspace('FROM debian:bookworm-slim\nCOPY server /server\n') },
    { name: 'an image nobody knows', code: pod('  containers:\n  - name: x\n    image: ghcr.io/else/where:1\n    command: ["sh"]\n'), workspace: workspace(DISTROLESS) },
    { name: 'a Kustomize patch', code: api('    command: ["sh", "-c", "/server"]\n'), workspace: workspace(DISTROLESS), kubernetes: { partial: true } },
    { name: 'a Helm template', code: pod('  containers:\n  - name: api\n    image: {{ .Values.image }}\n    command: ["sh"]\n'), workspace: workspace(DISTROLESS) },
  ],
  invalid: [
    {
      name: 'command runs sh on a distroless build: reported on `sh`, related to the FROM',
      code: api('    command: ["sh", "-c", "/server --port 8080"]\n'),
      workspace: workspace(DISTROLESS),
      findings: [
        {
          line: 9,
          column: 15,
          endColumn: 19,
          message: /^Container `api` runs `sh` in `command`, but the image built from `services\/api\/Dockerfile` has no shell \(it runs on `gcr\.io\/distroless\/static-debian12:nonroot`\): the container cannot start\.$/,
          related: [`${DOCKERFILE}:4:6`],
        },
      ],
    },
    {
      name: 'exec probes and hooks, block style, /bin/bash',
      code: api('    readinessProbe:\n      exec:\n        command:\n        - /bin/bash\n        - -c\n        - wget -qO- localhost:8080\n    lifecycle:\n      preStop:\n        exec: {command: [sh, -c, "sleep 5"]}\n'),
      workspace: workspace(DISTROLESS),
      findings: [
        { line: 12, column: 11, message: /runs `\/bin\/bash` in the readinessProbe.*the probe fails every time/ },
        { line: 17, column: 26, message: /runs `sh` in the preStop hook/ },
      ],
    },
    {
      name: 'args without command on a well-known image without ENTRYPOINT',
      code: pod('  containers:\n  - name: tool\n    image: gcr.io/distroless/static-debian12\n    args: ["sh", "-c", "echo hi"]\n'),
      workspace: workspace(DISTROLESS),
      findings: [{ line: 9, column: 12, message: /runs `sh` in `args` \(the image has no ENTRYPOINT\), but `gcr\.io\/distroless\/static-debian12` has no shell \(none ships in it\)/, related: [] }],
    },
    {
      name: 'a name match says so',
      code: pod('  containers:\n  - name: api\n    image: us-docker.pkg.dev/acme/shop/cartservice:1.0\n    command: ["sh"]\n'),
      workspace: { files: { 'src/cartservice/Dockerfile': DISTROLESS } },
      findings: [{ line: 9, column: 15, message: /linked by its name only/, related: ['../src/cartservice/Dockerfile:4:6'] }],
    },
  ],
});
