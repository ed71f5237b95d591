/**
 * The userland a stage's base image brings, for well-known images only: which shell and tools
 * a fix may count on (bash, GNU wget) and which system users exist.
 */
import { rootBase, type Stage } from '../../../dockerfile/model';
import { officialImageName } from '../../../images/image-versions';
import { canonicalRepository } from '../../../images/reference';

/** `debian`: Debian or Ubuntu (bash, GNU tools); `rhel`: Fedora, CentOS, UBI... (bash); `alpine`, `busybox`: BusyBox tools. */
export type Userland = 'debian' | 'rhel' | 'alpine' | 'busybox';

/** Official images built on Debian or Ubuntu unless their tag names another base. */
const DEBIAN_BASED = new Set([
  'debian', 'ubuntu', 'buildpack-deps', 'node', 'python', 'ruby', 'golang', 'rust', 'php', 'perl', 'openjdk', 'eclipse-temurin',
  'maven', 'gradle', 'httpd', 'nginx', 'postgres', 'redis', 'haproxy', 'tomcat', 'elixir', 'erlang', 'gcc',
]);
const RHEL_BASED = new Set(['fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux']);
/** Red Hat's UBI images with a package manager and bash (not ubi-micro). */
const UBI = /^registry\.(?:access\.)?redhat\.(?:com|io)\/ubi\d+(?:\/ubi(?:-minimal|-init)?)?$/;
/** .NET images are Debian unless the tag says otherwise. */
const DOTNET = /^mcr\.microsoft\.com\/dotnet\//;
/** Tags that name another base, or an image without a shell. */
const OTHER_BASE = /alpine|windows|nanoserver|ltsc|chiseled|distroless|azurelinux|mariner/;

export function baseUserland(stage: Stage): Userland | undefined {
  const reference = rootBase(stage).reference;
  if (!reference) return undefined;
  const name = officialImageName(reference);
  const tag = reference.tag ?? '';
  if (name === 'busybox') return 'busybox';
  if (name === 'alpine' || /(?:^|-)alpine/.test(tag)) return 'alpine';
  if (OTHER_BASE.test(tag)) return undefined;
  const repository = canonicalRepository(reference);
  if ((name && DEBIAN_BASED.has(name)) || DOTNET.test(repository)) return 'debian';
  if ((name && RHEL_BASED.has(name)) || UBI.test(repository)) return 'rhel';
  return undefined;
}
