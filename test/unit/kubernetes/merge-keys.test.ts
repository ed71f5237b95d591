import { ruleTester } from '../rule-tester';

/** A Pod whose extra top-level keys hold the anchored maps (as compose-style `x-` keys do). */
function podWith(anchors: string, containers: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${anchors}spec:\n  containers:\n${containers}`;
}

ruleTester('k8s-privileged', {
  valid: [
    {
      name: 'a key next to the merge key overrides the merged one',
      code: podWith('x-base: &base\n  privileged: true\n', '  - name: a\n    image: x:1\n    securityContext:\n      <<: *base\n      privileged: false\n'),
    },
    {
      name: 'in a merged list, the earlier map wins',
      code: podWith('x-off: &off {privileged: false}\nx-on: &on {privileged: true}\n', '  - name: a\n    image: x:1\n    securityContext:\n      <<: [*off, *on]\n'),
    },
    {
      name: 'ignored by an annotation merged in',
      code: `apiVersion: v1\nkind: Pod\nx-annotations: &ignore\n  shipshape/ignore: "k8s-privileged"\nmetadata:\n  name: p\n  annotations: {<<: *ignore}\nspec:\n  containers:\n  - name: a\n    image: x:1\n    securityContext: {privileged: true}\n`,
    },
    {
      name: 'a quoted "<<" is an ordinary key',
      code: podWith('x-base: &base {privileged: true}\n', '  - name: a\n    image: x:1\n    securityContext: {"<<": *base}\n'),
    },
  ],
  invalid: [
    {
      name: 'through a merge key in flow style: reported where it is written, the shared map not edited',
      code: podWith('x-base: &base\n  privileged: true\n', '  - name: a\n    image: x:1\n    securityContext: {<<: *base, runAsUser: 1000}\n'),
      findings: [{ line: 6, column: 3, endColumn: 19, message: /Container `a` runs privileged/ }],
    },
    {
      name: 'through a merged list: the first map holding the key is read',
      code: podWith('x-user: &user {runAsUser: 1000}\nx-priv: &priv {privileged: true}\n', '  - name: a\n    image: x:1\n    securityContext:\n      <<: [*user, *priv]\n'),
      findings: [{ line: 6, column: 16, endColumn: 32, message: /Container `a`/ }],
    },
    {
      name: 'a merge key chained through another',
      code: podWith('x-inner: &inner {privileged: true}\nx-outer: &outer {<<: *inner, runAsUser: 1000}\n', '  - name: a\n    image: x:1\n    securityContext: {<<: *outer}\n'),
      findings: [{ line: 5, column: 18, endColumn: 34 }],
    },
    {
      name: 'an override next to the merge key is reported and removed; the merged map stays',
      code: podWith('x-base: &base {privileged: false, runAsUser: 1000}\n', '  - name: a\n    image: x:1\n    securityContext:\n      <<: *base\n      privileged: true\n'),
      findings: [{ line: 12, column: 7, endColumn: 23 }],
      output: podWith('x-base: &base {privileged: false, runAsUser: 1000}\n', '  - name: a\n    image: x:1\n    securityContext:\n      <<: *base\n'),
    },
    {
      name: 'a container merged from an anchored one: reported once where it is written, and not edited, as the text is shared',
      code: podWith('', '  - &template\n    name: a\n    image: x:1\n    securityContext:\n      privileged: true\n  - <<: *template\n    name: b\n'),
      findings: [{ line: 11, column: 7, endColumn: 23, message: /Container `a`/ }],
    },
  ],
});

/** A Deployment whose metadata labels are anchored as `labels`, for selectors and templates to merge. */
function labelledDeployment(selector: string, templateLabels: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: &labels\n    app: web\nspec:\n  selector:\n${selector}  template:\n    metadata:\n${templateLabels}    spec:\n      containers:\n      - name: a\n        image: x:1\n`;
}

ruleTester('k8s-selector-mismatch', {
  valid: [
    { name: 'template labels merged in', code: labelledDeployment('    matchLabels:\n      app: web\n', '      labels:\n        <<: *labels\n        tier: front\n') },
    { name: 'selector labels merged in', code: labelledDeployment('    matchLabels: {<<: *labels}\n', '      labels: {app: web}\n') },
  ],
  invalid: [
    {
      name: 'a merged selector label the template overrides',
      code: labelledDeployment('    matchLabels: {<<: *labels}\n', '      labels: {<<: *labels, app: api}\n'),
      findings: [{ line: 6, column: 5, endColumn: 13, message: /asks for `app: web` but the pod template is labelled `app: api`/ }],
    },
  ],
});

ruleTester('k8s-restricted-volume-type', {
  valid: [
    {
      name: 'an allowed source merged into a volume',
      code: podWith('x-claim: &claim {persistentVolumeClaim: {claimName: data}}\n', '  - name: a\n    image: x:1\n  volumes:\n  - <<: *claim\n    name: data\n'),
    },
  ],
  invalid: [
    {
      name: 'a restricted source merged into a volume: reported where it is written',
      code: podWith('x-nfs: &nfs {nfs: {server: s, path: /x}}\n', '  - name: a\n    image: x:1\n  volumes:\n  - <<: *nfs\n    name: data\n'),
      findings: [{ line: 5, column: 14, endColumn: 17, message: /Volume `data` uses `nfs`/ }],
    },
  ],
});

ruleTester('k8s-baseline-other', {
  valid: [],
  invalid: [
    {
      name: 'an AppArmor annotation merged in',
      code: `apiVersion: v1\nkind: Pod\nx-annotations: &unconfined\n  container.apparmor.security.beta.kubernetes.io/a: unconfined\nmetadata:\n  name: p\n  annotations:\n    <<: *unconfined\nspec:\n  containers:\n  - name: a\n    image: x:1\n`,
      findings: [{ line: 4, column: 53, endColumn: 63, message: /AppArmor profile `unconfined`/ }],
    },
  ],
});
