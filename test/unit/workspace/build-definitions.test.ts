import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isBuildDefinitionPath, readBuildDefinitions } from '../../../server/src/engine/workspace/build-definitions';
import type { ImageBuildLink, ImageRewrite } from '../../../server/src/engine/workspace/types';
import type { Range } from '../../../server/src/engine/types';

/** A link as the tables write it: the location as `line:col-line:col` (0-based) of its file. */
type Expected = Omit<ImageBuildLink, 'location' | 'source'> & { at?: string };

const at = (range: Range) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

function links(path: string, text: string): Expected[] {
  const definitions = readBuildDefinitions(path, text);
  assert.ok(definitions, `${path} is read`);
  return definitions.links.map(({ location, source: _source, ...link }) => {
    assert.equal(location?.file ?? path, path);
    return location ? { ...link, at: at(location.range) } : link;
  });
}

function table(name: string, cases: [title: string, path: string, text: string, expected: Expected[]][]): void {
  describe(name, () => {
    for (const [title, path, text, expected] of cases) {
      test(title, () => assert.deepEqual(links(path, text), expected));
    }
  });
}

table('skaffold.yaml', [
  [
    'artifacts with context, dockerfile and target; the default Dockerfile; profiles',
    'deploy/skaffold.yaml',
    [
      'apiVersion: skaffold/v4beta11',
      'kind: Config',
      'build:',
      '  artifacts:',
      '    - image: ghcr.io/acme/cart',
      '      context: ../src/cart',
      '      docker:',
      '        dockerfile: build/Dockerfile.prod',
      '        target: runtime',
      '    - image: frontend',
      '      context: ../web',
      'profiles:',
      '  - name: debug',
      '    build:',
      '      artifacts:',
      '        - image: ghcr.io/acme/cart',
      '          context: ../src/cart',
      '          docker: {dockerfile: Dockerfile.debug}',
    ].join('\n'),
    [
      { image: 'ghcr.io/acme/cart', dockerfile: 'src/cart/build/Dockerfile.prod', context: 'src/cart', target: 'runtime', at: '4:13-4:30' },
      { image: 'frontend', dockerfile: 'web/Dockerfile', context: 'web', at: '9:13-9:21' },
      { image: 'ghcr.io/acme/cart', dockerfile: 'src/cart/Dockerfile.debug', context: 'src/cart', at: '15:17-15:34' },
    ],
  ],
  ['no context: the skaffold.yaml folder', 'skaffold.yaml', 'apiVersion: skaffold/v4beta6\nkind: Config\nbuild:\n  artifacts:\n  - image: api\n', [{ image: 'api', dockerfile: 'Dockerfile', context: '.', at: '4:11-4:14' }]],
  ['kaniko builds a Dockerfile too', 'skaffold.yaml', 'build:\n  artifacts:\n  - image: api\n    kaniko:\n      dockerfile: api.Dockerfile\n', [{ image: 'api', dockerfile: 'api.Dockerfile', context: '.', at: '2:11-2:14' }]],
  ['ko, Jib, Buildpacks and custom builds have no Dockerfile', 'skaffold.yaml', 'build:\n  artifacts:\n  - image: a\n    ko: {}\n  - image: b\n    jib: {}\n  - image: c\n    buildpacks: {builder: x}\n  - image: d\n    custom: {buildCommand: ./b.sh}\n', []],
  ['several configs in one file; another tool\'s document is skipped', 'skaffold.yaml', 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild: {artifacts: [{image: one}]}\n---\napiVersion: v1\nkind: ConfigMap\nbuild: {artifacts: [{image: two}]}\n---\napiVersion: skaffold/v4beta11\nkind: Config\nbuild: {artifacts: [{image: three, context: svc}]}\n', [
    { image: 'one', dockerfile: 'Dockerfile', context: '.', at: '2:28-2:31' },
    { image: 'three', dockerfile: 'svc/Dockerfile', context: 'svc', at: '10:28-10:33' },
  ]],
  ['a context outside the workspace, an absolute dockerfile, an invalid image: nothing', 'skaffold.yaml', 'build:\n  artifacts:\n  - image: a\n    context: ../..\n  - image: b\n    docker: {dockerfile: /abs/Dockerfile}\n  - image: "Not An Image"\n', []],
  ['broken YAML links nothing and does not throw', 'skaffold.yaml', 'build:\n  artifacts:\n  - image: [a\n', []],
  ['unusual shapes: artifacts not a list, image a number, empty file', 'skaffold.yaml', 'build:\n  artifacts: {image: a}\n---\nbuild:\n  artifacts:\n  - image: 12\n  - 42\n---\n', [{ image: '12', dockerfile: 'Dockerfile', context: '.', at: '5:11-5:13' }]],
]);

