// The workspace index of the cross-file rules, on a generated workspace of 300 services and
// about 5,000 files (Dockerfiles, entrypoint scripts, Go sources, manifests, a skaffold.yaml
// with every artifact, a Compose file, a Makefile, a workflow, Kustomize overlays):
//   - the initial scan (the bounded walk the server and the CLI share) and the index build,
//     (setFiles, as the server's scan and the CLI feed it), with the heap the index keeps;
//   - the update after a Dockerfile edit (setFile, which also names the manifests to analyse
//     again), alone and with the analysis of those manifests: what a keystroke costs;
//   - a manifest analysed with the cross-file rules against without (the floor), as a ratio.
// Prints Markdown rows for docs/benchmarks.md.
//
//   npm run bench   (or: node --expose-gc scripts/bench/workspace.mjs [--min-samples 7])
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { measure, require, root } from './measure.mjs';

const at = process.argv.indexOf('--min-samples');
const minSamples = at >= 0 ? Number(process.argv[at + 1]) : 7;
const SERVICES = 300;

/** The engine and the host's walk, bundled from source as the CLI ships them. */
async function loadModules() {
  const file = join(root, 'node_modules/.cache/shipshape-bench/workspace.cjs');
  const contents = "export * from './server/src/engine';\nexport { scanWorkspaceSync } from './server/src/host/workspace-scan';\n";
  await build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: file, logLevel: 'error' });
  return require(file);
}

const dockerfile = (n, user) => `FROM golang:1.27-bookworm AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/svc${n} ./cmd/svc${n}

FROM ${n % 3 === 0 ? 'gcr.io/distroless/static-debian12:nonroot' : 'debian:bookworm-slim'}
${n % 3 === 0 ? '' : `RUN useradd --uid ${10000 + n} --no-create-home app\n`}COPY --from=build /out/svc${n} /usr/local/bin/svc${n}
COPY docker-entrypoint.sh /usr/local/bin/
EXPOSE ${8000 + (n % 50)}
USER ${user}
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["svc${n}"]
`;

const manifest = (n) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc${n}
spec:
  replicas: 2
  selector:
    matchLabels: {app: svc${n}}
  template:
    metadata:
      labels: {app: svc${n}}
    spec:
      securityContext:
        runAsNonRoot: true
      containers:
        - name: app
          image: svc${n}
          ports:
            - containerPort: ${8000 + (n % 50)}
          securityContext:
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
          readinessProbe:
            exec:
              command: ["sh", "-c", "wget -qO- localhost:${8000 + (n % 50)}/healthz"]
---
apiVersion: v1
kind: Service
metadata:
  name: svc${n}
spec:
  selector: {app: svc${n}}
  ports:
    - port: 80
      targetPort: ${8000 + (n % 50)}
`;

/** Writes the workspace; returns its root and the manifests' paths. */
function generateWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'shipshape-bench-workspace-'));
  let files = 0;
  const write = (path, text) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    files++;
  };
  const artifacts = [];
  const compose = ['services:'];
  const make = ['REGISTRY ?= ghcr.io/acme', 'VERSION ?= $(shell git describe --always)', '', 'images:'];
  for (let n = 0; n < SERVICES; n++) {
    const service = `services/svc${n}`;
    write(`${service}/Dockerfile`, dockerfile(n, n % 2 ? 'app' : `${10000 + n}`));
    write(`${service}/docker-entrypoint.sh`, `#!/bin/sh\nset -e\n${n % 4 === 0 ? 'svc-migrate\n' : ''}exec "$@"\n`);
    write(`${service}/.dockerignore`, '.git\n*.md\n');
    write(`${service}/go.mod`, `module example.com/svc${n}\n\ngo 1.27\n`);
    write(`${service}/README.md`, `# svc${n}\n`);
    for (let k = 0; k < 8; k++) write(`${service}/cmd/svc${n}/file${k}.go`, `package main\n\nfunc f${k}() int { return ${k} }\n`);
    write(`k8s/base/svc${n}.yaml`, manifest(n));
    if (n % 3 === 0) artifacts.push(`    - image: ghcr.io/acme/svc${n}\n      context: ${service}`);
    else if (n % 3 === 1) compose.push(`  svc${n}:\n    image: ghcr.io/acme/svc${n}:dev\n    build: ./${service}`);
    else make.push(`\tdocker build -t $(REGISTRY)/svc${n}:$(VERSION) ${service}`);
  }
  write('skaffold.yaml', `apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n${artifacts.join('\n')}\n`);
  write('docker-compose.yaml', `${compose.join('\n')}\n`);
  write('Makefile', `${make.join('\n')}\n`);
  write('.github/workflows/release.yaml', 'on: push\njobs:\n  svc0:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with: {context: services/svc0, tags: ghcr.io/acme/svc0:latest}\n');
  const images = Array.from({ length: SERVICES }, (_, n) => `  - name: svc${n}\n    newName: ghcr.io/acme/svc${n}\n    newTag: 1.0.${n}`).join('\n');
  write('k8s/base/kustomization.yaml', `resources:\n${Array.from({ length: SERVICES }, (_, n) => `  - svc${n}.yaml`).join('\n')}\n`);
  for (const overlay of ['dev', 'prod']) write(`k8s/overlays/${overlay}/kustomization.yaml`, `resources: [../../base]\nimages:\n${images}\n`);
  return { dir, files, manifests: Array.from({ length: SERVICES }, (_, n) => `k8s/base/svc${n}.yaml`) };
}

