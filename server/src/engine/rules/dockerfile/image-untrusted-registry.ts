import type { Flag } from '../../dockerfile/syntax';
import { parseImageReference } from '../../images/reference';
import type { Range } from '../../types';
import type { DockerfileRule } from '../rule';

const HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

function registryOf(image: string): string {
  const registry = parseImageReference(image).registry ?? 'docker.io';
  return HUB_ALIASES.has(registry) ? 'docker.io' : registry;
}

export const imageUntrustedRegistry: DockerfileRule = {
  meta: {
    id: 'image-untrusted-registry',
    defaultSeverity: 'off',
    category: 'base-image',
    summary: 'An image comes from a registry outside the trusted list.',
    why: 'Teams that mirror or vet base images want every build to pull from those registries only; an image from elsewhere bypasses scanning and licence review. Configure the list with `trustedRegistries`.',
    example: '# trustedRegistries: [registry.example.com]\nFROM docker.io/library/node:22',
    useInstead: 'FROM registry.example.com/library/node:22',
    fixSafety: 'none',
    equivalents: ['hadolint DL3026'],
  },
  check({ model, config, report }) {
    const trusted = config.trustedRegistries;
    if (!trusted || trusted.length === 0) return;
    const allowed = new Set(trusted.map((registry) => (HUB_ALIASES.has(registry) || registry === 'hub.docker.com' ? 'docker.io' : registry)));
    const stageNames = new Set(model.stages.map((stage) => stage.name?.toLowerCase()).filter(Boolean));
    const check = (image: string, range: Range) => {
      if (image.includes('$') || image.toLowerCase() === 'scratch' || stageNames.has(image.toLowerCase()) || /^\d+$/.test(image)) return;
      const registry = registryOf(image);
      if (!allowed.has(registry)) report({ range, message: `\`${image}\` comes from \`${registry}\`, which is not a trusted registry (${[...allowed].join(', ')}).` });
    };
    for (const stage of model.stages) {
      if (stage.base.resolved && !stage.base.stage) check(stage.base.resolved, stage.base.writtenRange);
      for (const instruction of stage.instructions) {
        const flags: Flag[] = 'getFlags' in instruction ? (instruction as { getFlags(): Flag[] }).getFlags() : [];
        for (const flag of flags) {
          if (flag.getName() === 'from' && flag.getValue()) check(flag.getValue() as string, flag.getValueRange() ?? flag.getRange());
          if (flag.getName() === 'mount') {
            const from = flag.getOption('from');
            const value = from?.getValue();
            if (from && value) check(value, from.getValueRange() ?? flag.getRange());
          }
        }
      }
    }
  },
};
