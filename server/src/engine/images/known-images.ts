import { officialImageName } from './image-versions';
import { perImage } from './per-image';
import { canonicalRepository, type ImageReference } from './reference';

/**
 * Facts about well-known base images that decide rules without pulling them: whether the
 * image has a shell and whether it already runs as a non-root user.
 */
export interface ImageFacts {
  hasShell: boolean | 'unknown';
  runsAsNonRoot: boolean | 'unknown';
  family: 'distroless' | 'chainguard' | 'scratch' | 'windows' | 'other';
  /** The image's own ENTRYPOINT when it runs an interpreter, so CMD holds only its arguments. */
  entrypoint?: string[];
  /** `entrypoint` is the whole story: an image without one has none (so Kubernetes `args` run as the command). */
  entrypointKnown?: boolean;
  /** The user of the image's config, `0` for root, when known. */
  user?: string;
  /** Where the image's program writes at run time, so a read-only root file system needs a volume there. */
  writePaths?: string[];
}

const DISTROLESS_ENTRYPOINTS: [RegExp, string[]][] = [
  [/^nodejs\d*/, ['/nodejs/bin/node']],
  [/^python3/, ['/usr/bin/python3']],
  [/^java\d*/, ['/usr/bin/java', '-jar']],
];

/**
 * Official images whose Dockerfiles (github.com/docker-library/*) set no USER, so they run as
 * root unless the image built on them says otherwise. (haproxy is not here: it runs as
 * `haproxy` since 2.4.)
 */
const ROOT_BY_DEFAULT = new Set([
  'alpine', 'debian', 'ubuntu', 'busybox', 'fedora', 'centos', 'rockylinux', 'almalinux', 'amazonlinux', 'oraclelinux', 'archlinux',
  'buildpack-deps', 'node', 'python', 'ruby', 'golang', 'rust', 'php', 'perl', 'openjdk', 'eclipse-temurin', 'amazoncorretto',
  'maven', 'gradle', 'elixir', 'erlang', 'gcc', 'nginx', 'httpd', 'redis', 'postgres', 'mysql', 'mariadb', 'tomcat', 'traefik',
]);

/**
 * Where well-known server images write at run time (their Dockerfiles' VOLUMEs and the paths
 * their default configuration writes): with `readOnlyRootFilesystem` they fail to start unless
 * a volume is mounted there.
 * - nginx: "The default nginx configuration requires write access to /var/cache/nginx and
 *   /var/run" (the image's documentation on Docker Hub, "Running nginx in read-only mode").
 * - nginx-unprivileged moves the pid file and temp paths to /tmp (nginxinc/docker-nginx-unprivileged README).
 * - httpd: `PidFile logs/httpd.pid` under ServerRoot /usr/local/apache2 (the image's httpd.conf).
 * - postgres, mysql, mariadb, redis: the data VOLUME and the socket folder of their Dockerfiles.
 */
const WRITE_PATHS: Record<string, string[]> = {
  nginx: ['/var/cache/nginx', '/var/run'],
  httpd: ['/usr/local/apache2/logs'],
  postgres: ['/var/lib/postgresql/data', '/var/run/postgresql'],
  mysql: ['/var/lib/mysql', '/var/run/mysqld'],
  mariadb: ['/var/lib/mysql', '/run/mysqld'],
  redis: ['/data'],
};

/** nginxinc/docker-nginx-unprivileged: `ARG UID=101` … `USER $UID`. */
const NGINX_UNPRIVILEGED = /^docker\.io\/(?:nginxinc|nginx)\/nginx-unprivileged$/;

const CHAINGUARD_WITH_SHELL = new Set(['wolfi-base', 'busybox', 'bash']);

const UNKNOWN: ImageFacts = { hasShell: 'unknown', runsAsNonRoot: 'unknown', family: 'other' };

/** The uid distroless `:nonroot` and Chainguard images run as (distroless's `NONROOT = 65532`, Chainguard's `run-as: 65532`). */
export const NONROOT_UID = '65532';

/** What the tables know of an image; callers share the answer, so it is frozen. */
export const imageFacts: (reference: ImageReference) => ImageFacts = perImage((reference) => Object.freeze(readImageFacts(reference)));

function readImageFacts(reference: ImageReference): ImageFacts {
  const repository = canonicalRepository(reference);
  const tag = reference.tag ?? '';
  if (repository.startsWith('gcr.io/distroless/')) {
    // Only the :debug variants carry busybox's sh; only the :nonroot variants leave root.
    const name = repository.slice('gcr.io/distroless/'.length);
    const entrypoint = DISTROLESS_ENTRYPOINTS.find(([pattern]) => pattern.test(name))?.[1];
    const nonroot = tag.includes('nonroot');
    return { hasShell: tag.includes('debug'), runsAsNonRoot: nonroot, family: 'distroless', entrypoint, entrypointKnown: true, user: nonroot ? NONROOT_UID : '0' };
  }
  if (repository.startsWith('cgr.dev/chainguard/')) {
    // Chainguard's production images ship no shell; their "-dev" variants do, and so do the
    // images that are a shell's userland (wolfi-base is busybox and apk, per Chainguard's docs).
    const name = repository.slice('cgr.dev/chainguard/'.length);
    return { hasShell: /(^|-)dev$/.test(tag) || CHAINGUARD_WITH_SHELL.has(name), runsAsNonRoot: true, family: 'chainguard', user: NONROOT_UID };
  }
  if (repository.startsWith('mcr.microsoft.com/windows') || repository.startsWith('mcr.microsoft.com/powershell') && tag.includes('nanoserver')) {
    return { hasShell: 'unknown', runsAsNonRoot: 'unknown', family: 'windows' };
  }
  // Microsoft's Ubuntu chiseled .NET images: no shell or package manager, user `app` (APP_UID 1654), per the .NET container docs.
  if (repository.startsWith('mcr.microsoft.com/dotnet/') && tag.includes('chiseled')) return { ...UNKNOWN, hasShell: false, runsAsNonRoot: true, user: '1654' };
  if (NGINX_UNPRIVILEGED.test(repository)) return { ...UNKNOWN, runsAsNonRoot: true, user: '101', writePaths: ['/tmp'] };
  // Bitnami's application images run as uid 1001 (docs.bitnami.com, "non-root containers"); minideb is their root base.
  if (repository.startsWith('docker.io/bitnami/') && repository !== 'docker.io/bitnami/minideb') return { ...UNKNOWN, runsAsNonRoot: true, user: '1001' };
  if (repository.endsWith('-unprivileged')) return { ...UNKNOWN, runsAsNonRoot: true };
  const official = officialImageName(reference);
  if (official !== undefined && ROOT_BY_DEFAULT.has(official) && !/windows|nanoserver/.test(tag)) {
    return { ...UNKNOWN, runsAsNonRoot: false, user: '0', writePaths: Object.hasOwn(WRITE_PATHS, official) ? WRITE_PATHS[official] : undefined };
  }
  return UNKNOWN;
}

export const SCRATCH_FACTS: ImageFacts = { hasShell: false, runsAsNonRoot: false, family: 'scratch', entrypointKnown: true, user: '0' };
