import type { BuildContext } from '../types';

const SECRET_NAMES = /(^|\/)(\.env(\.[^/]+)?|id_(rsa|dsa|ecdsa|ed25519)|[^/]+\.(pem|key|p12|pfx|jks|keystore)|\.netrc|\.pypirc|\.git-credentials|credentials\.json|\.htpasswd|terraform\.tfstate(\.backup)?|kubeconfig)$/;
const TEMPLATES = /\.(example|sample|template|dist|defaults?)$|\.pub$/;
const CREDENTIAL_FILES = /(^|\/)(\.aws\/credentials|\.docker\/config\.json|\.kube\/config)$/;

const NPMRC = /(^|\/)\.npmrc$/;

/** Whether a context path (forward slashes) names a file that holds a secret: keys, `.env`, tokens, credentials. */
export function looksSecret(path: string, context: BuildContext): boolean {
  if (!secretByName(path)) return false;
  if (NPMRC.test(path)) return /_auth(Token)?\s*=/.test(context.readFile?.(path) ?? '');
  return true;
}

/** The name alone says secret, or (an .npmrc) may hold one: the file is only read after the cheap checks. */
function secretByName(path: string): boolean {
  if (path.split('/').some((part) => part === 'node_modules' || part === '.git')) return false;
  return CREDENTIAL_FILES.test(path) || NPMRC.test(path) || (SECRET_NAMES.test(path) && !TEMPLATES.test(path));
}

/** The secret-looking files of the context that `.dockerignore` does not exclude. */
export function unignoredSecrets(context: BuildContext, ignored: (path: string) => boolean): string[] {
  // Names first: matching every file of a large context against .dockerignore costs more.
  return (context.files ?? []).filter((path) => secretByName(path) && !ignored(path) && looksSecret(path, context));
}
