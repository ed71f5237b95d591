import type { Label, Property } from '../../dockerfile/syntax';
import { labelValueProblem } from '../../dockerfile/label-values';
import type { Stage } from '../../dockerfile/model';
import type { DockerfileRule } from '../rule';

/** The last LABEL property per key in the shipped stage and the stages it builds on. */
function shippedLabels(shipped: Stage): Map<string, Property> {
  const chain: Stage[] = [];
  for (let stage: Stage | undefined = shipped; stage; stage = stage.base.stage) chain.unshift(stage);
  const labels = new Map<string, Property>();
  for (const stage of chain) {
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() !== 'LABEL') continue;
      for (const property of (instruction as Label).getProperties()) labels.set(property.getName(), property);
    }
  }
  return labels;
}

export const labelSchema: DockerfileRule = {
  meta: {
    id: 'label-schema',
    defaultSeverity: 'off',
    category: 'correctness',
    summary: 'Required labels missing, or with values of the wrong form (from configuration).',
    why: 'Teams that find images by their labels (source repository, version, licence, owner) need every image to carry them, with values tools can parse. The required labels and the form of each value come from the `labelSchema` setting, e.g. `{ "org.opencontainers.image.source": "url", "org.opencontainers.image.version": "semver" }`; forms are text, url, semver, hash, rfc3339, spdx and email. Values built from variables are not checked.',
    example: '# labelSchema: { "org.opencontainers.image.version": "semver" }\nFROM node:22-slim\nLABEL org.opencontainers.image.version=v1.2',
    useInstead: 'FROM node:22-slim\nLABEL org.opencontainers.image.version=1.2.0',
    fixSafety: 'none',
    equivalents: ['hadolint DL3049', 'hadolint DL3051', 'hadolint DL3052', 'hadolint DL3053', 'hadolint DL3054', 'hadolint DL3055', 'hadolint DL3056', 'hadolint DL3058'],
  },
  check({ model, config, report }) {
    const schema = config.labelSchema;
    const shipped = model.shippedStage;
    if (!schema || !shipped) return;
    const labels = shippedLabels(shipped);
    for (const [key, type] of Object.entries(schema)) {
      const property = labels.get(key);
      if (!property) {
        report({ range: shipped.base.writtenRange, message: `The shipped image has no \`${key}\` label.` });
        continue;
      }
      const value = property.getValue() ?? '';
      const problem = value.includes('$') ? undefined : labelValueProblem(value, type);
      if (problem) report({ range: property.getValueRange() ?? property.getNameRange(), message: `Label \`${key}\` ${problem}.` });
    }
  },
};
