import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, applyEdits, hardenManifestEdits, WorkspaceIndex } from '../../../server/src/engine';
import { deployment } from '../kubernetes/manifests';

const DOCKERFILE = 'FROM nginx:1.27\nRUN useradd --uid 10001 --no-create-home app\nCOPY site /usr/share/nginx/html\nUSER app\n';
const COMPOSE = 'services:\n  web:\n    build: web\n    image: ghcr.io/acme/web:dev\n';
const MANIFEST = deployment('      containers:\n        - name: web\n          image: ghcr.io/acme/web:1.4.2\n');

test('Harden Kubernetes Manifest with the workspace gives the uid of the image\'s named USER and mounts where nginx writes: the cross-file rules have nothing left to say', () => {
  const index = new WorkspaceIndex();
  index.setFile('docker-compose.yml', COMPOSE);
  index.setFile('web/Dockerfile', DOCKERFILE);
  index.setFile('k8s/web.yaml', MANIFEST);
  const workspace = { index, path: 'k8s/web.yaml' };
  const hardened = applyEdits(MANIFEST, hardenManifestEdits(MANIFEST, {}, undefined, undefined, workspace));
  assert.equal(hardened, `${MANIFEST}          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: [ALL]
            readOnlyRootFilesystem: true
          volumeMounts:
            - name: tmp
              mountPath: /tmp
            - name: var-cache-nginx
              mountPath: /var/cache/nginx
            - name: var-run
              mountPath: /var/run
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      automountServiceAccountToken: false
      volumes:
        - name: tmp
          emptyDir: {}
        - name: var-cache-nginx
          emptyDir: {}
        - name: var-run
          emptyDir: {}
`);
  const xref = analyze({ text: hardened, kind: 'kubernetes', workspace }).findings.filter((finding) => finding.rule.startsWith('xref-'));
  assert.deepEqual(xref.map((finding) => finding.rule), []);
  // Without the workspace, the same command leaves the image's user and nginx's folders to the cross-file rules.
  const blind = applyEdits(MANIFEST, hardenManifestEdits(MANIFEST));
  assert.deepEqual(analyze({ text: blind, kind: 'kubernetes', workspace }).findings.filter((finding) => finding.rule.startsWith('xref-')).map((finding) => finding.rule), ['xref-run-as-non-root-vs-image-user', 'xref-read-only-fs-writes']);
});
