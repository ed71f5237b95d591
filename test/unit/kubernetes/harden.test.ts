import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, hardenManifestEdits } from '../../../server/src/engine';

const before = `# the web tier
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      hostNetwork: true   # legacy
      containers:
        - name: web # nginx
          image: "nginx:1.27"
          securityContext:
            privileged: true
          ports:
            - containerPort: 8080
`;

const after = `# the web tier
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
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
`;

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
