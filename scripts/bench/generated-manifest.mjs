// The benchmark's large Kubernetes input, shared with the test that loads it (test/unit/kubernetes/position-loader.test.ts).

/**
 * A 50,000-line bundle shaped like an operator's: Deployments, StatefulSets and CronJobs with
 * security contexts, probes, env and volumes, Services and ConfigMaps between them, comments,
 * quoted scalars, flow collections and block literals; some pods hardened, most not.
 */
export function generatedManifest(lines = 50_000) {
  const out = ['# A generated operator bundle'];
  for (let n = 0; out.length < lines; n++) {
    const name = `service-${n}`;
    const hardened = n % 4 === 0;
    const pod = (indent) => {
      const p = ' '.repeat(indent);
      const spec = [
        `${p}serviceAccountName: ${name}`,
        ...(hardened ? [`${p}automountServiceAccountToken: false`, `${p}securityContext:`, `${p}  runAsNonRoot: true`, `${p}  seccompProfile: {type: RuntimeDefault}`] : []),
        `${p}containers:`,
        `${p}  - name: app # the main process`,
        `${p}    image: "registry.example.com/team/${name}:1.${n % 30}.${n % 7}"`,
        `${p}    args: ["--port", "8080", "--log-level", info]`,
        `${p}    ports:`,
        `${p}      - containerPort: 8080`,
        `${p}        name: http`,
        `${p}    env:`,
        `${p}      - name: CONFIG`,
        `${p}        valueFrom: {configMapKeyRef: {name: ${name}, key: config.yaml}}`,
        `${p}      - name: REPLICA`,
        `${p}        value: '${n}'`,
        `${p}    resources:`,
        `${p}      requests: {cpu: 100m, memory: 128Mi}`,
        ...(hardened ? [`${p}      limits: {memory: 256Mi}`] : []),
        `${p}    readinessProbe:`,
        `${p}      httpGet: {path: /healthz, port: http}`,
        `${p}    securityContext:`,
        ...(hardened
          ? [`${p}      allowPrivilegeEscalation: false`, `${p}      readOnlyRootFilesystem: true`, `${p}      capabilities:`, `${p}        drop: [ALL]`]
          : [`${p}      privileged: ${n % 9 === 0}`, `${p}      capabilities:`, `${p}        add: [NET_ADMIN]`]),
        `${p}    volumeMounts:`,
        `${p}      - {name: tmp, mountPath: /tmp}`,
        `${p}volumes:`,
        `${p}  - name: tmp`,
        `${p}    emptyDir: {}`,
      ];
      return spec;
    };
    const labels = ['  labels:', `    app.kubernetes.io/name: ${name}`, '    app.kubernetes.io/part-of: bundle'];
    switch (n % 3) {
      case 0:
        out.push('---', 'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, ...labels, 'spec:', '  replicas: 2', '  selector:', `    matchLabels: {app.kubernetes.io/name: ${name}}`, '  template:', '    metadata:', `      labels: {app.kubernetes.io/name: ${name}}`, '    spec:', ...pod(6));
        break;
      case 1:
        out.push('---', 'apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', `  name: ${name}`, ...labels, 'spec:', `  serviceName: ${name}`, '  selector:', `    matchLabels: {app.kubernetes.io/name: ${name}}`, '  template:', '    metadata:', `      labels: {app.kubernetes.io/name: ${name}}`, '    spec:', ...pod(6));
        break;
      default:
        out.push('---', 'apiVersion: batch/v1', 'kind: CronJob', 'metadata:', `  name: ${name}`, ...labels, 'spec:', '  schedule: "*/15 * * * *"', '  jobTemplate:', '    spec:', '      template:', '        spec:', '          restartPolicy: OnFailure', ...pod(10));
    }
    out.push('---', 'apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', `  selector: {app.kubernetes.io/name: ${name}}`, '  ports:', '    - {name: http, port: 80, targetPort: http}');
    out.push('---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${name}`, 'data:', '  config.yaml: |', '    # settings of the service', `    name: ${name}`, '    retries: 3', '    endpoints:', '      - https://api.example.com/v1');
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}
