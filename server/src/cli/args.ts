import { parseArgs } from 'node:util';
import { findRule, type FixSafety, type KubernetesConfig, type Severity, type SeveritySetting } from '../engine';
import { CliError } from './io';

const OUTPUT_FORMATS = ['text', 'json', 'sarif'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const FAIL_ON_LEVELS = ['info', 'warning', 'error', 'none'] as const;
type FailOn = Severity | 'none';

const SEVERITY_SETTINGS = ['off', 'info', 'warning', 'error'] as const;

export interface CheckOptions {
  paths: string[];
  format: OutputFormat;
  rules: Record<string, SeveritySetting>;
  /** Undefined when not given: the config file's threshold applies, else `warning`. */
  failOn?: FailOn;
  /** The fix safeties to apply in place: none, `safe` (--fix) or both (--fix-unsafe, never the default). */
  fix: FixSafety[];
  /** --k8s-profile and --k8s-version; unset fields come from the config file. */
  kubernetes?: KubernetesConfig;
}

export interface PinOptions {
  paths: string[];
  /** Re-resolve images already pinned and replace digests that moved. */
  update: boolean;
  /** host:port registries reached over plain http (loopback ones always are). */
  insecureRegistries: string[];
  /** Never touch the network: every lookup fails with a clear message. */
  offline: boolean;
}

export interface SizeOptions {
  paths: string[];
  format: 'text' | 'json';
  /** The stage whose image ships (default: the last). */
  shippedStage?: string;
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'check'; options: CheckOptions } | { kind: 'pin'; options: PinOptions } | { kind: 'size'; options: SizeOptions };

const USAGE = 'usage: shipshape check|pin|size [options] [paths...]';

/** Bad command lines: exit 2 with a pointer to --help. */
export class UsageError extends CliError {}

export function parseCommandLine(argv: readonly string[]): Command {
  const { values, positionals } = parseOrExplain(argv);
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError(`missing command; ${USAGE}`);
  if (command !== 'size' && values['shipped-stage'] !== undefined) throw new UsageError('--shipped-stage belongs to shipshape size');
  if (command === 'pin') return { kind: 'pin', options: pinOptions(values, paths) };
  if (command === 'size') return { kind: 'size', options: sizeOptions(values, paths) };
  if (command !== 'check') throw new UsageError(`unknown command "${command}"; ${USAGE}`);
  for (const option of PIN_ONLY) if (values[option] !== undefined) throw new UsageError(`--${option} belongs to shipshape pin`);
  return {
    kind: 'check',
    options: {
      paths,
      format: oneOf('--format', values.format ?? 'text', OUTPUT_FORMATS),
      failOn: values['fail-on'] === undefined ? undefined : oneOf('--fail-on', values['fail-on'], FAIL_ON_LEVELS),
      rules: parseRuleOverrides(values.rule ?? []),
      fix: values['fix-unsafe'] ? ['safe', 'unsafe'] : values.fix ? ['safe'] : [],
      kubernetes: kubernetesOptions(values['k8s-profile'], values['k8s-version']),
    },
  };
}

const PIN_ONLY = ['update', 'insecure-registry', 'offline'] as const;
const CHECK_ONLY = ['format', 'rule', 'fail-on', 'fix', 'fix-unsafe'] as const;

function sizeOptions(values: ReturnType<typeof parseOrExplain>['values'], paths: string[]): SizeOptions {
  for (const option of [...PIN_ONLY, 'rule', 'fail-on', 'fix', 'fix-unsafe', 'k8s-profile', 'k8s-version'] as const) {
    if (values[option] !== undefined) throw new UsageError(`--${option} does not apply to shipshape size`);
  }
  return { paths, format: oneOf('--format', values.format ?? 'text', ['text', 'json'] as const), shippedStage: values['shipped-stage'] };
}

function pinOptions(values: ReturnType<typeof parseOrExplain>['values'], paths: string[]): PinOptions {
  for (const option of CHECK_ONLY) if (values[option] !== undefined) throw new UsageError(`--${option} belongs to shipshape check`);
  const insecureRegistries = values['insecure-registry'] ?? [];
  for (const host of insecureRegistries) {
    if (!/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host)) throw new UsageError(`--insecure-registry expects host[:port], not "${host}"`);
  }
  return { paths, update: values.update === true, insecureRegistries, offline: values.offline === true };
}

function parseOrExplain(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        rule: { type: 'string', multiple: true },
        'fail-on': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-unsafe': { type: 'boolean' },
        update: { type: 'boolean' },
        'insecure-registry': { type: 'string', multiple: true },
        offline: { type: 'boolean' },
        'k8s-profile': { type: 'string' },
        'k8s-version': { type: 'string' },
        'shipped-stage': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    // Node's first sentence says what is wrong; the rest is advice about `--` we need not repeat.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split(/\.\s/)[0]);
  }
}

function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not "${value}"`);
}

function kubernetesOptions(profile: string | undefined, version: string | undefined): KubernetesConfig | undefined {
  if (profile === undefined && version === undefined) return undefined;
  if (version !== undefined && !/^v?1\.\d+(\.\d+)?$/.test(version)) throw new UsageError(`--k8s-version expects a Kubernetes version such as 1.32, not "${version}"`);
  return { profile: profile === undefined ? undefined : oneOf('--k8s-profile', profile, ['restricted', 'baseline'] as const), version };
}

function parseRuleOverrides(specs: readonly string[]): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  for (const spec of specs) {
    const separator = spec.lastIndexOf('=');
    if (separator < 0) throw new UsageError(`--rule expects <id>=${SEVERITY_SETTINGS.join('|')}, not "${spec}"`);
    const id = spec.slice(0, separator).trim();
    if (!findRule(id)) throw new UsageError(`--rule ${spec}: unknown rule "${id}"`);
    rules[id] = oneOf(`--rule ${id}`, spec.slice(separator + 1).trim(), SEVERITY_SETTINGS);
  }
  return rules;
}