const shipshape = await loadModules();
const workspace = generateWorkspace();
const gc = typeof globalThis.gc === 'function' ? globalThis.gc : undefined;
const heapUsed = () => {
  gc?.();
  return process.memoryUsage().heapUsed;
};
const mb = (bytes) => `${(Math.max(0, bytes) / 1024 / 1024).toFixed(1)} MB`;
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
const rows = [];

try {
  // The scan and the build, several times from nothing (the disk cache is warm after the first).
  const scanMs = [];
  const buildMs = [];
  let index;
  let scan;
  let heapBefore = 0;
  for (let round = 0; round < Math.max(minSamples, 5); round++) {
    index = undefined;
    scan = undefined;
    heapBefore = heapUsed();
    let start = performance.now();
    scan = shipshape.scanWorkspaceSync(workspace.dir, { isRelevant: shipshape.WorkspaceIndex.isRelevant });
    scanMs.push(performance.now() - start);
    start = performance.now();
    index = new shipshape.WorkspaceIndex();
    index.setFiles(scan.files);
    buildMs.push(performance.now() - start);
  }
  if (scan.cutShort) console.error(`warning: the scan was cut short (${scan.cutShort})`);
  const relevant = scan.files.size;
  const textBytes = [...scan.files.values()].reduce((sum, text) => sum + text.length, 0);
  scan.files.clear();
  const heapIndex = heapUsed() - heapBefore;
  rows.push([`initial scan: ${workspace.files} files (${scan.entries} entries walked), ${relevant} relevant files read`, median(scanMs)]);
  rows.push(['index build: setFiles with every relevant file (links, rewrites, manifest images)', median(buildMs)]);

  const texts = new Map(workspace.manifests.map((path) => [path, index.textOf(path)]));
  const analyse = (path, withWorkspace) => shipshape.analyze({ text: texts.get(path), kind: 'kubernetes', workspace: withWorkspace ? { index, path } : undefined });
  // First analysis of every manifest with the workspace: profiles are computed on first use.
  let start = performance.now();
  let crossFile = 0;
  for (const path of workspace.manifests) crossFile += analyse(path, true).findings.filter((finding) => finding.rule.startsWith('xref-')).length;
  rows.push([`first analysis of all ${SERVICES} manifests with the cross-file rules (profiles computed): ${crossFile} xref findings`, performance.now() - start]);
  const heapProfiles = heapUsed() - heapBefore;

  // A keystroke in a Dockerfile: setFile, and the analysis of the manifests it names.
  const target = 'services/svc7/Dockerfile';
  const original = index.textOf(target);
  const updateMs = [];
  const updateAndAnalyseMs = [];
  let affected = [];
  for (let round = 0; round < 41; round++) {
    const edited = original.replace(/^USER .*$/m, round % 2 ? 'USER app' : `USER ${20000 + round}`);
    start = performance.now();
    affected = index.setFile(target, edited);
    updateMs.push(performance.now() - start);
    for (const path of affected) analyse(path, true);
    updateAndAnalyseMs.push(performance.now() - start);
  }
  rows.push([`Dockerfile edit: setFile (names ${affected.length} manifest${affected.length === 1 ? '' : 's'} to analyse again)`, median(updateMs)]);
  rows.push(['Dockerfile edit: setFile and the analysis of those manifests', median(updateAndAnalyseMs)]);

  const tools = [
    { label: 'without cross-file rules (floor)', run: (path) => analyse(path, false) },
    { label: 'with cross-file rules', run: (path) => analyse(path, true) },
  ];
  const compared = measure(tools, workspace.manifests, minSamples);
  const model = (await import('node:fs')).readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  console.log(`Machine: ${model}, ${cpus().length} CPUs, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, load average ${loadavg()[0].toFixed(1)} at start`);
  if (!gc) console.log('(run with node --expose-gc for the heap rows)');
  console.log('');
  console.log('| step | median ms |');
  console.log('|---|---:|');
  for (const [label, ms] of rows) console.log(`| ${label} | ${ms.toFixed(1)} |`);
  if (gc) {
    console.log(`| heap held by the index after the build (texts of ${(textBytes / 1024).toFixed(0)} KB, links, manifest images) | ${mb(heapIndex)} |`);
    console.log(`| heap held after every manifest's image was profiled | ${mb(heapProfiles)} |`);
  }
  console.log('');
  console.log(`| ${SERVICES} manifests analysed | median ms per pass | × floor (median of per-round ratios) | samples |`);
  console.log('|---|---:|---:|---:|');
  for (const tool of tools) {
    const { ms, ratio, samples } = compared.get(tool);
    console.log(`| ${tool.label} | ${ms.toFixed(1)} | ${ratio.toFixed(2)} | ${samples} |`);
  }
} finally {
  rmSync(workspace.dir, { recursive: true, force: true });
}
