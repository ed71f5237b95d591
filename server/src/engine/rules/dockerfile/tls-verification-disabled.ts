import type { Env } from '../../dockerfile/syntax';
import { isWindowsStage } from '../../dockerfile/model';
import type { CommandDescription, ShellWord } from '../../shell';
import type { Range } from '../../types';
import type { DockerfileRule } from '../rule';
import { stageRunCommands, wordRange, type RunCommand } from './support/run-commands';
import { findWritten } from './support/written-text';

interface Insecure {
  range: Range;
  /** What turns verification off, as the message names it. */
  what: string;
}

/** Environment variables that turn verification off, with the values that do. */
const VARIABLES: { name: RegExp; insecure: (value: string) => boolean }[] = [
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, insecure: (value) => value === '0' },
  // Git skips verification whenever the variable is set, whatever its value.
  { name: /^GIT_SSL_NO_VERIFY$/, insecure: (value) => value !== '' },
  { name: /^PYTHONHTTPSVERIFY$/, insecure: (value) => value === '0' },
  // npm reads its npm_config_* variables case-insensitively.
  { name: /^npm_config_strict_ssl$/i, insecure: (value) => /^false$/i.test(value) },
  { name: /^YARN_ENABLE_STRICT_SSL$/, insecure: (value) => /^(false|0)$/i.test(value) },
  { name: /^PIP_TRUSTED_HOST$/, insecure: (value) => value.trim() !== '' },
];

/** Options that turn verification off, by tool (canonical option names); a Map, so a command named `constructor` finds nothing. */
const OPTIONS = new Map<string, string[]>([
  ['curl', ['-k', '--proxy-insecure', '--doh-insecure']],
  ['wget', ['--no-check-certificate']],
  ['apk', ['--no-check-certificate']],
  ['pip', ['--trusted-host']],
  ['npm', ['--no-strict-ssl']],
  ['pnpm', ['--no-strict-ssl']],
]);

const FALSE = /^(?:false|no|off|0)$/i;
/** Settings written into configuration files. */
const WRITTEN = new RegExp(
  [
    String.raw`(?<![\w.-])sslverify\s*=\s*["']?(?:0|false|no|off)\b`, // yum, dnf, .gitconfig
    String.raw`(?<![\w-])strict-ssl["']?\s*[=:\s]\s*["']?false\b`, // .npmrc, .yarnrc
    String.raw`\benableStrictSsl\s*:\s*["']?false\b`, // .yarnrc.yml
    String.raw`(?<![\w-])check_certificate\s*=\s*(?:off|0|false|no)\b`, // .wgetrc
    String.raw`(?<![\w-])trusted-host\s*=(?=\s*\S)|--trusted-host(?=[=\s]+\S)`, // pip.conf, requirements files
  ].join('|'),
  'gi',
);
const SETOPT = /^(?:[\w.-]+\.)?sslverify=(?:0|false|no|off)$/i;
const GIT_KEY = /^http\.(?:.+\.)?sslverify$/i;
const WGET_SETTING = /^check_certificate\s*=\s*(?:off|0|false|no)$/i;

function insecureVariable(name: string, value: string | undefined): boolean {
  return value !== undefined && !value.includes('$') && VARIABLES.some((variable) => variable.name.test(name) && variable.insecure(value));
}

/** `npm config set key value`, `npm set key=value`, `yarn config set …`, `pip config set …`. */
function configSet(description: CommandDescription): { key: string; value?: string; first: ShellWord; last: ShellWord } | undefined {
  const { subcommand, operands } = description;
  const words = subcommand?.name === 'set' ? operands : subcommand?.name === 'config' && operands[0]?.value === 'set' ? operands.slice(1) : [];
  const [keyWord, valueWord] = words;
  const written = keyWord?.value;
  if (written === undefined) return undefined;
  const equals = written.indexOf('=');
  if (equals > 0) return { key: written.slice(0, equals), value: written.slice(equals + 1), first: keyWord, last: keyWord };
  return { key: written, value: valueWord?.value, first: keyWord, last: valueWord ?? keyWord };
}

