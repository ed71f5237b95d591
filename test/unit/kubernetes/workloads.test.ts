import { ruleTester } from '../rule-tester';
import { deployment, HARDENED, pod } from './manifests';

const container = (lines: string) => pod(`  containers:\n  - name: a\n${lines}`);

ruleTester('k8s-image-untagged', {
  valid: [container('    image: nginx:1.27\n'), container('    image: nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000\n'), container('    image: localhost:5000/app:2\n')],
  invalid: [{ code: container('    image: ghcr.io/acme/app\n'), findings: [{ line: 8, column: 12, endColumn: 28, message: /without a tag/ }] }],
});

ruleTester('k8s-image-latest-tag', {
  valid: [container('    image: nginx:1.27\n'), container('    image: nginx:latest@sha256:0000000000000000000000000000000000000000000000000000000000000000\n'), container('    image: localhost:5000/latest\n')],
  invalid: [{ code: container('    image: "nginx:latest"\n'), findings: [{ line: 8, column: 12, endColumn: 26 }] }],
});

ruleTester('k8s-image-not-pinned-by-digest', {
  valid: [pod(HARDENED), { name: 'untagged and latest are other rules', code: container('    image: nginx\n  - name: b\n    image: nginx:latest\n') }],
  invalid: [{ code: container('    image: nginx:1.27\n'), findings: [{ line: 8, column: 12, endColumn: 22 }] }],
});

ruleTester('k8s-resources-missing', {
  valid: [
    pod(HARDENED),
    { name: 'limits imply requests', code: container('    image: x:1\n    resources:\n      limits: {cpu: 500m, memory: 256Mi}\n') },
    { name: 'a patch', code: container('    resources: {}\n') },
  ],
  invalid: [
    {
      name: 'a block to fill in, marked as such',
      code: container('    image: x:1\n  initContainers:\n  - name: init\n    image: x:1\n    resources:\n      requests: {cpu: 10m}\n'),
      findings: [{ line: 7, column: 11, message: /no memory limit, cpu request or memory request/ }, { line: 12, column: 5, endColumn: 14, message: /no memory limit or memory request/ }],
      output: container('    image: x:1\n    resources:\n      requests:\n        cpu: 100m # shipshape: placeholder, set from measured usage\n        memory: 128Mi # shipshape: placeholder, set from measured usage\n      limits:\n        memory: 128Mi # shipshape: placeholder, set from measured usage\n  initContainers:\n  - name: init\n    image: x:1\n    resources:\n      requests: {cpu: 10m}\n'),
    },
  ],
});

ruleTester('k8s-probes-missing', {
  valid: [
    pod(HARDENED),
    { name: 'a Job runs to completion', code: 'apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: x:1\n' },
    { name: 'a Pod that exits', code: pod('  restartPolicy: OnFailure\n  containers:\n  - name: a\n    image: x:1\n') },
    { name: 'liveness alone is not asked for, init containers neither', code: container('    image: x:1\n    readinessProbe: {tcpSocket: {port: 80}}\n  initContainers:\n  - name: init\n    image: x:1\n') },
  ],
  invalid: [{ code: deployment('      containers:\n      - name: web\n        image: x:1\n        livenessProbe: {tcpSocket: {port: 80}}\n'), findings: [{ line: 13, column: 15, endColumn: 18, message: /no readinessProbe/ }] }],
});

ruleTester('k8s-probe-port-undeclared', {
  valid: [
    container('    image: x:1\n    ports: [{name: http, containerPort: 8080}]\n    readinessProbe: {httpGet: {path: /, port: http}}\n    livenessProbe: {tcpSocket: {port: 8080}}\n'),
    { name: 'no ports listed: a number is fine', code: container('    image: x:1\n    readinessProbe: {httpGet: {port: 8080}}\n') },
    { name: 'a health port left out of ports on purpose', code: container('    image: x:1\n    ports:\n    - {name: http, containerPort: 80}\n    livenessProbe:\n      httpGet: {path: /healthz, port: 10254}\n') },
  ],
  invalid: [
    {
      code: container('    image: x:1\n    ports:\n    - name: http\n      containerPort: 8080\n    readinessProbe:\n      httpGet: {path: /, port: web}\n    startupProbe:\n      tcpSocket: {port: 9090}\n'),
      findings: [{ line: 13, column: 32, endColumn: 35, message: /port `web`, which the container does not name/ }],
    },
  ],
});

