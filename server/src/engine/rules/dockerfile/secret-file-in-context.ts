import { wholeContextCopies } from '../../context/copy-sources';
import { dockerignoreMatcher } from '../../context/dockerignore';
import { unignoredSecrets } from '../../context/secret-files';
import { dockerignoreFix } from '../../fixes/conversions/dockerignore';
import type { DockerfileRule } from '../rule';

export const secretFileInContext: DockerfileRule = {
  meta: {
    id: 'secret-file-in-context',
    defaultSeverity: 'error',
    category: 'layers',
    summary: 'The whole context is copied and it holds secret-looking files that `.dockerignore` does not exclude.',
    why: 'A key, `.env` file or registry token that lands in a layer is readable by anyone who can pull the image, forever: deleting it in a later step does not remove it from the earlier layer.',
    example: '# context holds .env and deploy/id_rsa\nCOPY . .',
    useInstead: '# .dockerignore\n.env\n**/id_rsa\n*.pem',
    fixSafety: 'unsafe',
    equivalents: ['Trivy DS-0031 (partly)'],
  },
  check({ model, context, report }) {
    // Listing the context costs I/O at the caller: only ask when the whole context is copied.
    const copies = model.stages.flatMap((stage) => wholeContextCopies(model, stage));
    if (copies.length === 0 || !context?.files) return;
    const ignored = context.dockerignore ? dockerignoreMatcher(context.dockerignore) : () => false;
    const secrets = unignoredSecrets(context, ignored);
    if (secrets.length === 0) return;
    const shown = secrets.slice(0, 5).map((path) => `\`${path}\``).join(', ');
    const more = secrets.length > 5 ? ` and ${secrets.length - 5} more` : '';
    const fix = dockerignoreFix(model, context);
    for (const copy of copies) {
      report({ range: copy.range, message: `This copies secret-looking files into the image: ${shown}${more}. Exclude them in .dockerignore.`, fixes: fix ? [fix] : [] });
    }
  },
};
