/** Small manifests for the Kubernetes rule tables; `spec` lines are indented for their place. */
export function pod(spec: string, metadata = '  name: p\n'): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n${metadata}spec:\n${spec}`;
}

/** A Deployment whose pod spec starts on line 12. */
export function deployment(podSpec: string): string {
  return `apiVersion: apps/v1
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
${podSpec}`;
}

/** A hardened container: nothing for the security rules to say. */
export const HARDENED = `  securityContext:
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  automountServiceAccountToken: false
  containers:
  - name: app
    image: ghcr.io/acme/app:1.4.2@sha256:0000000000000000000000000000000000000000000000000000000000000000
    securityContext:
      allowPrivilegeEscalation: false
      readOnlyRootFilesystem: true
      capabilities: {drop: [ALL]}
    resources:
      requests: {cpu: 100m, memory: 64Mi}
      limits: {memory: 64Mi}
    readinessProbe:
      httpGet: {path: /healthz, port: 8080}
`;
