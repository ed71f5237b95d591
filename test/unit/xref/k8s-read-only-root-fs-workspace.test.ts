/**
 * k8s-read-only-root-fs with the workspace: its fix mounts emptyDirs where the image writes, not
 * only at /tmp. And where volumeMounts is the container's last key, the new mounts, the new
 * securityContext and the pod's volumes all start at one place: each lands where it belongs.
 */
import { ruleTester } from '../rule-tester';
import { pod, workspace } from './workspace';

const NGINX = 'FROM nginx:1.27-alpine\nCOPY site /usr/share/nginx/html\nVOLUME /data\n';
const web = (extra = '') => pod(`  containers:\n  - name: web\n    image: ghcr.io/acme/api:1.0\n${extra}`);

ruleTester('k8s-read-only-root-fs', {
  valid: [],
  invalid: [
    {
      name: "the image's VOLUME and nginx's folders join /tmp; a mount at /run stands for /var/run",
      code: web('    volumeMounts:\n    - {name: run, mountPath: /run}\n'),
      workspace: workspace(NGINX),
      findings: [{ line: 7, column: 11 }],
      fixTitles: ['Make the root file system read-only, with emptyDirs at /tmp, /data, /var/cache/nginx, /var/run'],
      output: web(
        '    volumeMounts:\n    - {name: run, mountPath: /run}\n    - name: tmp\n      mountPath: /tmp\n    - name: data\n      mountPath: /data\n    - name: var-cache-nginx\n      mountPath: /var/cache/nginx\n    securityContext:\n      readOnlyRootFilesystem: true\n  volumes:\n  - name: tmp\n    emptyDir: {}\n  - name: data\n    emptyDir: {}\n  - name: var-cache-nginx\n    emptyDir: {}\n',
      ),
    },
    {
      name: 'without a workspace, /tmp only, mounts listed last',
      code: web('    volumeMounts:\n    - {name: cache, mountPath: /cache}\n'),
      findings: [{ line: 7, column: 11 }],
      output: web('    volumeMounts:\n    - {name: cache, mountPath: /cache}\n    - name: tmp\n      mountPath: /tmp\n    securityContext:\n      readOnlyRootFilesystem: true\n  volumes:\n  - name: tmp\n    emptyDir: {}\n'),
    },
  ],
});
