import { parse } from 'yaml';
import { dockerfileRules, kubernetesRules } from '../rules';
import type { EngineConfig, KubernetesConfig, Severity, SeveritySetting } from '../types';
import { rulesForForeignCheck } from './equivalents';

export type FailOn = Severity | 'none';

/** A configuration file read into engine settings, with what could not be understood. */
export interface LoadedConfig {
  config: EngineConfig;
  /** The CLI's `--fail-on` default from the file (hadolint's `failure-threshold`). */
  failOn?: FailOn;
  problems: string[];
}

const SEVERITIES = new Set<SeveritySetting>(['off', 'info', 'warning', 'error']);
const KNOWN_RULES = () => new Set([...dockerfileRules, ...kubernetesRules].map((rule) => rule.meta.id));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, field: string, problems: string[]): string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  problems.push(`\`${field}\` must be a list of strings`);
  return undefined;
}

function parseDocument(text: string, problems: string[]): Record<string, unknown> {
  try {
    const value: unknown = parse(text, { maxAliasCount: 100 });
    if (value === null || value === undefined) return {};
    if (isRecord(value)) return value;
    problems.push('the file is not a mapping of settings');
  } catch (error) {
    problems.push(`not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  return {};
}

/**
 * `.shipshape.yaml`:
 *   rules: { <id>: off|info|warning|error }
 *   trustedRegistries: [docker.io, ghcr.io]
 *   shippedStage: production
 *   failOn: warning
 *   kubernetes: { profile: restricted|baseline, version: "1.32" }
 */
export function parseShipshapeConfig(text: string): LoadedConfig {
  const problems: string[] = [];
  const document = parseDocument(text, problems);
  const config: EngineConfig = {};
  const known = KNOWN_RULES();
  if (document.rules !== undefined) {
    if (!isRecord(document.rules)) problems.push('`rules` must map rule ids to off, info, warning or error');
    else {
      config.rules = {};
      for (const [id, level] of Object.entries(document.rules)) {
        const setting = level === false ? 'off' : level;
        if (!known.has(id)) problems.push(`unknown rule \`${id}\``);
        else if (typeof setting !== 'string' || !SEVERITIES.has(setting as SeveritySetting)) problems.push(`\`rules.${id}\` must be off, info, warning or error`);
        else config.rules[id] = setting as SeveritySetting;
      }
    }
  }
  config.trustedRegistries = stringList(document.trustedRegistries, 'trustedRegistries', problems);
  // Listing registries asks for the check, which is off by default.
  if (config.trustedRegistries?.length && config.rules?.['image-untrusted-registry'] === undefined) config.rules = { ...config.rules, 'image-untrusted-registry': 'warning' };
  if (document.shippedStage !== undefined) config.shippedStage = String(document.shippedStage);
  if (document.kubernetes !== undefined) config.kubernetes = parseKubernetes(document.kubernetes, problems);
  let failOn: FailOn | undefined;
  if (document.failOn !== undefined) {
    if (['none', 'info', 'warning', 'error'].includes(String(document.failOn))) failOn = String(document.failOn) as FailOn;
    else problems.push('`failOn` must be none, info, warning or error');
  }
  return { config: withoutUndefined(config), failOn, problems };
}

function parseKubernetes(value: unknown, problems: string[]): KubernetesConfig | undefined {
  if (!isRecord(value)) {
    problems.push('`kubernetes` must be a mapping with `profile` and `version`');
    return undefined;
  }
  const kubernetes: KubernetesConfig = {};
  if (value.profile === 'restricted' || value.profile === 'baseline') kubernetes.profile = value.profile;
  else if (value.profile !== undefined) problems.push('`kubernetes.profile` must be restricted or baseline');
  // `version: 1.30` reads as the number 1.3: ask for quotes rather than guess.
  if (typeof value.version === 'string' && /^v?1\.\d+(\.\d+)?$/.test(value.version.trim())) kubernetes.version = value.version.trim();
  else if (value.version !== undefined) problems.push('`kubernetes.version` must be a quoted Kubernetes version such as "1.32"');
  return kubernetes;
}

const HADOLINT_LEVELS: Record<string, SeveritySetting> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };
const HADOLINT_THRESHOLDS: Record<string, FailOn> = { error: 'error', warning: 'warning', info: 'info', style: 'info', ignore: 'none', none: 'none' };

/**
 * `.hadolint.yaml`, for teams switching over: `ignored`, `override`, `trustedRegistries` and
 * `failure-threshold`, mapped onto our rules through their hadolint equivalents.
 */
export function parseHadolintConfig(text: string): LoadedConfig {
  const problems: string[] = [];
  const document = parseDocument(text, problems);
  const rules: Record<string, SeveritySetting> = {};
  if (isRecord(document.override)) {
    for (const [level, codes] of Object.entries(document.override)) {
      const setting = HADOLINT_LEVELS[level];
      for (const code of stringList(codes, `override.${level}`, problems) ?? []) {
        for (const id of rulesForForeignCheck('hadolint', code)) if (setting) rules[id] = setting;
      }
    }
  }
  for (const code of stringList(document.ignored, 'ignored', problems) ?? []) {
    for (const id of rulesForForeignCheck('hadolint', code)) rules[id] = 'off';
  }
  const threshold = document['failure-threshold'];
  const failOn = typeof threshold === 'string' ? HADOLINT_THRESHOLDS[threshold] : undefined;
  if (threshold !== undefined && !failOn) problems.push('`failure-threshold` must be error, warning, info, style, ignore or none');
  const trustedRegistries = stringList(document.trustedRegistries, 'trustedRegistries', problems);
  // In hadolint a registry list is what switches DL3026 on.
  if (trustedRegistries?.length) rules['image-untrusted-registry'] ??= 'warning';
  const config: EngineConfig = { rules: Object.keys(rules).length ? rules : undefined, trustedRegistries };
  return { config: withoutUndefined(config), failOn, problems };
}

function withoutUndefined(config: EngineConfig): EngineConfig {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined)) as EngineConfig;
}

/** Settings closer to the user (editor settings, command-line flags) win over the file. */
export function mergeConfig(file: EngineConfig, overrides: EngineConfig): EngineConfig {
  return withoutUndefined({
    ...file,
    ...withoutUndefined(overrides),
    rules: file.rules || overrides.rules ? { ...file.rules, ...overrides.rules } : undefined,
    kubernetes: file.kubernetes || overrides.kubernetes ? { ...file.kubernetes, ...definedOnly(overrides.kubernetes) } : undefined,
  });
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
