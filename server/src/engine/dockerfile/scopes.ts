import type { Env, Instruction } from './syntax';
import { canonicalRepository } from '../images/reference';
import { rootBase, type Stage } from './model';

/** Build arguments BuildKit defines in the global scope (usable in FROM; inside a stage only once redeclared). */
export const PLATFORM_ARGS = ['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT'];

const PROXY_ARGS = ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'];

/** Names usable without any declaration: the proxy arguments, BuildKit's own, and PATH, which BuildKit always sets. */
export function isPredefined(name: string): boolean {
  return name === 'PATH' || name.startsWith('BUILDKIT_') || PROXY_ARGS.includes(name.toUpperCase());
}

/** The names an ARG or ENV instruction declares. */
export function declaredNames(instruction: Instruction): string[] {
  const keyword = instruction.getKeyword();
  if (keyword !== 'ARG' && keyword !== 'ENV') return [];
  return (instruction as Env).getProperties().map((property) => property.getName()).filter(Boolean);
}

/** ARG and ENV names in force at `before`: declared earlier in its stage or anywhere in the stages it builds on. */
export function namesInScope(stage: Stage, before: Instruction): Set<string> {
  const names = new Set<string>();
  for (let parent = stage.base.stage; parent; parent = parent.base.stage) {
    for (const instruction of parent.instructions) declaredNames(instruction).forEach((name) => names.add(name));
  }
  for (const instruction of stage.instructions) {
    if (instruction === before) break;
    declaredNames(instruction).forEach((name) => names.add(name));
  }
  return names;
}

// Images whose configuration sets no environment variable but PATH.
const PATH_ONLY_IMAGES = new Set(['docker.io/library/alpine', 'docker.io/library/busybox', 'docker.io/library/debian', 'docker.io/library/ubuntu']);

/** Whether every variable the stage's base image sets is known (scratch and a few bare OS images). */
export function baseEnvironmentKnown(stage: Stage): boolean {
  const base = rootBase(stage);
  if (base.isScratch) return true;
  return base.reference !== undefined && PATH_ONLY_IMAGES.has(canonicalRepository(base.reference));
}

// Variables official language and server images set in their configuration.
const COMMON_IMAGE_ENV = new Set([
  'LANG', 'LANGUAGE', 'LC_ALL', 'HOME', 'SSL_CERT_FILE', 'GPG_KEY', 'GOSU_VERSION',
  'JAVA_HOME', 'JAVA_VERSION', 'JDK_VERSION', 'MAVEN_HOME', 'MAVEN_CONFIG', 'GRADLE_HOME', 'GRADLE_VERSION', 'CATALINA_HOME', 'TOMCAT_VERSION',
  'GOPATH', 'GOROOT', 'GOLANG_VERSION', 'GOTOOLCHAIN', 'NODE_VERSION', 'YARN_VERSION', 'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION',
  'RUBY_VERSION', 'RUBY_MAJOR', 'GEM_HOME', 'BUNDLE_PATH', 'BUNDLE_APP_CONFIG', 'BUNDLE_SILENCE_ROOT_WARNING',
  'PHP_VERSION', 'PHP_INI_DIR', 'PHPIZE_DEPS', 'CARGO_HOME', 'RUSTUP_HOME', 'RUST_VERSION',
  'DOTNET_VERSION', 'ASPNET_VERSION', 'DOTNET_RUNNING_IN_CONTAINER', 'NGINX_VERSION', 'PGDATA', 'PG_MAJOR', 'PG_VERSION',
]);

/**
 * Whether the base image may set `name` itself, so an undeclared reference can still have a
 * value: known image variables, and names prefixed with the image's own name (`NODE_*` in node).
 */
export function mayComeFromBaseImage(name: string, stage: Stage): boolean {
  if (baseEnvironmentKnown(stage)) return false;
  if (COMMON_IMAGE_ENV.has(name)) return true;
  const repository = rootBase(stage).reference?.repository ?? '';
  const image = repository.split('/').pop()?.toUpperCase().replace(/[^A-Z0-9]/g, '_') ?? '';
  return image !== '' && name.startsWith(`${image}_`);
}
