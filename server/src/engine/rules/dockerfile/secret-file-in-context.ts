import { wholeContextCopies } from '../../context/copy-sources';
import { dockerignoreMatcher } from '../../context/dockerignore';
import type { BuildContext } from '../../types';
import type { DockerfileRule } from '../rule';

const SECRET_NAMES = /(^|\/)(\.env(\.[^/]+)?|id_(rsa|dsa|ecdsa|ed25519)|[^/]+\.(pem|key|p12|pfx|jks|keystore)|\.netrc|\.pypirc|\.git-credentials|credentials\.json|\.htpasswd|terraform\.tfstate(\.backup)?|kubeconfig)$/;
const TEMPLATES = /\.(example|sample|template|dist|defaults?)$|\.pub$/;
const CREDENTIAL_FILES = /(^|\/)(\.aws\/credentials|\.docker\/config\.json|\.kube\/config)$/;

function looksSecret(path: string, context: BuildContext): boolean {
  if (path.split('/').some((part) => part === 'node_modules' || part === '.git')) return false;
  if (CREDENTIAL_FILES.test(path)) return true;
  if (/(^|\/)\.npmrc$/.test(path)) return /_auth(Token)?\s*=/.test(context.readFile?.(path) ?? '');
  return SECRET_NAMES.test(path) && !TEMPLATES.test(path);
}

export const secretFileInContext: DockerfileRule = {
  meta: {
    id: 'secret-file-in-context',
    defaultSeverity: 'error',
    category: 'layers',
    summary: 'The whole context is copied and it holds secret-looking files that `.dockerignore` does not exclude.',
    why: 'A key, `.env` file or registry token that lands in a layer is readable by anyone who can pull the image, forever: deleting it in a later step does not remove it from the earlier layer.',
    example: '# context holds .env and deploy/id_rsa\nCOPY . .',
    useInstead: '# .dockerignore\n.env\n**/id_rsa\n*.pem',
    fixSafety: 'none',
    equivalents: ['Trivy DS-0031 (partly)'],
  },
  check({ model, context, report }) {
    // Listing the context costs I/O at the caller: only ask when the whole context is copied.
    const copies = model.stages.flatMap((stage) => wholeContextCopies(model, stage));
    if (copies.length === 0 || !context?.files) return;
    const ignored = context.dockerignore ? dockerignoreMatcher(context.dockerignore) : () => false;
    const secrets = context.files.filter((path) => !ignored(path) && looksSecret(path, context));
    if (secrets.length === 0) return;
    const shown = secrets.slice(0, 5).map((path) => `\`${path}\``).join(', ');
    const more = secrets.length > 5 ? ` and ${secrets.length - 5} more` : '';
    for (const copy of copies) {
      report({ range: copy.range, message: `This copies secret-looking files into the image: ${shown}${more}. Exclude them in .dockerignore.` });
    }
  },
};
