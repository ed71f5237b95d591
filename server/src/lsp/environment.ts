/**
 * What the server lends the engine for a document on disk: the build context, the nearest
 * config file and which ShellCheck to run (shellcheck-answers.ts runs it). Disk reads are
 * cached briefly, since analysis runs on every pause in typing and the files they read rarely
 * change meanwhile.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildContext, EngineConfig, KubernetesHints } from '../engine';
import { mergeConfig } from '../engine/config/config-file';
import { buildContextFor } from '../host/build-context';
import { findConfigFor, type FoundConfig } from '../host/config-loader';
import { kubernetesHintsFor } from '../host/kustomize';
import { findShellcheck } from '../host/shellcheck';
import type { Settings } from './settings';

const FRESH_FOR_MS = 5000;

interface Cached<T> {
  value: T;
  at: number;
}

export interface DocumentEnvironment {
  config: EngineConfig;
  context?: BuildContext;
}

export class EnvironmentProvider {
  private readonly contexts = new Map<string, Cached<BuildContext>>();
  private readonly configs = new Map<string, Cached<FoundConfig>>();
  private readonly hints = new Map<string, Cached<KubernetesHints>>();
  /** By the configured path ('' for PATH): looking it up stats every PATH entry. */
  private readonly shellchecks = new Map<string, Cached<string | undefined>>();
  private readonly reportedConfigProblems = new Set<string>();

  /** `trusted` is false in an untrusted VS Code workspace: no external binaries then. */
  constructor(
    private readonly trusted: () => boolean,
    private readonly log: (message: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  for(uri: string, settings: Settings): DocumentEnvironment {
    const today = new Date(this.now()).toISOString().slice(0, 10);
    const path = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    if (!path) return { config: { ...settings.engine, today } };
    const found = this.cached(this.configs, dirname(path), () => findConfigFor(path));
    if (found.path && !this.reportedConfigProblems.has(found.path)) {
      this.reportedConfigProblems.add(found.path);
      for (const problem of found.problems) this.log(`${found.path}: ${problem}`);
    }
    return {
      config: { ...mergeConfig(found.config, settings.engine), today },
      context: this.cached(this.contexts, path, () => buildContextFor(path)),
    };
  }

  /** What a YAML file's surroundings say about it (a Kustomize patch is a fragment). */
  kubernetesHints(uri: string): KubernetesHints {
    if (!uri.startsWith('file:')) return {};
    const path = fileURLToPath(uri);
    return this.cached(this.hints, path, () => kubernetesHintsFor(path));
  }

  /** Files changed on disk: forget what was read. */
  invalidate(): void {
    this.contexts.clear();
    this.hints.clear();
    this.configs.clear();
    this.shellchecks.clear();
    this.reportedConfigProblems.clear();
  }

  /** The ShellCheck binary to run, when enabled, trusted and installed. */
  shellcheckBinary(settings: Settings): string | undefined {
    if (!settings.shellcheck.enable || !this.trusted()) return undefined;
    const path = settings.shellcheck.path;
    return this.cached(this.shellchecks, path ?? '', () => findShellcheck(path));
  }

  private cached<T>(map: Map<string, Cached<T>>, key: string, read: () => T): T {
    const hit = map.get(key);
    if (hit && this.now() - hit.at < FRESH_FOR_MS) return hit.value;
    const value = read();
    map.set(key, { value, at: this.now() });
    return value;
  }
}