table('Compose', [
  [
    'build as a path or a map; dockerfile relative to the context; tags; defaults of variables',
    'docker-compose.yaml',
    [
      'services:',
      '  cart:',
      '    image: ghcr.io/acme/cart:${TAG:-dev}',
      '    build: ./src/cart',
      '  web:',
      '    build:',
      '      context: web',
      '      dockerfile: docker/Dockerfile',
      '      target: prod',
      '    image: "registry.local:5000/web:1.2"',
      '  db:',
      '    image: postgres:17',
      '  worker:',
      '    build: ./worker',
    ].join('\n'),
    [
      { image: 'ghcr.io/acme/cart', tags: ['dev'], dockerfile: 'src/cart/Dockerfile', context: 'src/cart', at: '2:11-2:40' },
      { image: 'registry.local:5000/web', tags: ['1.2'], dockerfile: 'web/docker/Dockerfile', context: 'web', target: 'prod', at: '9:11-9:40' },
    ],
  ],
  [
    'a service without image builds <project>-<service>: the folder, lower-cased, as the project',
    'deploy/Shop.App/compose.yaml',
    'services:\n  api:\n    build: ../../api\n  db:\n    image: postgres:17\n',
    [{ image: 'shopapp-api', dockerfile: 'api/Dockerfile', context: 'api', at: '1:2-1:5' }],
  ],
  ['the top-level name: is the project', 'compose.yaml', 'name: shop\nservices:\n  web:\n    build: web\n', [{ image: 'shop-web', dockerfile: 'web/Dockerfile', context: 'web', at: '2:2-2:5' }]],
  ['at the workspace root without name: the project is not known: nothing', 'compose.yaml', 'services:\n  web:\n    build: web\n', []],
  ['a project name from the environment: nothing', 'ops/compose.yaml', 'name: ${PROJECT}\nservices:\n  web:\n    build: web\n', []],
  ['a tag from the environment keeps the repository', 'compose.yaml', 'services:\n  api:\n    image: acme/api:$TAG\n    build: .\n', [{ image: 'acme/api', dockerfile: 'Dockerfile', context: '.', at: '2:11-2:24' }]],
  ['a repository from the environment links nothing', 'compose.yaml', 'services:\n  api:\n    image: ${REGISTRY}/api\n    build: .\n', []],
  ['in a subfolder, with an override file name and an anchor', 'deploy/docker-compose.override.yml', 'x-build: &build\n  context: ../api\nservices:\n  api:\n    image: api\n    build: *build\n', [{ image: 'api', dockerfile: 'api/Dockerfile', context: 'api', at: '4:11-4:14' }]],
  ['dockerfile_inline, a Git URL context, services not a map: nothing', 'compose.yaml', 'services:\n  a:\n    image: a\n    build: {dockerfile_inline: "FROM scratch"}\n  b:\n    image: b\n    build: https://github.com/acme/b.git\n---\nservices: [1, 2]\n', []],
  ['broken YAML', 'compose.yaml', 'services:\n  a:\n    image: "a\n', []],
]);

table('Makefile', [
  [
    'variables, tags, -f relative to the Makefile folder, --target, the recipe prefix',
    'Makefile',
    [
      'REGISTRY ?= ghcr.io/acme',
      'VERSION := $(shell git describe --tags)',
      'CART_IMAGE = $(REGISTRY)/cart',
      '',
      '.PHONY: images',
      'images: ## Build every image',
      '\t@docker build -t $(CART_IMAGE):$(VERSION) -t $(CART_IMAGE):latest \\',
      '\t\t-f services/cart/Dockerfile --target runtime services/cart',
      '\t-docker buildx build --tag=web:1.0 --push web',
      '\tcd worker && podman build -t ${REGISTRY}/worker .',
    ].join('\n'),
    [
      { image: 'ghcr.io/acme/cart', tags: ['latest'], dockerfile: 'services/cart/Dockerfile', context: 'services/cart', target: 'runtime', at: '6:18-6:42' },
      { image: 'web', tags: ['1.0'], dockerfile: 'web/Dockerfile', context: 'web', at: '8:28-8:35' },
      { image: 'ghcr.io/acme/worker', dockerfile: 'worker/Dockerfile', context: 'worker', at: '9:30-9:48' },
    ],
  ],
  ['a Makefile in a subfolder; $$ is the shell\'s $', 'build/Makefile', 'all:\n\tdocker build -t api:$$(date +%s) ../api\n', [{ image: 'api', dockerfile: 'api/Dockerfile', context: 'api', at: '1:17-1:33' }]],
  ['automatic variables and undefined ones are unknown', 'Makefile', '%.image:\n\tdocker build -t $*:latest $*\n\tdocker build -t $(IMAGE) .\n', []],
  ['assignments end a rule; tab lines outside rules are not recipes', 'Makefile', 'X = 1\n\tdocker build -t a .\nall:\n\techo\nY = 2\n\tdocker build -t b .\n', []],
  ['define blocks are skipped; a self-referencing variable does not loop', 'Makefile', 'define BUILD\ndocker build -t x .\nendef\nA = $(A)\nall:\n\tdocker build -t $(A) .\n', []],
  ['a dangling reference and a dangling continuation', 'Makefile', 'all:\n\tdocker build -t $(A .\\', []],
]);

