import type { EngineConfig, KubernetesConfig, SeveritySetting } from '../engine';
import { normalizePlatform } from '../engine/size/estimate';

/** The configuration section every `shipshape.*` setting lives under. */
export const SECTION = 'shipshape';

/** How Pin to digest reaches registries. */
export interface RegistrySettings {
  /** Never touch the network: pins come from the cache or fail with a message. */
  offline: boolean;
  timeoutMs: number;
  /** host:port registries reached over plain http (loopback ones always are). */
  insecureRegistries: string[];
  /** Run the docker config's credsStore/credHelpers programs (in trusted workspaces only). */
  credentialHelpers: boolean;
}

export interface Settings {
  enable: boolean;
  engine: EngineConfig;
  shellcheck: { enable: boolean; path?: string };
  registry: RegistrySettings;
  /** Image repository (`ghcr.io/acme/cart`) → workspace-relative Dockerfile, over what build definitions say. */
  workspace: { imageMappings: Record<string, string> };
}

export const DEFAULT_SETTINGS: Settings = { enable: true, engine: {}, shellcheck: { enable: true }, registry: { offline: false, timeoutMs: 10_000, insecureRegistries: [], credentialHelpers: false }, workspace: { imageMappings: {} } };

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'info', 'warning', 'error'];

/**
 * Turns whatever a client sent for the `shipshape` section into complete settings. Editors
 * other than VS Code validate nothing, so null, partial and mistyped values are expected and
 * fall back to defaults instead of failing the analysis.
 */
export function parseSettings(raw: unknown): Settings {
  const section = isRecord(raw) ? raw : {};
  const rules: Record<string, SeveritySetting> = {};
  if (isRecord(section.rules)) {
    for (const [id, value] of Object.entries(section.rules)) {
      const severity = SEVERITY_SETTINGS.find((candidate) => candidate === value);
      if (severity) rules[id] = severity;
    }
  }
  const dockerfile = isRecord(section.dockerfile) ? section.dockerfile : {};
  const shippedStage = typeof dockerfile.shippedStage === 'string' ? dockerfile.shippedStage.trim() : '';
  const size = isRecord(section.size) ? section.size : {};
  const sizePlatform = normalizePlatform(typeof size.platform === 'string' ? size.platform : undefined);
  const shellcheck = isRecord(section.shellcheck) ? section.shellcheck : {};
  const kubernetesSection = isRecord(section.kubernetes) ? section.kubernetes : {};
  // Empty means: what .shipshape.yaml says, else the engine's default (restricted, newest version).
  const kubernetes: KubernetesConfig = {
    profile: kubernetesSection.profile === 'baseline' || kubernetesSection.profile === 'restricted' ? kubernetesSection.profile : undefined,
    version: typeof kubernetesSection.version === 'string' && kubernetesSection.version.trim() ? kubernetesSection.version.trim() : undefined,
  };
  const shellcheckPath = typeof shellcheck.path === 'string' ? shellcheck.path.trim() : '';
  const registry = isRecord(section.registry) ? section.registry : {};
  const timeoutMs = typeof registry.timeoutMs === 'number' && registry.timeoutMs >= 100 ? Math.min(registry.timeoutMs, 120_000) : DEFAULT_SETTINGS.registry.timeoutMs;
  const workspace = isRecord(section.workspace) ? section.workspace : {};
  const imageMappings = isRecord(workspace.imageMappings) ? Object.fromEntries(Object.entries(workspace.imageMappings).filter((entry): entry is [string, string] => typeof entry[1] === 'string')) : {};
  const insecureRegistries = Array.isArray(registry.insecureRegistries) ? registry.insecureRegistries.filter((host): host is string => typeof host === 'string' && host.trim() !== '').map((host) => host.trim()) : [];
  return {
    enable: section.enable !== false,
    engine: { rules, shippedStage: shippedStage || undefined, kubernetes: kubernetes.profile || kubernetes.version ? kubernetes : undefined, sizePlatform },
    shellcheck: { enable: shellcheck.enable !== false, path: shellcheckPath || undefined },
    registry: { offline: registry.offline === true, timeoutMs, insecureRegistries, credentialHelpers: registry.credentialHelpers === true },
    workspace: { imageMappings },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The workspace folder (of `folderUris`) whose settings a document gets: the innermost one
 * holding it, or '' for a document outside every folder (user and workspace settings only).
 * VS Code resolves a resource's settings by its folder alone: `workspace/configuration` carries
 * no language, so language-specific settings do not apply per document.
 */
export function settingsScope(uri: string, folderUris: readonly string[]): string {
  let scope = '';
  for (const folder of folderUris) {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    if ((uri === folder || uri.startsWith(prefix)) && folder.length > scope.length) scope = folder;
  }
  return scope;
}

/**
 * Settings per document. Clients that support `workspace/configuration` are asked once per
 * workspace folder (settings may differ per folder, not per file in it) until the
 * configuration or the folders change; other clients push one set of settings with
 * `workspace/didChangeConfiguration`.
 */
export class SettingsStore {
  private readonly pulled = new Map<string, Promise<Settings>>();
  private pushed = DEFAULT_SETTINGS;

  constructor(
    private readonly pull: ((uri: string) => Promise<unknown>) | undefined,
    private readonly log: (message: string) => void,
    /** The key documents sharing their settings share (see settingsScope). */
    private readonly scopeOf: (uri: string) => string = (uri) => uri,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    const scope = this.scopeOf(uri);
    let settings = this.pulled.get(scope);
    if (!settings) {
      settings = this.pull(uri).then(parseSettings, (error: unknown) => {
        // Not cached, so the next analysis asks again.
        this.pulled.delete(scope);
        this.log(`Reading settings for ${uri} failed, using defaults: ${error instanceof Error ? error.message : String(error)}`);
        return DEFAULT_SETTINGS;
      });
      this.pulled.set(scope, settings);
    }
    return settings;
  }

  /** `pushedSection` is the `shipshape` part of a didChangeConfiguration, used only by push clients. */
  changed(pushedSection: unknown): void {
    this.pulled.clear();
    if (!this.pull) this.pushed = parseSettings(pushedSection);
  }

  /** Workspace folders were added or removed: a document's folder may be another one now. */
  foldersChanged(): void {
    this.pulled.clear();
  }
}
