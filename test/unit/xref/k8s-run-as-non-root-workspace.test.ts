/** k8s-run-as-non-root with the workspace: its fix also sets the uid the image's named USER needs. */
import { ruleTester } from '../rule-tester';
import { DISTROLESS, pod, workspace } from './workspace';

const NAMED = 'FROM debian:bookworm-slim\nRUN useradd --uid 10001 --no-create-home app\nUSER app\n';
const api = (securityContext = '') => pod(`${securityContext}  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.0\n`);
const withSidecar = (image: string) => pod(`  containers:\n  - name: api\n    image: ghcr.io/acme/api:1.0\n  - name: side\n    image: ${image}\n`);

ruleTester('k8s-run-as-non-root', {
  valid: [{ name: 'set already', code: api('  securityContext:\n    runAsNonRoot: true\n'), workspace: workspace(NAMED) }],
  invalid: [
    {
      name: 'a named USER: runAsUser with runAsNonRoot, in one edit',
      code: api(),
      workspace: workspace(NAMED),
      findings: [{ line: 5, column: 1 }],
      fixTitles: ["Add `runAsNonRoot: true` and `runAsUser: 10001` (the image's user) to the pod"],
      output: `${api()}  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n`,
    },
    {
      name: 'into the securityContext there is, flow style',
      code: api('  securityContext: {fsGroup: 2000}\n'),
      workspace: workspace(NAMED),
      findings: [{ line: 5, column: 1 }],
      output: api('  securityContext: {fsGroup: 2000, runAsNonRoot: true, runAsUser: 10001}\n'),
    },
    {
      name: 'a numeric USER needs no runAsUser',
      code: api(),
      workspace: workspace(DISTROLESS),
      findings: [{ line: 5, column: 1 }],
      output: `${api()}  securityContext:\n    runAsNonRoot: true\n`,
    },
    {
      name: 'a sidecar of another uid, or of an unknown image: no runAsUser for the whole pod',
      code: withSidecar('ghcr.io/else/where:1'),
      workspace: workspace(NAMED),
      findings: [{ line: 5, column: 1 }],
      output: `${withSidecar('ghcr.io/else/where:1')}  securityContext:\n    runAsNonRoot: true\n`,
    },
  ],
});
