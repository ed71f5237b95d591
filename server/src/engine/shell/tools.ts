/**
 * How the command-line tools rules care about read their arguments, as data. An option
 * missing here still parses (as a flag without a value), so a table only needs the options
 * that take a value, the long or alternative spellings rules should not have to know, and
 * the quirks below.
 */
export interface ToolSpec {
  /** Options that take a value: the next word (`-o file`), the rest of a bundle (`-ofile`) or after `=`. Any long option takes one after `=`. */
  valued?: readonly string[];
  /** Other spellings of an option, mapped to the key rules look up (`--yes` → `-y`). */
  aliases?: Readonly<Record<string, string>>;
  /** Words that look like bundled short options but are one option (`-qq`, `-pl`). */
  atoms?: readonly string[];
  /** The first operand is a subcommand; the record maps its aliases (`i` → `install`). */
  subcommands?: true | Readonly<Record<string, string>>;
  /** Options are whole words after one dash (`go build -ldflags ...`): nothing is bundled. */
  singleDashLong?: true;
  /** The first argument may be a bundle without its dash (`tar xzf a.tgz`). */
  dashlessBundle?: true;
  /** Wrappers run the command that follows their options and `NAME=value` words. */
  wrapper?: true;
}

const APT: ToolSpec = {
  valued: ['-o', '-c', '-t', '-a'],
  aliases: {
    '--yes': '-y', '--assume-yes': '-y', '--quiet': '-q', '--option': '-o', '--config-file': '-c', '--target-release': '-t',
    '--default-release': '-t', '--fix-broken': '-f', '--fix-missing': '-m', '--download-only': '-d', '--simulate': '-s',
    '--just-print': '-s', '--dry-run': '-s', '--recon': '-s', '--no-act': '-s', '--host-architecture': '-a',
  },
  atoms: ['-qq', '-qqq'],
  subcommands: true,
};