function* commandSettings(run: RunCommand): Generator<Insecure> {
  const { command, description, script } = run;
  const span = (first: ShellWord, last: ShellWord) => script.rangeOf(first.start, last.end);
  for (const assignment of command.assignments) {
    if (insecureVariable(assignment.name, assignment.value?.value)) yield { range: script.rangeOf(assignment.start, assignment.end), what: `\`${assignment.name}\`` };
  }
  if (!description) return;
  // `export A=b` and `env A=b cmd` pass their settings as words.
  const settingWords = description.tool === 'export' ? description.operands : description.environment;
  for (const word of settingWords) {
    const [, name, value] = /^([A-Za-z_]\w*)=(.*)$/s.exec(word.value ?? '') ?? [];
    if (name && insecureVariable(name, value)) yield { range: wordRange(script, word), what: `\`${name}\`` };
  }
  for (const flag of description.allFlags) {
    if (OPTIONS.get(description.tool)?.includes(flag.name)) yield { range: wordRange(script, flag.word), what: `\`${description.tool} ${flag.written}\`` };
    const value = flag.value ?? '';
    const insecureValue =
      (flag.name === '--setopt' && SETOPT.test(value)) ||
      (description.tool === 'git' && flag.name === '-c' && /^http\.(?:.+\.)?sslverify=(?:false|no|off|0)?$/i.test(value)) ||
      (description.tool === 'wget' && flag.name === '-e' && WGET_SETTING.test(value)) ||
      (['npm', 'pnpm'].includes(description.tool) && flag.name === '--strict-ssl' && FALSE.test(value));
    if (insecureValue) yield { range: span(flag.word, flag.valueWord ?? flag.word), what: `\`${value.includes('=') ? value : `${flag.written}=${value}`}\`` };
  }
  const setting = ['npm', 'pnpm', 'yarn', 'pip'].includes(description.tool) ? configSet(description) : undefined;
  if (setting && (/^(?:strict-ssl|enableStrictSsl)$/.test(setting.key) ? FALSE.test(setting.value ?? '') : /(?:^|\.)trusted-host$/.test(setting.key))) {
    yield { range: span(setting.first, setting.last), what: `the ${description.tool} setting \`${setting.key}\`` };
  }
  const [key, value] = description.tool === 'git' && description.subcommand?.name === 'config' ? description.operands.filter((word) => word.value !== 'set') : [];
  if (key && value && GIT_KEY.test(key.value ?? '') && FALSE.test(value.value ?? 'true')) yield { range: span(key, value), what: `the Git setting \`${key.value}\`` };
  for (const { text, range } of findWritten(run, WRITTEN)) yield { range, what: `\`${text.trim()}\`` };
}

export const tlsVerificationDisabled: DockerfileRule = {
  meta: {
    id: 'tls-verification-disabled',
    defaultSeverity: 'warning',
    category: 'security',
    summary: 'TLS certificate verification is turned off (`curl -k`, `wget --no-check-certificate`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `sslverify=false`...).',
    why: 'Without certificate checks anyone on the network path (a compromised proxy, a rogue Wi-Fi, a poisoned DNS answer) can answer in the server\'s name and hand the build a tampered package, script or binary, which then ships in the image. Settings written into ENV or configuration files keep the hole open at run time too. A failing certificate check almost always means a missing CA certificate: install `ca-certificates` or add the corporate CA instead.',
    example: 'FROM debian:bookworm-slim\nRUN curl -kfsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin\nENV NODE_TLS_REJECT_UNAUTHORIZED=0',
    useInstead: 'FROM debian:bookworm-slim\nCOPY corporate-ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates && curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin',
    fixSafety: 'none',
    equivalents: [
      'Checkov CKV2_DOCKER_2', 'Checkov CKV2_DOCKER_3', 'Checkov CKV2_DOCKER_4', 'Checkov CKV2_DOCKER_5', 'Checkov CKV2_DOCKER_6',
      'Checkov CKV2_DOCKER_12', 'Checkov CKV2_DOCKER_13', 'Checkov CKV2_DOCKER_14', 'Checkov CKV2_DOCKER_15', 'Checkov CKV2_DOCKER_16',
    ],
  },
  check({ model, report }) {
    const found: Insecure[] = [];
    for (const instruction of model.ast.getInstructions()) {
      if (instruction.getKeyword() !== 'ENV' && instruction.getKeyword() !== 'ARG') continue;
      for (const property of (instruction as Env).getProperties()) {
        const valueRange = property.getValueRange();
        if (!valueRange || !insecureVariable(property.getName(), property.getValue() ?? undefined)) continue;
        found.push({ range: { start: property.getNameRange().start, end: valueRange.end }, what: `\`${property.getName()}\`` });
      }
    }
    for (const stage of model.stages) {
      if (isWindowsStage(model, stage)) continue;
      for (const run of stageRunCommands(model, stage)) found.push(...commandSettings(run));
    }
    for (const { range, what } of found) {
      report({ range, message: `${what} turns off TLS certificate verification, so a man-in-the-middle can tamper with what is downloaded; trust the right CA certificates instead.` });
    }
  },
};