ruleTester('k8s-service-account-token', {
  valid: [pod(HARDENED), { name: 'its own service account', code: container('    image: x:1\n').replace('spec:\n', 'spec:\n  serviceAccountName: operator\n') }],
  invalid: [
    {
      code: container('    image: x:1\n'),
      findings: [{ line: 5, column: 1, endColumn: 5 }],
      output: container('    image: x:1\n  automountServiceAccountToken: false\n'),
    },
  ],
});

ruleTester('k8s-secret-in-env', {
  valid: [container('    image: x:1\n    env:\n    - {name: PASSWORD_FILE, value: /run/secrets/pw}\n    - {name: DB_PASSWORD, valueFrom: {secretKeyRef: {name: db, key: pw}}}\n    - {name: TOKEN_TTL, value: "3600"}\n    - {name: API_KEY, value: "$(FROM_SECRET)"}\n    - {name: LOG_LEVEL, value: debug}\n')],
  invalid: [
    {
      code: container('    image: x:1\n    env:\n    - name: DB_PASSWORD\n      value: hunter2\n    - name: GITHUB\n      value: ghp_0123456789abcdefghijklmnopqrstuvwxyzAB\n'),
      findings: [{ line: 11, column: 14, endColumn: 21, message: /`DB_PASSWORD`/ }, { line: 13, column: 14, message: /looks like a credential/ }],
    },
  ],
});

ruleTester('k8s-duplicate-env', {
  valid: [container('    image: x:1\n    env:\n    - {name: A, value: "1"}\n    - {name: B, value: "1"}\n')],
  invalid: [{ code: container('    image: x:1\n    env:\n    - {name: A, value: "1"}\n    - {name: A, value: "2"}\n'), findings: [{ line: 11, column: 14, endColumn: 15, message: /sets `A` twice/ }] }],
});

ruleTester('k8s-selector-mismatch', {
  valid: [
    deployment('      containers:\n      - name: a\n        image: x:1\n'),
    { name: 'expressions', code: 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  selector:\n    matchExpressions:\n    - {key: app, operator: In, values: [db, cache]}\n    - {key: canary, operator: DoesNotExist}\n  template:\n    metadata:\n      labels: {app: db, tier: data}\n    spec:\n      containers:\n      - {name: a, image: "x:1"}\n' },
  ],
  invalid: [
    {
      code: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  selector:\n    matchLabels:\n      app: web\n      tier: front\n    matchExpressions:\n    - {key: env, operator: Exists}\n  template:\n    metadata:\n      labels:\n        app: frontend\n    spec:\n      containers:\n      - {name: a, image: "x:1"}\n',
      findings: [{ line: 6, column: 7, endColumn: 15, message: /labelled `app: frontend`/ }, { line: 7, column: 7, message: /does not have/ }, { line: 9, column: 7, message: /`env Exists`/ }],
    },
  ],
});

ruleTester('k8s-deprecated-api', {
  valid: [
    deployment('      containers:\n      - name: a\n        image: x:1\n'),
    { name: 'still served by the configured version', code: 'apiVersion: batch/v1beta1\nkind: CronJob\n', config: { kubernetes: { version: '1.20' } } },
  ],
  invalid: [
    { name: 'mechanical: replaced', code: 'apiVersion: batch/v1beta1 # old\nkind: CronJob\n', findings: [{ line: 1, column: 13, endColumn: 26, message: /removed in Kubernetes 1.25; use `batch\/v1`/ }], output: 'apiVersion: batch/v1 # old\nkind: CronJob\n' },
    { name: 'deprecated, not yet removed', code: 'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\n', config: { kubernetes: { version: '1.22' } }, findings: [{ line: 1, column: 13, message: /deprecated and removed in Kubernetes 1.25/ }] },
    { name: 'schema changed: no fix', code: 'apiVersion: extensions/v1beta1\nkind: Ingress\n', findings: [{ line: 1, column: 13, message: /the schema changed/ }] },
  ],
});
