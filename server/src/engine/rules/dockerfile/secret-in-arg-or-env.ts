import type { Env, Property } from 'dockerfile-ast';
import type { DockerfileRule } from '../rule';

const SECRET_WORD = /(?:^|_)(?:API_?KEY|AUTH|CREDENTIALS?|KEY|PASSWORD|PASSWD|PWORD|SECRET|TOKEN|PRIVATE_KEY)(?:_|$)/i;
/** Names that contain a secret word but hold public data or a pointer to a secret. */
const NOT_SECRET = /(?:^|_)(?:PUBLIC|GPG|PGP|FINGERPRINT|FILE|PATH|DIR|URL|URI|ENDPOINT|HOST|NAME|ID_FILE|TYPE|METHOD|ENABLED|REQUIRED|LENGTH)(?:_|$)|^GPG_KEYS?$/i;
/** Values that are credentials whatever the variable is called. */
const SECRET_VALUE = /^(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9-]{10,}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|sk_live_[A-Za-z0-9]{20,}|-----BEGIN [A-Z ]*PRIVATE KEY-----.*)$/;

function looksSecret(property: Property): 'name' | 'value' | undefined {
  const name = property.getName();
  const value = property.getValue() ?? '';
  if (SECRET_VALUE.test(value)) return 'value';
  if (SECRET_WORD.test(name) && !NOT_SECRET.test(name)) return 'name';
  return undefined;
}

export const secretInArgOrEnv: DockerfileRule = {
  meta: {
    id: 'secret-in-arg-or-env',
    defaultSeverity: 'warning',
    category: 'security',
    summary: 'A build argument or environment variable looks like it carries a secret.',
    why: 'ARG values are recorded in the image history (`docker history`) and ENV values ship in the image config: anyone who can pull the image can read them. Build secrets belong in `RUN --mount=type=secret`, runtime secrets in the orchestrator.',
    example: 'ARG NPM_TOKEN\nRUN echo "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > .npmrc && npm ci',
    useInstead: 'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
    fixSafety: 'none',
    equivalents: ['BuildKit SecretsUsedInArgOrEnv', 'hadolint DL3064'],
  },
  check({ model, report }) {
    for (const instruction of model.ast.getInstructions()) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'ARG' && keyword !== 'ENV') continue;
      for (const property of (instruction as Env).getProperties()) {
        const reason = looksSecret(property);
        if (!reason) continue;
        const where = keyword === 'ARG' ? 'is recorded in the image history' : 'ships in the image config';
        report({
          range: reason === 'value' ? (property.getValueRange() ?? property.getNameRange()) : property.getNameRange(),
          message: reason === 'value'
            ? `The value of \`${property.getName()}\` looks like a credential and ${where}; use \`RUN --mount=type=secret\` instead.`
            : `\`${property.getName()}\` looks like a secret; a ${keyword} value ${where}. Use \`RUN --mount=type=secret\` instead.`,
        });
      }
    }
  },
};
