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
