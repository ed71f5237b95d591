import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, hardenManifestEdits } from '../../../server/src/engine';
import { deployment } from './manifests';

const before = '# the web tier\n' + deployment(`      hostNetwork: true   # legacy
      containers:
        - name: web # nginx
          image: "nginx:1.27"
          securityContext:
            privileged: true
          ports:
            - containerPort: 8080
`);

const after = '# the web tier\n' + deployment(`      containers:
        - name: web # nginx
          image: "nginx:1.27"
          securityContext:
            allowPrivilegeEscalation: false
            capabilities:
              drop: [ALL]
            readOnlyRootFilesystem: true
          ports:
            - containerPort: 8080
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      securityContext:
        runAsNonRoot: true
        seccompProfile:
          type: RuntimeDefault
      automountServiceAccountToken: false
      volumes:
        - name: tmp
          emptyDir: {}
`);

test('Harden Kubernetes Manifest: every hardening fix, as one edit, comments and style kept', () => {
  const edits = hardenManifestEdits(before);
  assert.equal(edits.length, 1);
  assert.equal(applyEdits(before, edits), after);
  assert.deepEqual(hardenManifestEdits(after), [], 'hardening twice changes nothing');
});

test('Harden Kubernetes Manifest: a rule switched off is left alone; Helm templates are untouched', () => {
  const text = applyEdits(before, hardenManifestEdits(before, { rules: { 'k8s-read-only-root-fs': 'off' } }));
  assert.doesNotMatch(text, /readOnlyRootFilesystem|emptyDir/);
  assert.deepEqual(hardenManifestEdits('apiVersion: v1\nkind: Pod\nmetadata: {name: {{ .Release.Name }}}\nspec: {}\n'), []);
});

const bundle = `# two objects
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: true
        - name: sidecar
          image: envoy:1.31
---
apiVersion: v1
kind: Pod
metadata: {name: job}
spec:
  hostPID: true
  containers:
    - name: job
      image: busybox:1.37
`;

/** The range from the start of line `from` to the start of line `to` (0-based), as a whole-line selection is. */
function lines(from: number, to: number) {
  return { start: { line: from, character: 0 }, end: { line: to, character: 0 } };
}

test('Harden Kubernetes Manifest on a selection inside one container: that container only, pod settings untouched', () => {
  const selection = { start: { line: 12, character: 12 }, end: { line: 13, character: 5 } };
  assert.equal(
    applyEdits(bundle, hardenManifestEdits(bundle, {}, undefined, selection)),
    bundle.replace(
      '          image: envoy:1.31\n',
      '          image: envoy:1.31\n          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities:\n              drop: [ALL]\n            readOnlyRootFilesystem: true\n          volumeMounts:\n            - name: tmp\n              mountPath: /tmp\n',
    ).replace('---\n', '      volumes:\n        - name: tmp\n          emptyDir: {}\n---\n'),
  );
});

test('Harden Kubernetes Manifest on whole lines of two containers: both, and nothing of the pod or the other object', () => {
  const hardened = applyEdits(bundle, hardenManifestEdits(bundle, {}, undefined, lines(8, 14)));
  assert.doesNotMatch(hardened, /privileged: true|runAsNonRoot|seccompProfile|automountServiceAccountToken/);
  assert.equal((hardened.match(/allowPrivilegeEscalation: false/g) ?? []).length, 2);
  assert.ok(hardened.endsWith(bundle.slice(bundle.indexOf('---'))), 'the Pod is as written');
});

test('Harden Kubernetes Manifest on a selection touching an object outside its containers: that whole object', () => {
  const selection = lines(19, 20);
  const hardened = applyEdits(bundle, hardenManifestEdits(bundle, {}, undefined, selection));
  assert.ok(hardened.startsWith(bundle.slice(0, bundle.indexOf('---'))), 'the Deployment is as written');
  assert.equal(hardened.slice(hardened.indexOf('---')), applyEdits(bundle.slice(bundle.indexOf('---')), hardenManifestEdits(bundle.slice(bundle.indexOf('---')))));
  assert.doesNotMatch(hardened.slice(hardened.indexOf('---')), /hostPID/);
});

test('Harden Kubernetes Manifest: an empty selection is the whole file; one outside every object changes nothing', () => {
  const cursor = { start: { line: 9, character: 3 }, end: { line: 9, character: 3 } };
  assert.deepEqual(hardenManifestEdits(bundle, {}, undefined, cursor), hardenManifestEdits(bundle));
  assert.deepEqual(hardenManifestEdits(bundle, {}, undefined, lines(0, 1)), []);
});
