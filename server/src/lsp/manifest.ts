/**
 * The `contributes.configuration` part of package.json, built from the rule metadata so the
 * settings editor knows every rule id. `scripts/generate-manifest.mjs` writes it and a test
 * fails when package.json is stale. Not part of the server bundle.
 */
import { ruleDocsUrl, type RuleMeta } from '../engine';
import { NEWEST_MINOR } from '../engine/kubernetes/data/pod-security';
import { DEFAULT_SETTINGS, SECTION, SEVERITY_SETTINGS } from './settings';

const SEVERITY_DESCRIPTIONS: Record<(typeof SEVERITY_SETTINGS)[number], string> = {
  off: 'Do not run the rule.',
  info: 'Report as information.',
  warning: 'Report as a warning.',
  error: 'Report as an error.',
};

export function configurationContribution(rules: readonly RuleMeta[]) {
  const severity = { type: 'string', enum: SEVERITY_SETTINGS, enumDescriptions: SEVERITY_SETTINGS.map((value) => SEVERITY_DESCRIPTIONS[value]) };
  return {
    title: 'Shipshape',
    properties: {
      [`${SECTION}.enable`]: {
        type: 'boolean',
        default: DEFAULT_SETTINGS.enable,
        description: 'Check Dockerfiles and Kubernetes manifests while you type.',
        scope: 'resource',
      },
      [`${SECTION}.rules`]: {
        type: 'object',
        default: {},
        markdownDescription: 'Severity per rule id, or `off`. A rule not listed keeps its default severity. Example: `{ "image-latest-tag": "error", "consecutive-run": "off" }`.',
        properties: Object.fromEntries(
          rules.map((rule) => [
            rule.id,
            { ...severity, default: rule.defaultSeverity, markdownDescription: `${rule.summary} Default: \`${rule.defaultSeverity}\`. [Docs](${ruleDocsUrl(rule.id)})` },
          ]),
        ),
        additionalProperties: false,
        scope: 'resource',
      },
      [`${SECTION}.dockerfile.shippedStage`]: {
        type: 'string',
        default: '',
        markdownDescription: 'Name or index of the build stage that ships (rules such as `user-root` check only that stage). Empty means the last stage.',
        scope: 'resource',
      },
      [`${SECTION}.kubernetes.profile`]: {
        type: 'string',
        enum: ['', 'restricted', 'baseline'],
        enumDescriptions: ['From `.shipshape.yaml` (`kubernetes.profile`), else restricted.', 'Every Pod Security Standards control (the default).', 'Only the baseline controls: the rules only the restricted level asks for stay silent.'],
        default: '',
        markdownDescription: 'The [Pod Security Standards](https://kubernetes.io/docs/concepts/security/pod-security-standards/) level Kubernetes manifests are checked against. Empty means `.shipshape.yaml`, else `restricted`.',
        scope: 'resource',
      },
      [`${SECTION}.kubernetes.version`]: {
        type: 'string',
        default: '',
        pattern: '^(v?1\\.[0-9]+(\\.[0-9]+)?)?$',
        markdownDescription: `The Kubernetes version of your clusters, e.g. \`1.32\`: which sysctls, SELinux types and API versions are allowed depends on it. Empty means \`.shipshape.yaml\`, else 1.${NEWEST_MINOR}, the newest the bundled Pod Security data describes.`,
        scope: 'resource',
      },
      [`${SECTION}.shellcheck.enable`]: {
        type: 'boolean',
        default: DEFAULT_SETTINGS.shellcheck.enable,
        markdownDescription: 'Run [ShellCheck](https://www.shellcheck.net) on shell-form RUN instructions (rule `shellcheck`), when it is installed. Only in trusted workspaces.',
        scope: 'resource',
      },
      [`${SECTION}.shellcheck.path`]: {
        type: 'string',
        default: '',
        markdownDescription: 'Path of the `shellcheck` binary. Empty means `shellcheck` on the PATH.',
        scope: 'machine-overridable',
      },
      [`${SECTION}.registry.offline`]: {
        type: 'boolean',
        default: DEFAULT_SETTINGS.registry.offline,
        markdownDescription: 'Never contact a registry: **Pin to digest** then uses only digests resolved before (cached) and otherwise says it is offline.',
        scope: 'window',
      },
      [`${SECTION}.registry.timeoutMs`]: {
        type: 'number',
        default: DEFAULT_SETTINGS.registry.timeoutMs,
        minimum: 100,
        maximum: 120000,
        markdownDescription: 'How long one registry request may take, in milliseconds, before **Pin to digest** gives up with a message.',
        scope: 'window',
      },
      [`${SECTION}.registry.insecureRegistries`]: {
        type: 'array',
        items: { type: 'string' },
        default: [],
        markdownDescription: 'Registries (`host:port`) reached over plain http. Loopback registries (`localhost`, `127.0.0.1`) always are; every other registry only over https.',
        scope: 'machine-overridable',
      },
      [`${SECTION}.registry.credentialHelpers`]: {
        type: 'boolean',
        default: DEFAULT_SETTINGS.registry.credentialHelpers,
        markdownDescription: 'Let **Pin to digest** run the credential helpers your Docker config names (`credsStore`, `credHelpers`, e.g. `docker-credential-desktop`) for private registries. Only in trusted workspaces; `auths` entries are read either way.',
        scope: 'machine',
      },
      [`${SECTION}.workspace.imageMappings`]: {
        type: 'object',
        default: {},
        additionalProperties: { type: 'string' },
        markdownDescription: 'Which Dockerfile builds an image, for the cross-file (`xref-*`) checks, when no `skaffold.yaml`, Compose file, Makefile, script or workflow says so: image repository → Dockerfile path relative to the workspace folder. Example: `{ "ghcr.io/acme/cart": "services/cart/Dockerfile" }`. These win over build definitions.',
        scope: 'resource',
      },
      [`${SECTION}.size.platform`]: {
        type: 'string',
        default: '',
        pattern: '^([a-zA-Z0-9_-]+(/[a-zA-Z0-9_.-]+){0,2})?$',
        markdownDescription: 'A platform you run images on besides `linux/amd64`, e.g. `linux/arm64`: the hover on `FROM` (and the size breakdown) also shows the base image\'s download size for it, from the registry. A `FROM --platform=` with a fixed value wins. Empty means linux/amd64 only, the platform of the catalog\'s figures.',
        scope: 'resource',
      },
      [`${SECTION}.trace.server`]: {
        type: 'string',
        enum: ['off', 'messages', 'verbose'],
        default: 'off',
        description: 'Traces the messages between VS Code and the Shipshape language server in the Shipshape output channel.',
        scope: 'window',
      },
    },
  };
}
