import type { DockerfileRule } from '../rule';
import { platformFlagFix } from './from-platform-redundant';

export const fromPlatformConstant: DockerfileRule = {
  meta: {
    id: 'from-platform-constant',
    defaultSeverity: 'warning',
    category: 'base-image',
    summary: '`FROM --platform=` names a fixed platform.',
    why: 'A constant platform pins the stage to one architecture: on an arm64 laptop or a multi-platform build the image is emulated or simply wrong for the target. Let the builder choose, or use `$BUILDPLATFORM` for stages that only produce files.',
    example: 'FROM --platform=linux/amd64 node:22-slim',
    useInstead: 'FROM node:22-slim\n# or, for a cross-compiling builder stage:\nFROM --platform=$BUILDPLATFORM golang:1.25 AS build',
    fixSafety: 'unsafe',
    equivalents: ['hadolint DL3029', 'BuildKit FromPlatformFlagConstDisallowed'],
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.from.getPlatformFlag();
      const value = flag?.getValue();
      if (!flag || !value || value.includes('$')) continue;
      report({
        range: flag.getValueRange() ?? flag.getRange(),
        message: `\`--platform=${value}\` pins this stage to one platform; let the builder pick the target platform.`,
        fixes: [platformFlagFix(model, flag, 'unsafe')],
      });
    }
  },
};
