import type { Env, Property } from '../../dockerfile/syntax';
import { secretKind } from '../../text/secret-words';
import type { DockerfileRule } from '../rule';

function looksSecret(property: Property): 'name' | 'value' | undefined {
  return secretKind(property.getName(), property.getValue() ?? '');
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
            : `\`${property.getName()}\` looks like a secret; an ${keyword} value ${where}. Use \`RUN --mount=type=secret\` instead.`,
        });
      }
    }
  },
};
