import { ruleTester } from '../rule-tester';
import { COMPOSE, DISTROLESS, pod, workspace } from './workspace';

const api = (image: string) => pod(`  containers:\n  - name: api\n    image: ${image}\n`);
const SKAFFOLD = 'apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n  - image: ghcr.io/acme/api\n    context: services/api\n';

ruleTester('xref-mutable-tag-for-local-image', {
  valid: [
    { name: 'a version tag', code: api('ghcr.io/acme/api:1.0'), workspace: workspace(DISTROLESS) },
    { name: 'a digest', code: api(`ghcr.io/acme/api@sha256:${'0'.repeat(64)}`), workspace: workspace(DISTROLESS) },
    { name: 'Skaffold sets the tag at deploy time', code: api('ghcr.io/acme/api'), workspace: workspace(DISTROLESS, { 'skaffold.yaml': SKAFFOLD }) },
    { name: 'a Kustomize newTag', code: api('ghcr.io/acme/api'), workspace: workspace(DISTROLESS, { 'k8s/kustomization.yaml': 'resources: [app.yaml]\nimages:\n- name: ghcr.io/acme/api\n  newTag: 1.4.2\n' }) },
    { name: 'an image built elsewhere (k8s-image-latest-tag covers it)', code: api('nginx:latest'), workspace: workspace(DISTROLESS) },
    { name: 'without a workspace', code: api('ghcr.io/acme/api:latest') },
  ],
  invalid: [
    {
      name: 'latest of an image Compose builds: related to where Compose names it',
      code: api('ghcr.io/acme/api:latest'),
      workspace: workspace(DISTROLESS),
      findings: [
        {
          line: 8,
          column: 12,
          message: /^Container `api` deploys `ghcr\.io\/acme\/api:latest`, an image built in this workspace from `services\/api\/Dockerfile` \(says `docker-compose\.yml`\), by the mutable tag `latest`: each build replaces it\. Deploy a tag per build or a digest\.$/,
          related: ['../docker-compose.yml:4:12'],
        },
      ],
    },
    {
      name: 'no tag, and a Kustomize rename that keeps it untagged',
      code: api('api'),
      workspace: workspace(DISTROLESS, { 'k8s/kustomization.yaml': 'images:\n- name: api\n  newName: ghcr.io/acme/api\n' }),
      findings: [{ line: 8, column: 12, message: /deploys `ghcr\.io\/acme\/api`, .* by no tag \(so `latest`\)/ }],
    },
    {
      name: 'a name match says so',
      code: api('acme/cartservice'),
      workspace: { files: { 'src/cartservice/Dockerfile': DISTROLESS, 'docker-compose.yml': COMPOSE } },
      findings: [{ line: 8, column: 12, message: /`src\/cartservice\/Dockerfile` \(linked by its name only: no build definition says so\)/, related: ['../src/cartservice/Dockerfile:4:1'] }],
    },
  ],
});