table('shell scripts', [
  [
    'run from the repository root; cd to literal and script-relative folders',
    'scripts/build.sh',
    [
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      'TAG="${TAG:-dev}"',
      'docker build -t "ghcr.io/acme/cart:${TAG}" -f src/cart/Dockerfile src/cart',
      '(cd web && docker build -t web .)',
      'docker build -t after-subshell .',
      'cd "$(dirname "$0")/.."',
      'docker image build -t worker:1 worker',
      'cd "$SOMEWHERE"',
      'docker build -t lost .',
    ].join('\n'),
    [
      { image: 'ghcr.io/acme/cart', dockerfile: 'src/cart/Dockerfile', context: 'src/cart', at: '3:16-3:42' },
      { image: 'web', dockerfile: 'web/Dockerfile', context: 'web', at: '4:27-4:30' },
      { image: 'after-subshell', dockerfile: 'Dockerfile', context: '.', at: '5:16-5:30' },
      { image: 'worker', tags: ['1'], dockerfile: 'worker/Dockerfile', context: 'worker', at: '7:22-7:30' },
    ],
  ],
  ['cd to the script folder, then the context', 'services/api/build.sh', 'cd "$(dirname "${BASH_SOURCE[0]}")"\ndocker build -t api .\n', [{ image: 'api', dockerfile: 'services/api/Dockerfile', context: 'services/api', at: '1:16-1:19' }]],
  ['stdin contexts and Dockerfiles, a URL context, no -t, other docker commands: nothing', 'build.sh', 'docker build -t a - < Dockerfile\ndocker build -t b -f - .\ndocker build -t c https://github.com/acme/c.git\ndocker build .\ndocker run -t d .\ndocker push e\n', []],
  ['syntax errors do not throw', 'build.sh', 'if then docker build -t "a .\n', []],
]);

table('GitHub Actions', [
  [
    'build-push-action with context, file, tags (list and env) and target; metadata-action images',
    '.github/workflows/release.yml',
    [
      'on: push',
      'env:',
      '  REGISTRY: ghcr.io',
      'jobs:',
      '  cart:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '      - uses: docker/build-push-action@v6',
      '        with:',
      '          context: ./src/cart',
      '          file: ./src/cart/Dockerfile.release',
      '          target: runtime',
      '          tags: |',
      '            ${{ env.REGISTRY }}/acme/cart:latest',
      '            ${{ env.REGISTRY }}/acme/cart:${{ github.sha }}',
      '  web:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - id: meta',
      '        uses: docker/metadata-action@v5',
      '        with:',
      '          images: ghcr.io/acme/web',
      '      - uses: docker/build-push-action@v5',
      '        with:',
      '          tags: ${{ steps.meta.outputs.tags }}',
    ].join('\n'),
    [
      { image: 'ghcr.io/acme/cart', tags: ['latest'], dockerfile: 'src/cart/Dockerfile.release', context: 'src/cart', target: 'runtime', at: '14:12-14:48' },
      { image: 'ghcr.io/acme/web', dockerfile: 'Dockerfile', context: '.', at: '22:18-22:34' },
    ],
  ],
  ['comma-separated tags; the file is relative to the repository, not the context', '.github/workflows/ci.yaml', 'jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with: {context: api, file: docker/api.Dockerfile, tags: "api:1,api:2,other/api:1"}\n', [
    { image: 'api', tags: ['1', '2'], dockerfile: 'docker/api.Dockerfile', context: 'api', at: '4:65-4:70' },
    { image: 'other/api', tags: ['1'], dockerfile: 'docker/api.Dockerfile', context: 'api', at: '4:77-4:88' },
  ]],
  [
    'run: steps that call docker build, in their working directory; expressions unknown; other shells left alone',
    '.github/workflows/images.yml',
    [
      'defaults:',
      '  run:',
      '    working-directory: services',
      'jobs:',
      '  build:',
      '    steps:',
      '      - run: docker build -t ghcr.io/acme/api:${{ github.sha }} api',
      '      - name: worker',
      '        working-directory: .',
      '        run: |',
      '          set -e',
      '          docker buildx build \\',
      '            -t "ghcr.io/acme/worker:${{ github.ref_name }}" \\',
      '            -f worker/Dockerfile worker',
      '      - shell: pwsh',
      '        run: docker build -t win .',
    ].join('\n'),
    [
      { image: 'ghcr.io/acme/api', dockerfile: 'services/api/Dockerfile', context: 'services/api', at: '6:29-6:63' },
      { image: 'ghcr.io/acme/worker', dockerfile: 'worker/Dockerfile', context: 'worker', at: '12:15-12:59' },
    ],
  ],
  ['an unknown repository, other actions, no with: nothing', '.github/workflows/ci.yml', 'jobs:\n  b:\n    steps:\n      - uses: docker/build-push-action@v6\n        with: {tags: "${{ vars.IMAGE }}:1"}\n      - uses: docker/login-action@v3\n      - uses: docker/build-push-action@v6\n', []],
]);

