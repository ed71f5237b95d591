import { ruleTester } from '../rule-tester';
import { DOCKERFILE, pod, workspace } from './workspace';

const NGINX = 'FROM nginx:1.27-alpine\nCOPY site /usr/share/nginx/html\nVOLUME /data\n';
const web = (extra = '') => pod(`  containers:\n  - name: web\n    image: ghcr.io/acme/api:1.0\n    securityContext:\n      readOnlyRootFilesystem: true\n${extra}`);

ruleTester('xref-read-only-fs-writes', {
  valid: [
    { name: 'every write path has a mount (a folder above, /run for /var/run)', code: web('    volumeMounts:\n    - {name: a, mountPath: /data}\n    - {name: b, mountPath: /var/cache}\n    - {name: c, mountPath: /run}\n'), workspace: workspace(NGINX) },
    { name: 'a writable root file system', code: web().replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false'), workspace: workspace(NGINX) },
    { name: 'an image that writes nowhere known', code: web(), workspace: workspace('FROM gcr.io/distroless/static-debian12\nCOPY app /app\n') },
    { name: 'a patch', code: web(), workspace: workspace(NGINX), kubernetes: { partial: true } },
  ],
  invalid: [
    {
      name: 'a VOLUME and what nginx writes: emptyDirs mounted for each',
      code: web(),
      workspace: workspace(NGINX),
      findings: [
        {
          line: 10,
          column: 31,
          message: /^Container `web` has a read-only root file system, but the image built from `services\/api\/Dockerfile` writes to `\/data`, `\/var\/cache\/nginx` and `\/var\/run`, where nothing writable is mounted: it fails when it writes there\.$/,
          related: [`${DOCKERFILE}:3:1`, `${DOCKERFILE}:1:6`, `${DOCKERFILE}:1:6`],
        },
      ],
      output: web(
        '    volumeMounts:\n    - name: data\n      mountPath: /data\n    - name: var-cache-nginx\n      mountPath: /var/cache/nginx\n    - name: var-run\n      mountPath: /var/run\n  volumes:\n  - name: data\n    emptyDir: {}\n  - name: var-cache-nginx\n    emptyDir: {}\n  - name: var-run\n    emptyDir: {}\n',
      ),
    },
    {
      name: 'a well-known image, mounts appended to the lists there are',
      code: pod('  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext: {readOnlyRootFilesystem: true}\n    volumeMounts:\n    - {name: tmp, mountPath: /tmp}\n  volumes:\n  - {name: tmp, emptyDir: {}}\n'),
      workspace: workspace(NGINX),
      findings: [{ line: 9, column: 47, message: /`nginx:1\.27` writes to `\/var\/cache\/nginx` and `\/var\/run`/, related: [] }],
      output: pod(
        '  containers:\n  - name: web\n    image: nginx:1.27\n    securityContext: {readOnlyRootFilesystem: true}\n    volumeMounts:\n    - {name: tmp, mountPath: /tmp}\n    - name: var-cache-nginx\n      mountPath: /var/cache/nginx\n    - name: var-run\n      mountPath: /var/run\n  volumes:\n  - {name: tmp, emptyDir: {}}\n  - name: var-cache-nginx\n    emptyDir: {}\n  - name: var-run\n    emptyDir: {}\n',
      ),
    },
  ],
});
