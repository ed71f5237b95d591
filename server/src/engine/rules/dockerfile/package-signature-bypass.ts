import { isWindowsStage } from '../../dockerfile/model';
import type { Range } from '../../types';
import type { DockerfileRule } from '../rule';
import { stageRunCommands, wordRange, type RunCommand } from './support/run-commands';
import { findWritten } from './support/written-text';

const APT = ['--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories'];
const RPM_FAMILY = ['--nogpgcheck', '--no-gpgchecks'];

/** Options that install packages without checking their signatures, by tool (canonical option names); a Map, so a command named `constructor` finds nothing. */
const OPTIONS = new Map<string, string[]>([
  ['apt-get', APT],
  ['apt', APT],
  ['aptitude', APT],
  ['apk', ['--allow-untrusted']],
  ['yum', RPM_FAMILY],
  ['dnf', RPM_FAMILY],
  ['microdnf', RPM_FAMILY],
  ['tdnf', RPM_FAMILY],
  ['zypper', ['--no-gpg-checks', '--no-gpgcheck']],
  ['rpm', ['--nosignature', '--nodigest', '--noverify', '--nofiledigest']],
]);

/** apt configuration (`-o` values, apt.conf files) that accepts unsigned packages or repositories. */
const APT_SETTING = /(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)\s*(?:=\s*|\s+)["']?(?:true|1|yes)\b["']?/i;
const SETOPT = /^(?:[\w.-]+\.)?gpgcheck=(?:0|false|no|off)$/i;
/** Written into repository files: yum/dnf/zypper `gpgcheck=0`, apt's `[trusted=yes]`, apt.conf settings. */
const WRITTEN = new RegExp(
  [String.raw`(?<![\w.-])gpgcheck\s*=\s*["']?(?:0|false|no|off)\b`, String.raw`(?<=\[[^\]\n]*)(?<![\w-])trusted=yes(?=[^\]\n]*\])`, APT_SETTING.source].join('|'),
  'gi',
);
/** deb822 sources (`Trusted: yes`), spelt as apt writes it so that other YAML-like files stay quiet. */
const DEB822_TRUSTED = /(?<![\w-])Trusted:[ \t]*yes\b/g;

function* bypasses(run: RunCommand): Generator<{ range: Range; what: string }> {
  const { description, script } = run;
  if (!description) return;
  // `rpm -K --nosignature` only checks digests; it installs nothing.
  const checking = description.tool === 'rpm' && (description.flags.has('-K') || description.flags.has('--checksig'));
  for (const flag of description.allFlags) {
    if (OPTIONS.get(description.tool)?.includes(flag.name) && !checking) yield { range: wordRange(script, flag.word), what: `\`${description.tool} ${flag.written}\`` };
    const value = flag.value ?? '';
    const setting = (flag.name === '-o' && ['apt-get', 'apt', 'aptitude'].includes(description.tool) && APT_SETTING.test(value)) || (flag.name === '--setopt' && SETOPT.test(value));
    if (setting) yield { range: script.rangeOf(flag.word.start, (flag.valueWord ?? flag.word).end), what: `\`${value}\`` };
  }
  for (const { text, range } of [...findWritten(run, WRITTEN), ...findWritten(run, DEB822_TRUSTED)]) yield { range, what: `\`${text}\`` };
}

export const packageSignatureBypass: DockerfileRule = {
  meta: {
    id: 'package-signature-bypass',
    defaultSeverity: 'warning',
    category: 'security',
    summary: 'Packages are installed without checking their signatures (`--allow-unauthenticated`, `--force-yes`, `apk --allow-untrusted`, `--nogpgcheck`, `gpgcheck=0`...).',
    why: 'Package signatures are what proves a package comes from the distribution or vendor and was not altered by a mirror, a proxy or anyone on the network path. Turning the check off lets a tampered package install silently, with root rights, into the image. An unsigned repository usually needs its key (`/etc/apt/keyrings`, `rpm --import`), not a bypass.',
    example: 'FROM debian:bookworm-slim\nRUN echo "deb [trusted=yes] http://repo.example.com/apt stable main" > /etc/apt/sources.list.d/example.list \\\n && apt-get update && apt-get install -y --allow-unauthenticated example-tool',
    useInstead:
      'FROM debian:bookworm-slim\nCOPY example.gpg /etc/apt/keyrings/example.gpg\nRUN echo "deb [signed-by=/etc/apt/keyrings/example.gpg] https://repo.example.com/apt stable main" > /etc/apt/sources.list.d/example.list \\\n && apt-get update && apt-get install -y --no-install-recommends example-tool',
    fixSafety: 'none',
    equivalents: ['Checkov CKV2_DOCKER_7', 'Checkov CKV2_DOCKER_8', 'Checkov CKV2_DOCKER_9', 'Checkov CKV2_DOCKER_10', 'Checkov CKV2_DOCKER_11'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      if (isWindowsStage(model, stage)) continue;
      for (const run of stageRunCommands(model, stage)) {
        for (const { range, what } of bypasses(run)) {
          report({ range, message: `${what} installs packages without checking their signatures, so a tampered package goes unnoticed; import the repository's signing key instead.` });
        }
      }
    }
  },
};
