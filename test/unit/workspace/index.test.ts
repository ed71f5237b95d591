import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { WorkspaceIndex } from '../../../server/src/engine';

const CART_DOCKERFILE = `FROM golang:1.23 AS build
RUN go build -o /cart ./cmd/cart

FROM debian:bookworm-slim
RUN useradd --uid 10001 --no-create-home app
COPY --from=build /cart /usr/local/bin/cart
COPY docker-entrypoint.sh /usr/local/bin/
EXPOSE 8080 9090/udp
VOLUME /var/lib/cart
USER app
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["supervisord"]
`;

const EXEC_ARGS = '#!/bin/sh\nset -e\nexec "$@"\n';
const NO_EXEC = '#!/bin/sh\n./migrate\ncart serve\n';

const MANIFEST = (image: string) => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: app
    image: ${image}
`;

function workspace(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [path, text] of Object.entries(files)) index.setFile(path, text);
  return index;
}

const line = (index: WorkspaceIndex, location: { file: string; range: { start: { line: number } } } | undefined) =>
  location && `${location.file}:${location.range.start.line + 1}: ${index.textOf(location.file)?.split('\n')[location.range.start.line]}`;

describe('WorkspaceIndex.isRelevant', () => {
  test('what it reads and what it leaves alone', () => {
    const relevant = ['Dockerfile', 'src/cart/Dockerfile.prod', 'api.dockerfile', 'k8s/deploy.yaml', 'skaffold.yaml', 'Makefile', 'build.sh', 'src/cart/.dockerignore', 'docker/entrypoint', '.github/workflows/ci.yml'];
    const irrelevant = ['README.md', 'src/cart/main.go', 'node_modules/x/Dockerfile', '.git/config', 'package.json'];
    assert.deepEqual(relevant.filter((path) => !WorkspaceIndex.isRelevant(path)), []);
    assert.deepEqual(irrelevant.filter((path) => WorkspaceIndex.isRelevant(path)), []);
  });
});

describe('WorkspaceIndex.resolveImage', () => {
  test('a compose link: declared, with the shipped stage profile and every fact located', () => {
    const index = workspace({
      'docker-compose.yml': 'services:\n  cart:\n    build: src/cart\n    image: ghcr.io/acme/cart:dev\n',
      'src/cart/Dockerfile': CART_DOCKERFILE,
      'src/cart/docker-entrypoint.sh': EXEC_ARGS,
      'k8s/cart.yaml': MANIFEST('ghcr.io/acme/cart:1.2'),
    });
    const resolved = index.resolveImage('ghcr.io/acme/cart:1.2', 'k8s/cart.yaml');
    assert.equal(resolved.confidence, 'declared');
    assert.equal(resolved.link?.source, 'compose');
    assert.equal(resolved.link?.dockerfile, 'src/cart/Dockerfile');
    const profile = resolved.profile!;
    assert.equal(profile.baseImage, 'debian:bookworm-slim');
    assert.equal(line(index, profile.from), 'src/cart/Dockerfile:4: FROM debian:bookworm-slim');
    assert.deepEqual(profile.user?.value, { kind: 'name', text: 'app', uid: 10001, uidLocation: profile.user?.value.uidLocation, fromUserInstruction: true });
    assert.equal(line(index, profile.user?.value.uidLocation), 'src/cart/Dockerfile:5: RUN useradd --uid 10001 --no-create-home app');
    assert.equal(line(index, profile.user?.location), 'src/cart/Dockerfile:10: USER app');
    assert.equal(profile.nonRootUid?.value, 10001);
    assert.deepEqual(profile.exposedPorts?.map((fact) => fact.value), [{ port: 8080, protocol: 'tcp' }, { port: 9090, protocol: 'udp' }]);
    assert.deepEqual(profile.writePaths?.map((fact) => fact.value), [{ path: '/var/lib/cart', reason: 'volume' }]);
    assert.deepEqual(profile.entrypoint?.value, ['docker-entrypoint.sh']);
    // The entrypoint script execs its arguments: the CMD, supervisord, is PID 1.
    assert.deepEqual(profile.pid1?.value, { kind: 'process-manager', program: 'supervisord', source: 'CMD' });
    assert.equal(line(index, profile.pid1?.location), 'src/cart/Dockerfile:12: CMD ["supervisord"]');
  });

  test('an entrypoint script without exec is PID 1; changing the script changes the profile and names the manifest', () => {
    const index = workspace({
      'skaffold.yaml': 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n  - image: cart\n    context: src/cart\n',
      'src/cart/Dockerfile': CART_DOCKERFILE,
      'src/cart/docker-entrypoint.sh': NO_EXEC,
      'k8s/cart.yaml': MANIFEST('cart'),
      'k8s/other.yaml': MANIFEST('nginx:1.27'),
    });
    const pid1 = index.resolveImage('cart', 'k8s/cart.yaml').profile?.pid1;
    assert.deepEqual(pid1?.value, { kind: 'shell-script', program: 'docker-entrypoint.sh', source: 'ENTRYPOINT' });
    assert.equal(line(index, pid1?.location), 'src/cart/docker-entrypoint.sh:3: cart serve');
    assert.deepEqual(index.dependentsOf('src/cart/docker-entrypoint.sh'), ['k8s/cart.yaml']);
    assert.deepEqual(index.setFile('src/cart/docker-entrypoint.sh', EXEC_ARGS), ['k8s/cart.yaml']);
    assert.equal(index.resolveImage('cart', 'k8s/cart.yaml').profile?.pid1?.value.kind, 'process-manager');
  });

  test('profiles are memoized per Dockerfile text', () => {
    const index = workspace({ 'src/cart/Dockerfile': CART_DOCKERFILE, 'k8s/cart.yaml': MANIFEST('ghcr.io/acme/cart') });
    const first = index.resolveImage('ghcr.io/acme/cart', 'k8s/cart.yaml').profile;
    assert.equal(index.resolveImage('ghcr.io/acme/cart:2', 'k8s/cart.yaml').profile, first);
    assert.deepEqual(index.setFile('src/cart/Dockerfile', CART_DOCKERFILE.replace('USER app', 'USER 10001')), ['k8s/cart.yaml']);
    assert.deepEqual(index.resolveImage('ghcr.io/acme/cart', 'k8s/cart.yaml').profile?.user?.value, { kind: 'uid', text: '10001', uid: 10001, fromUserInstruction: true });
  });

  test('a name match links an image to the one Dockerfile in a folder of its name, with lower confidence', () => {
    const index = workspace({ 'src/cartservice/Dockerfile': 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY cart /cart\nENTRYPOINT ["/cart"]\n' });
    const resolved = index.resolveImage('us-docker.pkg.dev/acme/shop/cartservice:v0.10.2', 'k8s/cart.yaml');
    assert.equal(resolved.confidence, 'name-match');
    assert.equal(resolved.link?.dockerfile, 'src/cartservice/Dockerfile');
    assert.equal(resolved.profile?.hasShell?.value, false);
    assert.deepEqual(resolved.profile?.user?.value, { kind: 'uid', text: '65532', uid: 65532, fromUserInstruction: false });
    // A variant beside it (Dockerfile.prod) is the same image's: two candidates, no guess. A
    // public image never matches a folder of its name; a named Dockerfile matches its name.
    index.setFile('src/cartservice/Dockerfile.prod', 'FROM alpine:3.20\n');
    assert.equal(index.resolveImage('acme/cartservice', 'k8s/cart.yaml').link, undefined);
    index.removeFile('src/cartservice/Dockerfile.prod');
    index.setFile('docker/payments.Dockerfile', 'FROM alpine:3.20\n');
    assert.equal(index.resolveImage('ghcr.io/acme/payments:2', 'k8s/pay.yaml').link?.dockerfile, 'docker/payments.Dockerfile');
    index.setFile('tools/cartservice/Dockerfile', 'FROM alpine:3.20\n');
    assert.equal(index.resolveImage('acme/cartservice', 'k8s/cart.yaml').link, undefined);
    index.setFile('nginx/Dockerfile', 'FROM nginx:1.27\n');
    assert.equal(index.resolveImage('nginx:1.27', 'k8s/web.yaml').link, undefined);
  });

  test('Kustomize rewrites apply before links; the kustomization holding the manifest wins', () => {
    const index = workspace({
      'k8s/base/kustomization.yaml': 'resources: [cart.yaml]\nimages:\n- name: cart\n  newName: ghcr.io/acme/cart\n  newTag: "1.4"\n',
      'k8s/overlays/dev/kustomization.yaml': 'resources: [../../base]\nimages:\n- name: cart\n  newTag: dev\n',
      'k8s/base/cart.yaml': MANIFEST('cart'),
      'Makefile': 'build:\n\tdocker build -t ghcr.io/acme/cart:dev -f src/cart/Dockerfile src/cart\n',
      'src/cart/Dockerfile': CART_DOCKERFILE,
    });
    const resolved = index.resolveImage('cart', 'k8s/base/cart.yaml');
    assert.equal(resolved.deployed, 'ghcr.io/acme/cart:1.4');
    assert.deepEqual(resolved.rewrites.map((rewrite) => rewrite.scope), ['k8s/base', 'k8s/overlays/dev']);
    assert.equal(resolved.link?.source, 'script');
    assert.deepEqual(index.manifestsUsing('src/cart/Dockerfile'), ['k8s/base/cart.yaml']);
    assert.deepEqual(index.dependentsOf('k8s/overlays/dev/kustomization.yaml'), ['k8s/base/cart.yaml']);
  });

  test("a kustomization's rewrites reach only what its resources: build, through its bases, the nearest first", () => {
    const index = workspace({
      'k8s/base/kustomization.yaml': 'resources: [cart.yaml]\n',
      'k8s/base/cart.yaml': MANIFEST('cart'),
      'k8s/overlays/dev/kustomization.yaml': 'resources: [../../base, debug.yaml]\nimages:\n- name: cart\n  newName: ghcr.io/acme/cart\n  newTag: dev\n',
      'k8s/overlays/dev/debug.yaml': MANIFEST('cart'),
      'k8s/overlays/prod/kustomization.yaml': 'resources: [../dev]\nimages:\n- name: ghcr.io/acme/cart\n  newTag: "1.4"\n- name: cart\n  newTag: prod\n',
      // Lists nothing: it may build anything, as before the resources were read.
      'k8s/legacy/kustomization.yaml': 'images:\n- name: cart\n  newTag: legacy\n',
      'k8s/jobs/cart-job.yaml': MANIFEST('cart'),
    });
    const scopes = (manifest: string) => index.resolveImage('cart', manifest).rewrites.map((rewrite) => `${rewrite.scope}:${rewrite.newTag}`);
    assert.deepEqual(scopes('k8s/base/cart.yaml'), ['k8s/overlays/dev:dev', 'k8s/overlays/prod:prod', 'k8s/legacy:legacy']);
    assert.equal(index.resolveImage('cart', 'k8s/base/cart.yaml').deployed, 'ghcr.io/acme/cart:dev');
    assert.deepEqual(scopes('k8s/overlays/dev/debug.yaml'), ['k8s/overlays/dev:dev', 'k8s/overlays/prod:prod', 'k8s/legacy:legacy']);
    // No kustomization lists the job: only the one that lists nothing may reach it.
    assert.deepEqual(scopes('k8s/jobs/cart-job.yaml'), ['k8s/legacy:legacy']);
  });

  test('the mapping setting wins over build definitions, and says which manifests it changes', () => {
    const index = workspace({
      'docker-compose.yml': 'services:\n  cart:\n    build: src/cart\n    image: cart\n',
      'src/cart/Dockerfile': CART_DOCKERFILE,
      'src/cart/Dockerfile.debug': 'FROM busybox\n',
      'k8s/cart.yaml': MANIFEST('cart:1'),
    });
    assert.deepEqual(index.setMappings({ cart: 'src/cart/Dockerfile.debug' }), ['k8s/cart.yaml']);
    const resolved = index.resolveImage('cart:1', 'k8s/cart.yaml');
    assert.equal(resolved.link?.source, 'setting');
    assert.deepEqual(resolved.links.map((link) => link.source), ['setting', 'compose']);
    assert.equal(resolved.link?.dockerfile, 'src/cart/Dockerfile.debug');
  });

  test('removing a build definition unlinks its images', () => {
    const index = workspace({
      'docker-compose.yml': 'services:\n  cart:\n    build: app\n    image: acme/shop-cart\n',
      'app/Dockerfile': CART_DOCKERFILE,
      'k8s/cart.yaml': MANIFEST('acme/shop-cart:1'),
    });
    assert.deepEqual(index.dependentsOf('app/Dockerfile'), ['k8s/cart.yaml']);
    assert.deepEqual(index.removeFile('docker-compose.yml'), ['k8s/cart.yaml']);
    assert.equal(index.resolveImage('acme/shop-cart:1', 'k8s/cart.yaml').link, undefined);
    assert.deepEqual(index.manifestsUsing('app/Dockerfile'), []);
  });
});

describe('WorkspaceIndex updates', () => {
  test('what each change names: a new Dockerfile its name matches, the same text nothing, a removal what used it', () => {
    const index = workspace({ 'k8s/cart.yaml': MANIFEST('ghcr.io/acme/cartservice:1'), 'k8s/web.yaml': MANIFEST('nginx:1.27') });
    assert.deepEqual(index.setFile('src\\cartservice\\Dockerfile', CART_DOCKERFILE), ['k8s/cart.yaml']);
    assert.deepEqual(index.setFile('src/cartservice/Dockerfile', CART_DOCKERFILE), []);
    assert.deepEqual(index.manifestsUsing('./src/cartservice/Dockerfile'), ['k8s/cart.yaml']);
    assert.deepEqual(index.removeFile('src/cartservice/Dockerfile'), ['k8s/cart.yaml']);
    assert.equal(index.resolveImage('ghcr.io/acme/cartservice:1', 'k8s/cart.yaml').link, undefined);
    assert.deepEqual(index.removeFile('src/cartservice/Dockerfile'), []);
  });

  test('a manifest edit names no other manifest; its images are read again', () => {
    const index = workspace({ 'docker-compose.yml': 'services:\n  cart:\n    build: app\n    image: acme/shop-cart\n', 'app/Dockerfile': CART_DOCKERFILE, 'k8s/cart.yaml': MANIFEST('nginx:1.27') });
    assert.deepEqual(index.manifestsUsing('app/Dockerfile'), []);
    assert.deepEqual(index.setFile('k8s/cart.yaml', MANIFEST('acme/shop-cart:2')), []);
    assert.deepEqual(index.manifestsUsing('app/Dockerfile'), ['k8s/cart.yaml']);
  });
});

describe('WorkspaceIndex.setFiles (a scan at once)', () => {
  const files = {
    'docker-compose.yml': 'services:\n  cart:\n    build: src/cart\n    image: ghcr.io/acme/cart:dev\n',
    'src/cart/Dockerfile': CART_DOCKERFILE,
    'src/cart/docker-entrypoint.sh': NO_EXEC,
    'k8s/cart.yaml': MANIFEST('ghcr.io/acme/cart:1.2'),
    'k8s/web.yaml': MANIFEST('nginx:1.27'),
    'k8s/lost.yaml': MANIFEST('ghcr.io/acme/lost:1'),
  };

  test('the index it builds answers as file by file does, and it names the manifests the batch links', () => {
    const index = new WorkspaceIndex();
    assert.deepEqual(index.setFiles(Object.entries(files)), ['k8s/cart.yaml']);
    const one = index.resolveImage('ghcr.io/acme/cart:1.2', 'k8s/cart.yaml');
    const other = workspace(files).resolveImage('ghcr.io/acme/cart:1.2', 'k8s/cart.yaml');
    assert.deepEqual(one, other);
    assert.equal(one.link?.source, 'compose');
    assert.equal(one.profile?.pid1?.value.kind, 'shell-script', 'the entrypoint script, read from the batch, keeps the shell as PID 1');
    assert.deepEqual(index.setFiles(Object.entries(files)), [], 'the same texts name nothing');
  });

  test('over a built index: a changed script its profile read, a relinking definition, a removed link', () => {
    const index = new WorkspaceIndex();
    index.setFiles(Object.entries(files));
    index.resolveImage('ghcr.io/acme/cart:1.2', 'k8s/cart.yaml');
    assert.deepEqual(index.setFiles([['src/cart/docker-entrypoint.sh', EXEC_ARGS]]), ['k8s/cart.yaml']);
    assert.deepEqual(
      index.setFiles([['docker-compose.yml', 'services:\n  cart:\n    build: src/cart\n    image: ghcr.io/acme/lost:dev\n'], ['README.md', '# shop\n']]).sort(),
      ['k8s/cart.yaml', 'k8s/lost.yaml'],
    );
    assert.equal(index.resolveImage('ghcr.io/acme/lost:1', 'k8s/lost.yaml').link?.dockerfile, 'src/cart/Dockerfile');
  });
});

describe('well-known images without a Dockerfile', () => {
  const index = new WorkspaceIndex();
  const profile = (image: string) => index.resolveImage(image, 'k8s/a.yaml').profile;
  test('distroless: no shell but :debug, root but :nonroot, 65532 defined', () => {
    assert.equal(profile('gcr.io/distroless/static-debian12')?.hasShell?.value, false);
    assert.deepEqual(profile('gcr.io/distroless/static-debian12')?.user?.value, { kind: 'root', text: '0', fromUserInstruction: false });
    assert.equal(profile('gcr.io/distroless/static-debian12')?.nonRootUid?.value, 65532);
    assert.deepEqual(profile('gcr.io/distroless/base-debian12:nonroot')?.user?.value, { kind: 'uid', text: '65532', uid: 65532, fromUserInstruction: false });
    assert.equal(profile('gcr.io/distroless/base-debian12:debug')?.hasShell?.value, true);
    assert.deepEqual(profile('gcr.io/distroless/static-debian12')?.entrypoint?.value, []);
    assert.deepEqual(profile('gcr.io/distroless/nodejs22-debian12')?.entrypoint?.value, ['/nodejs/bin/node']);
  });
  test('chainguard: no shell but -dev, uid 65532', () => {
    assert.equal(profile('cgr.dev/chainguard/static:latest')?.hasShell?.value, false);
    assert.equal(profile('cgr.dev/chainguard/python:latest-dev')?.hasShell?.value, true);
    assert.equal(profile('cgr.dev/chainguard/wolfi-base:latest')?.hasShell?.value, true);
    assert.deepEqual(profile('cgr.dev/chainguard/python:latest')?.user?.value, { kind: 'uid', text: '65532', uid: 65532, fromUserInstruction: false });
  });
  test('official images run as root; nginx writes to its cache and run folders', () => {
    assert.deepEqual(profile('nginx:1.27')?.user?.value, { kind: 'root', text: '0', fromUserInstruction: false });
    assert.deepEqual(profile('nginx:1.27')?.writePaths?.map((fact) => fact.value.path), ['/var/cache/nginx', '/var/run']);
    assert.deepEqual(profile('nginxinc/nginx-unprivileged:1.27')?.user?.value, { kind: 'uid', text: '101', uid: 101, fromUserInstruction: false });
    assert.equal(profile('ghcr.io/acme/unknown:1'), undefined);
  });
  test('.NET chiseled images: no shell, uid 1654; Bitnami: uid 1001', () => {
    assert.equal(profile('mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled')?.hasShell?.value, false);
    assert.deepEqual(profile('mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled')?.user?.value, { kind: 'uid', text: '1654', uid: 1654, fromUserInstruction: false });
    assert.equal(profile('mcr.microsoft.com/dotnet/aspnet:8.0')?.hasShell, undefined);
    assert.deepEqual(profile('bitnami/redis:7.4')?.user?.value, { kind: 'uid', text: '1001', uid: 1001, fromUserInstruction: false });
    assert.equal(profile('bitnami/minideb:bookworm'), undefined);
  });
});