const RPM: ToolSpec = {
  valued: ['-c', '-d', '-e', '-x', '--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '--repo', '--repoid', '--exclude', '--config'],
  aliases: { '--assumeyes': '-y', '--assumeno': '-n', '--quiet': '-q', '--exclude': '-x', '--config': '-c', '--debuglevel': '-d', '--errorlevel': '-e' },
  subcommands: { erase: 'remove', rm: 'remove', 'update-minimal': 'upgrade-minimal' },
};

const PIP: ToolSpec = {
  valued: [
    '-r', '-c', '-e', '-i', '-t', '-f', '--extra-index-url', '--prefix', '--root', '--trusted-host', '--cache-dir', '--platform',
    '--python-version', '--only-binary', '--no-binary', '--upgrade-strategy', '--progress-bar', '--log', '--timeout',
    '--retries', '--src', '--implementation', '--abi', '--root-user-action', '--python', '--proxy', '--cert', '--client-cert',
  ],
  aliases: {
    '--requirement': '-r', '--constraint': '-c', '--editable': '-e', '--index-url': '-i', '--target': '-t', '--find-links': '-f',
    '--upgrade': '-U', '--ignore-installed': '-I', '--quiet': '-q', '--verbose': '-v', '--yes': '-y',
  },
  subcommands: true,
};

const NODE_PM_COMMON = { '--global': '-g', '--save-dev': '-D', '--dev': '-D', '--save-prod': '-P', '--prod': '-P', '--save-exact': '-E', '--exact': '-E', '--force': '-f', '--silent': '-s', '--quiet': '-q' };

const USERS: ToolSpec = {
  valued: ['-u', '-g', '-G', '-d', '-s', '-c', '-k', '-K', '-e', '-f', '-p', '-b', '-Z', '-R', '-P'],
  aliases: {
    '--uid': '-u', '--gid': '-g', '--groups': '-G', '--home-dir': '-d', '--shell': '-s', '--comment': '-c', '--skel': '-k',
    '--key': '-K', '--expiredate': '-e', '--inactive': '-f', '--password': '-p', '--base-dir': '-b', '--root': '-R',
    '--prefix': '-P', '--system': '-r', '--no-log-init': '-l', '--create-home': '-m', '--no-create-home': '-M',
    '--no-user-group': '-N', '--user-group': '-U', '--non-unique': '-o',
  },
};

/** Debian's adduser/addgroup (long options) and BusyBox's (short ones) share the names. */
const ADDUSER: ToolSpec = {
  valued: ['-u', '-g', '-G', '-h', '-s', '-k', '--uid', '--gid', '--home', '--shell', '--gecos', '--ingroup', '--comment', '--firstuid', '--lastuid', '--firstgid', '--lastgid', '--conf', '--add-extra-groups'],
  aliases: { '--system': '-S', '--disabled-password': '-D', '--no-create-home': '-H' },
};

/** Docker's and Podman's global options and those of `build` (buildx, podman and BuildKit spellings). */
const CONTAINER_CLI: ToolSpec = {
  valued: [
    '-t', '-f', '-o', '-m', '-c', '-H', '-l', '-v', '--target', '--build-arg', '--build-context', '--platform', '--label', '--cache-from',
    '--cache-to', '--secret', '--ssh', '--network', '--progress', '--iidfile', '--metadata-file', '--add-host', '--builder', '--shm-size',
    '--ulimit', '--cgroup-parent', '--isolation', '--memory-swap', '--cpuset-cpus', '--allow', '--attest', '--annotation', '--config',
    '--context', '--log-level', '--authfile', '--creds', '--format', '--jobs', '--os', '--arch', '--variant', '--layers', '--from',
    '--security-opt', '--runtime', '--connection', '--url', '--storage-driver', '--root', '--runroot',
  ],
  aliases: { '--tag': '-t', '--file': '-f', '--output': '-o', '--memory': '-m', '--cpu-shares': '-c', '--host': '-H', '--volume': '-v', '--quiet': '-q' },
  subcommands: true,
};

const TOOLS: Readonly<Record<string, ToolSpec>> = {
  docker: CONTAINER_CLI,
  podman: CONTAINER_CLI,
  'apt-get': APT,
  apt: APT,
  apk: {
    valued: ['-X', '-p', '-t', '--cache-dir', '--arch', '--keys-dir', '--repositories-file', '--cache-max-age'],
    aliases: { '--repository': '-X', '--root': '-p', '--virtual': '-t', '--update-cache': '-U', '--upgrade': '-u', '--quiet': '-q', '--verbose': '-v', '--interactive': '-i' },
    subcommands: true,
  },
  yum: RPM,
  dnf: RPM,
  microdnf: RPM,
  zypper: {
    valued: ['-R', '-c', '-D', '-C', '-t', '-r', '--from', '--root', '--config', '--reposd-dir', '--cache-dir', '--type', '--repo'],
    aliases: { '--non-interactive': '-n', '--quiet': '-q', '--no-confirm': '-y', '--auto-agree-with-licenses': '-l', '--root': '-R', '--type': '-t', '--repo': '-r' },
    subcommands: { in: 'install', rm: 'remove', ref: 'refresh', up: 'update', dup: 'dist-upgrade', cc: 'clean', se: 'search', ar: 'addrepo', rr: 'removerepo', ve: 'verify' },
  },
  pip: PIP,
  npm: {
    valued: ['-w', '-C', '--prefix', '--registry', '--cache', '--workspace', '--omit', '--include', '--only', '--loglevel', '--tag', '--userconfig', '--location', '--install-strategy'],
    aliases: { ...NODE_PM_COMMON, '--workspace': '-w', '--prefix': '-C' },
    subcommands: { i: 'install', in: 'install', add: 'install', 'clean-install': 'ci', ic: 'ci', 'install-clean': 'ci', un: 'uninstall', remove: 'uninstall', rm: 'uninstall', r: 'uninstall', unlink: 'uninstall', 'run-script': 'run', up: 'update', upgrade: 'update', x: 'exec', c: 'config' },
  },
  yarn: {
    valued: ['--cwd', '--modules-folder', '--network-timeout', '--cache-folder', '--mutex', '--registry', '--mode'],
    aliases: NODE_PM_COMMON,
    subcommands: true,
  },
  pnpm: {
    valued: ['-C', '-F', '--dir', '--filter', '--store-dir', '--reporter', '--virtual-store-dir', '--modules-dir'],
    aliases: { ...NODE_PM_COMMON, '--dir': '-C', '--filter': '-F', '--recursive': '-r' },
    subcommands: { i: 'install', rm: 'remove', uninstall: 'remove', un: 'remove', up: 'update', upgrade: 'update', 'run-script': 'run', ln: 'link' },
  },
  gem: {
    valued: ['-v', '-i', '-n', '-s', '-P', '--platform', '--source', '--install-dir', '--bindir', '--version', '--trust-policy', '--build-root'],
    aliases: { '--version': '-v', '--install-dir': '-i', '--bindir': '-n', '--source': '-s', '--trust-policy': '-P', '--no-document': '-N', '--force': '-f', '--quiet': '-q' },
    subcommands: { i: 'install' },
  },
  go: {
    valued: ['-o', '-C', '-p', '-ldflags', '-gcflags', '-asmflags', '-gccgoflags', '-tags', '-mod', '-modfile', '-pkgdir', '-installsuffix', '-buildmode', '-compiler', '-overlay', '-pgo', '-exec', '-run', '-bench', '-timeout', '-count', '-coverprofile', '-covermode', '-coverpkg'],
    singleDashLong: true,
    subcommands: true,
  },
  curl: {
    valued: ['-o', '-H', '-d', '-u', '-X', '-A', '-e', '-b', '-c', '-F', '-T', '-x', '-w', '-m', '-K', '-E', '-r', '-U', '-Y', '-y', '-z', '-C', '-P', '-Q', '-t',
      '--url', '--retry', '--retry-delay', '--retry-max-time', '--connect-timeout', '--proto', '--proto-redir', '--output-dir', '--cacert', '--capath',
      '--data-binary', '--data-raw', '--data-urlencode', '--json', '--resolve', '--connect-to', '--limit-rate', '--ciphers', '--interface', '--dns-servers'],
    aliases: {
      '--output': '-o', '--header': '-H', '--data': '-d', '--user': '-u', '--request': '-X', '--user-agent': '-A', '--referer': '-e',
      '--cookie': '-b', '--cookie-jar': '-c', '--form': '-F', '--upload-file': '-T', '--proxy': '-x', '--write-out': '-w', '--max-time': '-m',
      '--config': '-K', '--cert': '-E', '--range': '-r', '--continue-at': '-C', '--fail': '-f', '--silent': '-s', '--show-error': '-S',
      '--location': '-L', '--remote-name': '-O', '--insecure': '-k', '--verbose': '-v', '--include': '-i', '--head': '-I',
      '--remote-header-name': '-J', '--ipv4': '-4', '--ipv6': '-6', '--globoff': '-g', '--netrc': '-n',
    },
  },
  wget: {
    valued: ['-O', '-o', '-a', '-P', '-t', '-T', '-U', '-e', '-i', '-w', '-Q', '-l', '-A', '-R', '-D', '-I', '-X', '--header', '--post-data', '--post-file', '--user', '--password', '--ca-certificate', '--ca-directory', '--method', '--body-data'],
    aliases: {
      '--output-document': '-O', '--output-file': '-o', '--append-output': '-a', '--directory-prefix': '-P', '--tries': '-t', '--timeout': '-T',
      '--user-agent': '-U', '--execute': '-e', '--input-file': '-i', '--wait': '-w', '--quota': '-Q', '--level': '-l', '--accept': '-A',
      '--reject': '-R', '--quiet': '-q', '--verbose': '-v', '--no-verbose': '-nv', '--continue': '-c', '--no-clobber': '-nc',
      '--no-directories': '-nd', '--no-host-directories': '-nH', '--recursive': '-r', '--server-response': '-S',
    },
    atoms: ['-nv', '-nc', '-nd', '-nH', '-np', '-nx'],
  },
  rm: { aliases: { '--recursive': '-r', '-R': '-r', '--force': '-f', '--interactive': '-i', '--dir': '-d', '--verbose': '-v' } },
  cd: {},
  useradd: USERS,
  groupadd: {
    valued: ['-g', '-K', '-p', '-R', '-P'],
    aliases: { '--gid': '-g', '--key': '-K', '--password': '-p', '--root': '-R', '--prefix': '-P', '--system': '-r', '--force': '-f', '--non-unique': '-o' },
  },
  adduser: ADDUSER,
  addgroup: ADDUSER,
  chmod: { aliases: { '--recursive': '-R', '--verbose': '-v', '--changes': '-c', '--silent': '-f', '--quiet': '-f' } },
  mkdir: { valued: ['-m'], aliases: { '--mode': '-m', '--parents': '-p', '--verbose': '-v' } },
  install: { valued: ['-m', '-o', '-g', '-t', '-S'], aliases: { '--mode': '-m', '--owner': '-o', '--group': '-g', '--target-directory': '-t', '--suffix': '-S', '--directory': '-d' } },
  sed: { valued: ['-e', '-f', '-l'], aliases: { '--expression': '-e', '--file': '-f', '--line-length': '-l', '--in-place': '-i', '--quiet': '-n', '--silent': '-n', '--regexp-extended': '-E' } },
  chown: { aliases: { '--recursive': '-R', '--verbose': '-v', '--changes': '-c', '--silent': '-f', '--quiet': '-f', '--no-dereference': '-h' } },
  ln: {
    valued: ['-t', '-S'],
    aliases: { '--symbolic': '-s', '--force': '-f', '--no-dereference': '-n', '--relative': '-r', '--target-directory': '-t', '--suffix': '-S', '--no-target-directory': '-T', '--verbose': '-v', '--logical': '-L', '--physical': '-P' },
  },
  tar: {
    valued: ['-f', '-C', '-T', '-X', '-b', '-H', '-K', '-N', '-g', '-I', '--exclude', '--strip-components', '--owner', '--group', '--mode', '--transform'],
    aliases: {
      '--file': '-f', '--directory': '-C', '--files-from': '-T', '--exclude-from': '-X', '--extract': '-x', '--get': '-x', '--create': '-c',
      '--list': '-t', '--append': '-r', '--update': '-u', '--gzip': '-z', '--gunzip': '-z', '--bzip2': '-j', '--xz': '-J',
      '--verbose': '-v', '--use-compress-program': '-I', '--preserve-permissions': '-p', '--keep-old-files': '-k', '--to-stdout': '-O',
    },
    dashlessBundle: true,
  },
  git: {
    valued: ['-C', '-c', '-b', '-m', '-o', '-j', '--depth', '--branch', '--origin', '--reference', '--separate-git-dir', '--config', '--shallow-since', '--jobs', '--filter', '--template', '--git-dir', '--work-tree', '--message'],
    aliases: { '--branch': '-b', '--message': '-m', '--origin': '-o', '--jobs': '-j', '--quiet': '-q', '--verbose': '-v', '--config': '-c' },
    subcommands: true,
  },
  bundle: {
    valued: ['-j', '--jobs', '--retry', '--without', '--with', '--path', '--gemfile', '--binstubs', '--standalone', '--shebang', '--trust-policy'],
    aliases: { '--jobs': '-j' },
    subcommands: true,
  },
  composer: {
    valued: ['-d', '--working-dir', '--ignore-platform-req', '--stability', '--repository', '--repository-url'],
    aliases: { '--working-dir': '-d', '--optimize-autoloader': '-o', '--classmap-authoritative': '-a', '--no-interaction': '-n', '--quiet': '-q', '--verbose': '-v' },
    subcommands: { i: 'install', u: 'update', upgrade: 'update', req: 'require', rm: 'remove', dumpautoload: 'dump-autoload' },
  },
  // Maven and Gradle take goals and tasks, not one subcommand: they are operands.
  mvn: {
    valued: ['-f', '-s', '-gs', '-t', '-gt', '-l', '-P', '-pl', '-rf', '-T', '-D', '-b'],
    aliases: {
      '--file': '-f', '--settings': '-s', '--global-settings': '-gs', '--toolchains': '-t', '--log-file': '-l', '--activate-profiles': '-P',
      '--projects': '-pl', '--resume-from': '-rf', '--threads': '-T', '--define': '-D', '--batch-mode': '-B', '--quiet': '-q', '--offline': '-o',
      '--update-snapshots': '-U', '--also-make': '-am', '--also-make-dependents': '-amd', '--no-transfer-progress': '-ntp', '--non-recursive': '-N',
    },
    atoms: ['-gs', '-gt', '-pl', '-rf', '-am', '-amd', '-ntp', '-npr', '-npu', '-cpu', '-up', '-llr', '-nsu', '-emp', '-ep'],
  },
  gradle: {
    valued: ['-p', '-b', '-c', '-g', '-I', '-x', '-D', '-P', '--console', '--max-workers', '--project-dir', '--gradle-user-home', '--init-script', '--exclude-task', '--warning-mode', '--priority'],
    aliases: { '--project-dir': '-p', '--build-file': '-b', '--settings-file': '-c', '--gradle-user-home': '-g', '--init-script': '-I', '--exclude-task': '-x', '--system-prop': '-D', '--project-prop': '-P', '--quiet': '-q', '--info': '-i', '--stacktrace': '-s' },
  },
  cargo: {
    valued: ['-p', '-j', '-F', '-Z', '--target', '--features', '--package', '--jobs', '--bin', '--example', '--test', '--bench', '--manifest-path', '--profile', '--root', '--target-dir', '--config', '--color', '--version', '--git', '--branch', '--tag', '--rev', '--path', '--index', '--registry'],
    aliases: { '--package': '-p', '--jobs': '-j', '--features': '-F', '--release': '-r', '--quiet': '-q', '--verbose': '-v' },
    subcommands: { b: 'build', c: 'check', r: 'run', t: 'test', d: 'doc', rm: 'remove' },
  },
  service: {},
  supervisord: {
    valued: ['-c', '-u', '-d', '-l', '-y', '-z', '-e', '-j', '-i', '-q', '-m', '-a'],
    aliases: { '--configuration': '-c', '--user': '-u', '--directory': '-d', '--logfile': '-l', '--logfile_maxbytes': '-y', '--logfile_backups': '-z', '--loglevel': '-e', '--pidfile': '-j', '--identifier': '-i', '--childlogdir': '-q', '--nodaemon': '-n', '--silent': '-s' },
  },
  python: { valued: ['-m', '-c', '-W', '-X', '-Q'] },
  sudo: {
    valued: ['-u', '-g', '-h', '-p', '-C', '-D', '-r', '-t', '-U', '-T', '-R'],
    aliases: { '--user': '-u', '--group': '-g', '--host': '-h', '--prompt': '-p', '--close-from': '-C', '--chdir': '-D', '--role': '-r', '--type': '-t', '--other-user': '-U', '--command-timeout': '-T', '--chroot': '-R', '--preserve-env': '-E', '--login': '-i', '--shell': '-s', '--non-interactive': '-n', '--set-home': '-H' },
    wrapper: true,
  },
  env: {
    valued: ['-u', '-C', '-S'],
    aliases: { '--unset': '-u', '--chdir': '-C', '--split-string': '-S', '--ignore-environment': '-i', '--null': '-0' },
    wrapper: true,
  },
  exec: { valued: ['-a'], wrapper: true },
};

/** Versioned names run the same tool: pip3, pip3.12, python3.11. */
const VERSIONED = /^(pip|python)[\d.]*$/;

export function toolName(program: string): string {
  return VERSIONED.exec(program)?.[1] ?? program;
}

/**
 * A tool's spec as commands.ts reads arguments with it: lists as sets and records as maps
 * (which also keeps a command or option named `constructor` from finding Object's).
 */
export interface ToolReader {
  valued: ReadonlySet<string>;
  aliases: ReadonlyMap<string, string>;
  atoms: ReadonlySet<string>;
  /** Subcommand aliases, when the first operand is a subcommand. */
  subcommands?: ReadonlyMap<string, string>;
  singleDashLong: boolean;
  dashlessBundle: boolean;
  wrapper: boolean;
}

function readerOf(spec: ToolSpec): ToolReader {
  return {
    valued: new Set(spec.valued),
    aliases: new Map(Object.entries(spec.aliases ?? {})),
    atoms: new Set(spec.atoms),
    subcommands: spec.subcommands === undefined ? undefined : new Map(spec.subcommands === true ? [] : Object.entries(spec.subcommands)),
    singleDashLong: spec.singleDashLong === true,
    dashlessBundle: spec.dashlessBundle === true,
    wrapper: spec.wrapper === true,
  };
}

/** Built once: every command of every script is read with one. */
const READERS = new Map(Object.entries(TOOLS).map(([tool, spec]) => [tool, readerOf(spec)]));

/** What a tool without a spec is read with: options without values, no subcommand. */
export const NO_SPEC = readerOf({});

export function toolSpec(tool: string): ToolReader | undefined {
  return READERS.get(tool);
}
