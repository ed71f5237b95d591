import { ruleTester } from '../rule-tester';
import { HARDENED, pod } from './manifests';

const baseline = { kubernetes: { profile: 'baseline' as const } };

ruleTester('k8s-allow-privilege-escalation', {
  valid: [
    pod(HARDENED),
    { name: 'baseline profile', code: pod('  containers:\n  - name: a\n    image: x:1\n'), config: baseline },
    { name: 'Windows pods are exempt', code: pod('  os: {name: windows}\n  containers:\n  - name: a\n    image: x:1\n') },
    { name: 'a patch sets nothing it does not mean to', code: pod('  containers:\n  - name: a\n    resources: {limits: {memory: 1Gi}}\n') },
    { name: 'a file listed as a Kustomize patch', code: pod('  containers:\n  - name: a\n    image: x:1\n'), kubernetes: { partial: true } },
  ],
  invalid: [
    {
      name: 'set to true: the value is replaced',
      code: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      allowPrivilegeEscalation: true # why?\n'),
      findings: [{ line: 10, column: 33, endColumn: 37, message: /allows privilege escalation/ }],
      output: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      allowPrivilegeEscalation: false # why?\n'),
    },
    {
      name: 'missing: on the container name; securityContext created after a block scalar',
      code: pod('  containers:\n  - name: a\n    image: x:1\n    args:\n    - |\n      echo hi\n  - name: b\n    image: x:1\n    securityContext: {runAsUser: 1000}\n'),
      findings: [{ line: 7, column: 11, endColumn: 12, message: /Container `a` does not set/ }, { line: 12, column: 11 }],
      output: pod('  containers:\n  - name: a\n    image: x:1\n    args:\n    - |\n      echo hi\n    securityContext:\n      allowPrivilegeEscalation: false\n  - name: b\n    image: x:1\n    securityContext: {runAsUser: 1000, allowPrivilegeEscalation: false}\n'),
    },
    {
      name: 'an empty securityContext gets the key under it',
      code: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n    ports: [{containerPort: 80}]\n'),
      findings: [{ line: 7, column: 11 }],
      output: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      allowPrivilegeEscalation: false\n    ports: [{containerPort: 80}]\n'),
    },
  ],
});

ruleTester('k8s-run-as-non-root', {
  valid: [
    pod(HARDENED),
    { name: 'every container sets it', code: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext: {runAsNonRoot: true}\n') },
    { name: 'user namespace, 1.35', code: pod('  hostUsers: false\n  securityContext: {runAsUser: 0}\n  containers:\n  - name: a\n    image: x:1\n') },
    { name: 'baseline profile', code: pod('  containers:\n  - name: a\n    image: x:1\n'), config: baseline },
  ],
  invalid: [
    {
      name: 'nobody sets it: one finding on the pod spec, fixed on the pod',
      code: pod('  securityContext:\n    fsGroup: 2000\n  containers:\n  - name: a\n    image: x:1\n'),
      findings: [{ line: 5, column: 1, endColumn: 5, message: /Neither the pod nor its container `a`/ }],
      output: pod('  securityContext:\n    fsGroup: 2000\n    runAsNonRoot: true\n  containers:\n  - name: a\n    image: x:1\n'),
    },
    {
      name: 'explicit false and uid 0',
      code: pod('  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      runAsNonRoot: false\n      runAsUser: 0\n'),
      findings: [{ line: 12, column: 21, endColumn: 26, message: /sets `runAsNonRoot: false`/ }, { line: 13, column: 18, message: /uid 0/ }],
      output: pod('  securityContext:\n    runAsNonRoot: true\n  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      runAsNonRoot: true\n      runAsUser: 0\n'),
    },
  ],
});

ruleTester('k8s-seccomp-missing', {
  valid: [
    pod(HARDENED),
    { name: 'every container sets a Localhost profile', code: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      seccompProfile: {type: Localhost, localhostProfile: p.json}\n') },
    { name: 'Unconfined is k8s-baseline-other', code: pod('  securityContext:\n    seccompProfile: {type: Unconfined}\n  containers:\n  - name: a\n    image: x:1\n') },
    // Pod Security's restricted seccomp check starts at 1.19, when the field came.
    { name: 'no profile required before 1.19', code: pod('  containers:\n  - name: a\n    image: x:1\n'), config: { kubernetes: { version: '1.18' } } },
  ],
  invalid: [
    {
      name: 'a pod-level RuntimeDefault, in block style',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: a\n        image: x:1\n        securityContext:\n          seccompProfile:\n            type: RuntimeDefault\n      - name: b\n        image: x:1\n',
      findings: [{ line: 6, column: 5, endColumn: 9, message: /container `b`/ }],
      output: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: a\n        image: x:1\n        securityContext:\n          seccompProfile:\n            type: RuntimeDefault\n      - name: b\n        image: x:1\n      securityContext:\n        seccompProfile:\n          type: RuntimeDefault\n',
    },
    {
      name: 'from 1.19 the field is required, whatever the old annotation says',
      code: pod('  containers:\n  - name: a\n    image: x:1\n', '  name: p\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: runtime/default\n'),
      config: { kubernetes: { version: '1.19' } },
      findings: [{ line: 7, column: 1, endColumn: 5, message: /the pod/ }],
      output: pod('  containers:\n  - name: a\n    image: x:1\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n', '  name: p\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: runtime/default\n'),
    },
  ],
});

ruleTester('k8s-capabilities-not-dropped', {
  valid: [pod(HARDENED), { name: 'dropped in a block list', code: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      capabilities:\n        drop:\n        - ALL\n') }],
  invalid: [
    {
      name: 'ALL appended to the list there is',
      code: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      capabilities:\n        drop: [NET_RAW]\n'),
      findings: [{ line: 11, column: 9, endColumn: 13 }],
      output: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      capabilities:\n        drop: [NET_RAW, ALL]\n'),
    },
    {
      name: 'capabilities without drop, and no securityContext at all',
      code: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      capabilities:\n        add: [NET_BIND_SERVICE]\n  initContainers:\n  - name: init\n    image: x:1\n'),
      findings: [{ line: 10, column: 7, endColumn: 19 }, { line: 13, column: 11, message: /Init container `init`/ }],
      output: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      capabilities:\n        add: [NET_BIND_SERVICE]\n        drop: [ALL]\n  initContainers:\n  - name: init\n    image: x:1\n    securityContext:\n      capabilities:\n        drop: [ALL]\n'),
    },
  ],
});

ruleTester('k8s-restricted-volume-type', {
  valid: [
    pod('  volumes:\n  - {name: a, configMap: {name: c}}\n  - {name: b, persistentVolumeClaim: {claimName: d}}\n  - {name: c, projected: {sources: []}}\n  - {name: h, hostPath: {path: /x}}\n  containers:\n  - name: a\n    image: x:1\n'),
    { name: 'baseline profile', code: pod('  volumes:\n  - name: data\n    nfs: {server: s, path: /x}\n  containers:\n  - name: a\n    image: x:1\n'), config: baseline },
  ],
  invalid: [
    {
      code: pod('  volumes:\n  - name: data\n    nfs: {server: s, path: /x}\n  - name: repo\n    gitRepo: {repository: "https://example.com/r.git"}\n  containers:\n  - name: a\n    image: x:1\n'),
      findings: [{ line: 8, column: 5, endColumn: 8, message: /`nfs`/ }, { line: 10, column: 5, endColumn: 12, message: /`gitRepo`/ }],
    },
  ],
});