describe('Kustomize images', () => {
  const rewrites = (path: string, text: string) =>
    readBuildDefinitions(path, text)!.rewrites.map(({ location, ...rewrite }): Omit<ImageRewrite, 'location'> & { at: string } => ({ ...rewrite, at: at(location.range) }));

  test('name, newName, newTag (numbers as written) and digest, scoped to the folder', () => {
    const text = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\nimages:\n  - name: cart\n    newName: ghcr.io/acme/cart\n    newTag: 1.10\n  - name: web\n    digest: sha256:abc\n  - name: unchanged\n';
    assert.deepEqual(rewrites('k8s/overlays/prod/kustomization.yaml', text), [
      { name: 'cart', newName: 'ghcr.io/acme/cart', newTag: '1.10', scope: 'k8s/overlays/prod', at: '4:10-4:14' },
      { name: 'web', digest: 'sha256:abc', scope: 'k8s/overlays/prod', at: '7:10-7:13' },
    ]);
  });

  test('resources: and bases: as workspace paths (files and folders); URLs, absolute paths and paths out of the workspace left out', () => {
    const resources = (path: string, text: string) => readBuildDefinitions(path, text)?.resources;
    assert.deepEqual(resources('k8s/overlays/prod/kustomization.yaml', 'resources:\n  - ../../base\n  - ./ingress.yaml\n  - https://github.com/acme/k8s//base?ref=v1\n  - /etc/x.yaml\n  - ../../../../out.yaml\n  - {path: odd}\nbases: [../../legacy]\n'), [
      'k8s/base',
      'k8s/overlays/prod/ingress.yaml',
      'k8s/legacy',
    ]);
    assert.deepEqual(resources('kustomization.yaml', 'resources: []\n'), []);
    assert.equal(resources('kustomization.yaml', 'images:\n- name: a\n  newTag: v2\n'), undefined, 'no list: what it builds is not known');
  });

  test('at the root; broken or odd input gives nothing', () => {
    assert.deepEqual(rewrites('kustomization.yml', 'images:\n- name: a\n  newTag: v2\n'), [{ name: 'a', newTag: 'v2', scope: '.', at: '1:8-1:9' }]);
    assert.deepEqual(rewrites('Kustomization', 'images: [oops'), []);
    assert.deepEqual(rewrites('kustomization.yaml', 'images: {name: a}\n---\nimages:\n- 1\n- name: [x]\n'), []);
  });
});

test('which paths are build definitions', () => {
  const yes = ['skaffold.yaml', 'deploy/skaffold-dev.yml', 'docker-compose.yml', 'compose.yaml', 'ops/docker-compose.prod.yaml', 'k8s/base/kustomization.yaml', 'Kustomization', '.github/workflows/ci.yml', 'Makefile', 'build/images.mk', 'scripts/build.sh'];
  const no = ['Dockerfile', 'k8s/deployment.yaml', '.github/dependabot.yml', 'README.md', 'makefile.txt'];
  assert.deepEqual(yes.filter((path) => !isBuildDefinitionPath(path)), []);
  assert.deepEqual(no.filter(isBuildDefinitionPath), []);
  assert.equal(readBuildDefinitions('k8s/deployment.yaml', 'kind: Deployment'), undefined);
});
