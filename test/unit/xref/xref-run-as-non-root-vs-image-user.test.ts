import { ruleTester } from '../rule-tester';
import { DISTROLESS, DOCKERFILE, pod, workspace } from './workspace';

const NAMED = `FROM debian:bookworm-slim
RUN useradd --uid 10001 --no-create-home app
COPY server /server
USER app:app
ENTRYPOINT ["/server"]
`;
const NO_USER = 'FROM debian:bookworm-slim\nCOPY server /server\nENTRYPOINT ["/server"]\n';

const podLevel = (extra = '') => pod(`  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.0\n${extra}`);
const containerLevel = pod('  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.0\n    securityContext:\n      runAsNonRoot: true\n');

ruleTester('xref-run-as-non-root-vs-image-user', {
  valid: [
    { name: 'without a workspace', code: podLevel() },
    { name: 'a numeric USER', code: podLevel(), workspace: workspace(NAMED.replace('USER app:app', 'USER 10001:10001')) },
    { name: 'runAsUser on the pod replaces the image user', code: podLevel().replace('runAsNonRoot: true', 'runAsNonRoot: true\n    runAsUser: 10001'), workspace: workspace(NAMED) },
    { name: 'runAsNonRoot not set: nothing to refuse', code: pod('  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.0\n'), workspace: workspace(NO_USER) },
    { name: 'the container sets runAsNonRoot: false over the pod', code: podLevel('    securityContext: {runAsNonRoot: false}\n'), workspace: workspace(NO_USER) },
    { name: 'distroless :nonroot is uid 65532', code: podLevel(), workspace: workspace(DISTROLESS) },
    { name: 'an unknown base image may set its own USER', code: podLevel(), workspace: workspace('FROM ghcr.io/acme/base:1\nCOPY server /server\n') },
    { name: 'Windows pods', code: podLevel().replace('  securityContext:', '  os: {name: windows}\n  securityContext:'), workspace: workspace(NO_USER) },
  ],
  invalid: [
    {
      name: 'a named USER under a pod-wide runAsNonRoot: on the image; the preferred fix gives the Dockerfile the uid',
      code: podLevel(),
      workspace: workspace(NAMED),
      findings: [
        {
          line: 10,
          column: 12,
          message: /^Container `api` sets `runAsNonRoot: true`, but the image built from `services\/api\/Dockerfile` runs as `app:app`, a name: the kubelet cannot verify it is not root and refuses to start it\. Set `runAsUser` \(10001\) or use a numeric USER\.$/,
          related: [`${DOCKERFILE}:4:6`, `${DOCKERFILE}:2:5`],
        },
      ],
      fixTitles: ['Use `USER 10001` in services/api/Dockerfile', 'Add `runAsUser: 10001` (the uid of `app`)'],
      // The preferred fix changes the Dockerfile, so the manifest stays as it is.
      output: podLevel(),
      outputFiles: { 'services/api/Dockerfile': NAMED.replace('USER app:app', 'USER 10001:app') },
      fix: { title: 'Add `runAsUser: 10001` (the uid of `app`)', output: podLevel('    securityContext:\n      runAsUser: 10001\n') },
    },
    {
      name: 'on the container\'s own runAsNonRoot',
      code: containerLevel,
      workspace: workspace(NAMED),
      findings: [{ line: 10, column: 21, endColumn: 25, message: /runs as `app:app`, a name/ }],
      output: containerLevel,
      outputFiles: { 'services/api/Dockerfile': NAMED.replace('USER app:app', 'USER 10001:app') },
      fix: { title: 'Add `runAsUser: 10001` (the uid of `app`)', output: pod('  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.0\n    securityContext:\n      runAsNonRoot: true\n      runAsUser: 10001\n') },
    },
    {
      name: 'an image that runs as root: no USER; runAsUser of the user it creates',
      code: podLevel(),
      workspace: workspace(`FROM node:22-slim\nRUN useradd -u 10001 app\n${NO_USER.split('\n').slice(1).join('\n')}`),
      findings: [{ line: 10, column: 12, message: /runs as root \(its default user\): the kubelet refuses to start it\. Run it as a non-root user \(the image defines uid 10001\)\./, related: [`${DOCKERFILE}:1:6`, `${DOCKERFILE}:2:5`] }],
      output: podLevel('    securityContext:\n      runAsUser: 10001\n'),
    },
    {
      name: 'USER root, no user to offer',
      code: containerLevel,
      workspace: workspace(NO_USER.replace('COPY', 'USER root\nCOPY')),
      findings: [{ line: 10, column: 21, message: /runs as root \(`USER root`\)/, related: [`${DOCKERFILE}:2:6`] }],
    },
    {
      name: 'a well-known image that starts as root: distroless defines nonroot',
      code: pod('  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: tool\n    image: gcr.io/distroless/static-debian12\n'),
      workspace: workspace(DISTROLESS),
      findings: [{ line: 10, column: 12, message: /`gcr\.io\/distroless\/static-debian12` runs as root .*uid 65532/, related: [] }],
      output: pod('  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: tool\n    image: gcr.io/distroless/static-debian12\n    securityContext:\n      runAsUser: 65532\n'),
    },
  ],
});
