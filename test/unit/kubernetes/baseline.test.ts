import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, type EngineConfig } from '../../../server/src/engine';
import { ruleTester } from '../rule-tester';
import { deployment, pod } from './manifests';

ruleTester('k8s-privileged', {
  valid: [
    deployment('      containers:\n      - name: app\n        image: nginx:1.27\n        securityContext:\n          privileged: false\n'),
    { name: 'not a workload', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  privileged: "true"\n' },
    { name: 'a CRD kind named Deployment', code: 'apiVersion: acme.io/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: x:1\n        securityContext: {privileged: true}\n' },
    { name: 'Helm template', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      privileged: true\n' },
    { name: 'not YAML of interest', code: 'name: CI\non: push\njobs: {}\n' },
    { name: 'ignored on the line before', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      # shipshape-ignore k8s-privileged -- a CNI agent\n      privileged: true\n' },
    { name: 'ignored by annotation', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    shipshape/ignore: "k8s-privileged"\nspec:\n  containers:\n  - name: a\n    image: x:1\n    securityContext: {privileged: true}\n' },
    { name: 'kube-linter ignore annotation', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    ignore-check.kube-linter.io/privileged-container: "CNI"\nspec:\n  containers:\n  - name: a\n    image: x:1\n    securityContext: {privileged: true}\n' },
    { name: 'Polaris exemption', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    polaris.fairwinds.com/runAsPrivileged-exempt: "true"\nspec:\n  containers:\n  - name: a\n    image: x:1\n    securityContext: {privileged: true}\n' },
    { name: 'Checkov skip', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    checkov.io/skip1: CKV_K8S_16=needs devices\nspec:\n  containers:\n  - name: a\n    image: x:1\n    securityContext: {privileged: true}\n' },
    { name: 'file-wide ignore', code: '# shipshape-ignore-file k8s-privileged\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: x:1\n    securityContext: {privileged: true}\n' },
  ],
  invalid: [
    {
      name: 'block style: the key goes, comments stay',
      code: deployment('      containers:\n      - name: app # the web server\n        image: nginx:1.27\n        securityContext:\n          runAsNonRoot: true\n          privileged: true   # needed?\n        ports: [{containerPort: 80}]\n'),
      findings: [{ line: 17, column: 11, endLine: 17, endColumn: 27, message: /Container `app` runs privileged/ }],
      output: deployment('      containers:\n      - name: app # the web server\n        image: nginx:1.27\n        securityContext:\n          runAsNonRoot: true\n        ports: [{containerPort: 80}]\n'),
    },
    {
      name: 'only key: its securityContext goes with it',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n  - name: init\n    image: busybox:1.36\n    securityContext:\n      privileged: yes\n  containers:\n  - name: a\n    image: x:1\n',
      findings: [{ line: 9, column: 7, endColumn: 22, message: /Init container `init`/ }],
      output: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  initContainers:\n  - name: init\n    image: busybox:1.36\n  containers:\n  - name: a\n    image: x:1\n',
    },
    {
      name: 'flow style',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - {name: a, image: "x:1", securityContext: {privileged: true, runAsUser: 1000}}\n',
      findings: [{ line: 5, column: 47, endColumn: 63 }],
      output: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - {name: a, image: "x:1", securityContext: {runAsUser: 1000}}\n',
    },
    {
      name: 'multi-document file, List items, CronJob, CRLF',
      code: 'apiVersion: v1\r\nkind: List\r\nitems:\r\n- apiVersion: batch/v1\r\n  kind: CronJob\r\n  spec:\r\n    jobTemplate:\r\n      spec:\r\n        template:\r\n          spec:\r\n            containers:\r\n            - name: c\r\n              image: x:1\r\n              securityContext:\r\n                privileged: true\r\n                readOnlyRootFilesystem: true\r\n---\r\napiVersion: v1\r\nkind: Pod\r\nspec:\r\n  ephemeralContainers:\r\n  - name: debug\r\n    image: busybox:1.36\r\n    securityContext: {privileged: true}\r\n',
      findings: [{ line: 15, column: 17 }, { line: 24, column: 23 }],
      output: 'apiVersion: v1\r\nkind: List\r\nitems:\r\n- apiVersion: batch/v1\r\n  kind: CronJob\r\n  spec:\r\n    jobTemplate:\r\n      spec:\r\n        template:\r\n          spec:\r\n            containers:\r\n            - name: c\r\n              image: x:1\r\n              securityContext:\r\n                readOnlyRootFilesystem: true\r\n---\r\napiVersion: v1\r\nkind: Pod\r\nspec:\r\n  ephemeralContainers:\r\n  - name: debug\r\n    image: busybox:1.36\r\n    securityContext: {}\r\n',
    },
  ],
});

ruleTester('k8s-host-namespaces', {
  valid: [deployment('      hostNetwork: false\n      containers:\n      - name: app\n        image: nginx:1.27\n')],
  invalid: [
    {
      code: deployment('      hostNetwork: true\n      hostPID: true\n      containers:\n      - name: app\n        image: nginx:1.27\n'),
      findings: [{ line: 12, column: 7, endColumn: 24, message: /hostNetwork/ }, { line: 13, column: 7, message: /hostPID/ }],
      output: deployment('      containers:\n      - name: app\n        image: nginx:1.27\n'),
    },
  ],
});

ruleTester('k8s-host-port', {
  valid: [deployment('      containers:\n      - name: app\n        image: nginx:1.27\n        ports:\n        - containerPort: 80\n          hostPort: 0\n')],
  invalid: [
    {
      code: deployment('      containers:\n      - name: app\n        image: nginx:1.27\n        ports:\n        - containerPort: 80\n          hostPort: 8080\n        - hostPort: 8443\n          containerPort: 443\n'),
      findings: [{ line: 17, column: 11, endColumn: 25 }, { line: 18, column: 11 }],
      output: deployment('      containers:\n      - name: app\n        image: nginx:1.27\n        ports:\n        - containerPort: 80\n        - containerPort: 443\n'),
    },
  ],
});

ruleTester('k8s-host-path', {
  valid: [pod('  volumes:\n  - name: cache\n    emptyDir: {}\n  containers:\n  - name: a\n    image: x:1\n')],
  invalid: [
    {
      name: 'the runtime socket is an error, other paths a warning',
      code: pod('  volumes:\n  - name: sock\n    hostPath: {path: /var/run/docker.sock}\n  - name: logs\n    hostPath:\n      path: /var/log/app\n  - name: bare\n    hostPath: {}\n  containers:\n  - name: a\n    image: x:1\n'),
      findings: [
        { line: 8, column: 22, endColumn: 42, message: /runtime's socket/ },
        { line: 11, column: 13, endColumn: 25, message: /`\/var\/log\/app`/ },
        { line: 13, column: 5, endColumn: 13, message: /a directory of the node/ },
      ],
    },
  ],
});

test('k8s-host-path: sensitive paths are errors unless the user set the severity', () => {
  const text = pod('  volumes:\n  - name: root\n    hostPath: {path: /etc/}\n  - name: kubelet\n    hostPath: {path: /var/lib/kubelet/pki}\n  - name: tz\n    hostPath: {path: /etc/localtime}\n  containers:\n  - name: a\n    image: x:1\n');
  const severities = (config?: EngineConfig) => analyze({ text, kind: 'kubernetes', config }).findings.filter((finding) => finding.rule === 'k8s-host-path').map((finding) => finding.severity);
  assert.deepEqual(severities(), ['error', 'error', 'warning']);
  assert.deepEqual(severities({ rules: { 'k8s-host-path': 'info' } }), ['info', 'info', 'info']);
});

ruleTester('k8s-capabilities-added', {
  valid: [
    pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      capabilities: {add: [NET_BIND_SERVICE], drop: [ALL]}\n'),
    { name: 'baseline allows the runtime defaults', code: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      capabilities: {add: [CHOWN, SETUID]}\n'), config: { kubernetes: { profile: 'baseline' } } },
  ],
  invalid: [
    {
      name: 'restricted: only NET_BIND_SERVICE; block list item removed',
      code: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      capabilities:\n        add:\n        - NET_BIND_SERVICE\n        - SYS_ADMIN # for mount\n        drop: [ALL]\n'),
      findings: [{ line: 13, column: 11, endColumn: 20, message: /adds `SYS_ADMIN`; the restricted/ }],
      output: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      capabilities:\n        add:\n        - NET_BIND_SERVICE\n        drop: [ALL]\n'),
    },
    {
      name: 'the only item takes `add` with it; flow lists',
      code: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      capabilities: {add: [ALL], drop: [NET_RAW]}\n  - name: b\n    image: x:1\n    securityContext:\n      capabilities: {add: [NET_ADMIN, CHOWN]}\n'),
      config: { kubernetes: { profile: 'baseline' } },
      findings: [{ line: 10, column: 28, endColumn: 31 }, { line: 14, column: 28, endColumn: 37 }],
      output: pod('  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      capabilities: {drop: [NET_RAW]}\n  - name: b\n    image: x:1\n    securityContext:\n      capabilities: {add: [CHOWN]}\n'),
    },
  ],
});

ruleTester('k8s-baseline-other', {
  valid: [
    pod('  securityContext:\n    seccompProfile: {type: RuntimeDefault}\n    seLinuxOptions: {type: container_t, level: "s0:c123,c456"}\n    sysctls:\n    - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}\n  containers:\n  - name: a\n    image: x:1\n    securityContext:\n      procMount: Default\n      appArmorProfile: {type: Localhost, localhostProfile: k8s-apparmor}\n    readinessProbe:\n      httpGet: {host: "", port: 80}\n'),
    { name: 'newer sysctls are safe on newer versions', code: pod('  securityContext:\n    sysctls:\n    - {name: net.ipv4.tcp_rmem, value: "4096 87380 16777216"}\n  containers:\n  - name: a\n    image: x:1\n') },
    { name: 'probe host allowed before 1.34', code: pod('  containers:\n  - name: a\n    image: x:1\n    livenessProbe:\n      tcpSocket: {host: db, port: 5432}\n'), config: { kubernetes: { version: '1.33' } } },
    { name: 'unmasked /proc in a user namespace (baseline, 1.35)', code: pod('  hostUsers: false\n  containers:\n  - name: a\n    image: x:1\n    securityContext: {procMount: Unmasked}\n'), config: { kubernetes: { profile: 'baseline' } } },
    {
      name: 'before 1.19: the seccomp annotations allow runtime/default, docker/default and localhost/*',
      code: pod('  containers:\n  - name: a\n    image: x:1\n  - name: b\n    image: x:1\n', '  name: p\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: runtime/default\n    container.seccomp.security.alpha.kubernetes.io/a: docker/default\n    container.seccomp.security.alpha.kubernetes.io/b: localhost/profiles/audit.json\n    container.seccomp.security.alpha.kubernetes.io/gone: unconfined\n'),
      config: { kubernetes: { version: '1.18' } },
    },
    { name: 'before 1.19 the seccompProfile field does not exist', code: pod('  securityContext:\n    seccompProfile: {type: Unconfined}\n  containers:\n  - name: a\n    image: x:1\n'), config: { kubernetes: { version: 'v1.18.20' } } },
    { name: 'from 1.19 the old annotations are not read', code: pod('  containers:\n  - name: a\n    image: x:1\n', '  name: p\n  annotations:\n    seccomp.security.alpha.kubernetes.io/pod: unconfined\n'), config: { kubernetes: { version: '1.19' } } },
  ],
  invalid: [
    {
      name: 'every control, at the offending value',
      code: pod('  securityContext:\n    seccompProfile: {type: Unconfined}\n    seLinuxOptions: {type: spc_t, role: sysadm_r}\n    sysctls:\n    - name: kernel.msgmax\n      value: "65536"\n    windowsOptions: {hostProcess: true}\n  containers:\n  - name: app\n    image: x:1\n    securityContext:\n      procMount: Unmasked\n      appArmorProfile:\n        type: Unconfined\n    livenessProbe:\n      httpGet: {host: 10.0.0.1, port: 80}\n    lifecycle:\n      preStop:\n        tcpSocket:\n          host: example.com\n', '  name: p\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\n'),
      findings: [
        { line: 6, column: 57, endColumn: 67, message: /AppArmor profile `unconfined`/ },
        { line: 9, column: 28, endColumn: 38, message: /seccomp profile `Unconfined`/ },
        { line: 10, column: 28, endColumn: 33, message: /SELinux type `spc_t`/ },
        { line: 10, column: 41, endColumn: 49, message: /SELinux role/ },
        { line: 12, column: 13, endColumn: 26, message: /`kernel.msgmax`/ },
        { line: 14, column: 22, endColumn: 39, message: /hostProcess/ },
        { line: 19, column: 18, endColumn: 26, message: /procMount|\/proc `Unmasked`/ },
        { line: 21, column: 15, endColumn: 25, message: /AppArmor profile `Unconfined`/ },
        { line: 23, column: 23, endColumn: 31, message: /livenessProbe connects to host `10.0.0.1`/ },
        { line: 27, column: 17, endColumn: 28, message: /preStop hook/ },
      ],
    },
    {
      name: 'sysctls and SELinux types follow the configured version',
      code: pod('  securityContext:\n    seLinuxOptions: {type: container_engine_t}\n    sysctls:\n    - {name: net.ipv4.tcp_keepalive_time, value: "600"}\n  containers:\n  - name: a\n    image: x:1\n'),
      config: { kubernetes: { version: 'v1.28.3' } },
      findings: [{ line: 7, column: 28, message: /Kubernetes 1.28/ }, { line: 9, column: 14, message: /tcp_keepalive_time/ }],
    },
    {
      name: 'before 1.19: unconfined seccomp annotations, on the pod and on a container of a Deployment',
      code: deployment('      containers:\n      - name: app\n        image: nginx:1.27\n').replace('      labels: {app: web}\n', '      labels: {app: web}\n      annotations:\n        seccomp.security.alpha.kubernetes.io/pod: unconfined\n        container.seccomp.security.alpha.kubernetes.io/app: ""\n'),
      config: { kubernetes: { version: '1.18' } },
      findings: [
        { line: 12, column: 51, endColumn: 61, message: /^Seccomp profile `unconfined` leaves the pod unconfined in Kubernetes 1.18; use `runtime\/default`/ },
        { line: 13, column: 61, endColumn: 63, message: /^Seccomp profile `` leaves container `app` unconfined/ },
      ],
    },
    {
      name: 'restricted keeps /proc masked even in a user namespace',
      code: pod('  hostUsers: false\n  containers:\n  - name: a\n    image: x:1\n    securityContext: {procMount: Unmasked}\n'),
      findings: [{ line: 10, column: 34, endColumn: 42 }],
    },
  ],
});
