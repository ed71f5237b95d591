/**
 * Which OS packages are build tools and which are debugging or remote-access tools, with
 * the commands they provide (so an image that runs one of them is not flagged for it).
 */

interface PackageKind {
  matches(name: string): boolean;
  /** Commands the packages provide. */
  commands: readonly string[];
}

const named = (names: readonly string[], commands: readonly string[]): PackageKind => ({ matches: (name) => names.includes(name), commands });

const BUILD_TOOLS: readonly PackageKind[] = [
  named(['build-essential', 'build-base', 'alpine-sdk'], ['gcc', 'cc', 'g++', 'make']),
  { matches: (name) => /^(gcc|g\+\+|gcc-c\+\+|clang|cpp)(-\d+(\.\d+)*)?$/.test(name), commands: ['gcc', 'cc', 'g++', 'c++', 'clang', 'cpp'] },
  named(['gfortran'], ['gfortran']),
  named(['make'], ['make']),
  named(['cmake'], ['cmake']),
  named(['ninja-build', 'meson'], ['ninja', 'meson']),
  named(['autoconf', 'automake', 'libtool', 'pkg-config', 'pkgconf', 'pkgconfig', 'bison', 'flex', 'nasm', 'yasm', 'ccache'], ['autoconf', 'automake', 'libtool', 'pkg-config', 'bison', 'flex', 'nasm', 'yasm', 'ccache']),
  named(['git', 'git-core'], ['git']),
  named(['maven'], ['mvn']),
  named(['gradle'], ['gradle']),
  named(['golang', 'golang-go', 'go'], ['go']),
  named(['rustc', 'cargo', 'rust'], ['rustc', 'cargo']),
  named(['linux-headers', 'kernel-headers', 'kernel-devel'], []),
  // Headers and static libraries: `libpq-dev`, `python3-dev`, `musl-dev`, `openssl-devel`.
  { matches: (name) => /.-dev(el)?$/.test(name), commands: [] },
];

const NETCAT = ['nc', 'netcat', 'ncat'];

const UNNECESSARY_TOOLS: readonly PackageKind[] = [
  named(['netcat', 'netcat-openbsd', 'netcat-traditional', 'ncat', 'nmap-ncat', 'nc'], NETCAT),
  named(['nmap'], ['nmap']),
  named(['telnet', 'telnetd'], ['telnet', 'telnetd']),
  named(['openssh-server', 'dropbear'], ['sshd', 'dropbear']),
  named(['vim', 'vim-tiny', 'vim-nox', 'vim-enhanced'], ['vim', 'vi']),
  named(['nano'], ['nano']),
  named(['emacs', 'emacs-nox'], ['emacs']),
  named(['gdb'], ['gdb', 'gdbserver']),
  named(['strace', 'ltrace'], ['strace', 'ltrace']),
  named(['tcpdump', 'tshark'], ['tcpdump', 'tshark']),
];

/** The kind a package belongs to, unless the image runs one of its commands. */
function unusedKind(kinds: readonly PackageKind[], name: string, runtime: ReadonlySet<string>): PackageKind | undefined {
  const kind = kinds.find((candidate) => candidate.matches(name));
  return kind && !kind.commands.some((command) => runtime.has(command)) ? kind : undefined;
}

export function isUnusedBuildTool(name: string, runtime: ReadonlySet<string>): boolean {
  return unusedKind(BUILD_TOOLS, name, runtime) !== undefined;
}

export function isUnusedDebugTool(name: string, runtime: ReadonlySet<string>): boolean {
  const kind = unusedKind(UNNECESSARY_TOOLS, name, runtime);
  // Entrypoint scripts commonly wait for a port with nc (wait-for-it.sh): we cannot see inside them.
  if (kind?.commands === NETCAT && [...runtime].some((word) => word.endsWith('.sh') || /wait.?for/i.test(word))) return false;
  return kind !== undefined;
}
