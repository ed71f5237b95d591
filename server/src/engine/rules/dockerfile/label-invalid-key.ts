import type { Label } from '../../dockerfile/syntax';
import type { DockerfileRule } from '../rule';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];
// Docker's guideline: lowercase letters, digits, `.` and `-`; starts with a letter, ends with a letter or digit.
const KEY = /^[a-z](?:[a-z0-9.-]*[a-z0-9])?$/;

function problem(key: string): string | undefined {
  const reserved = RESERVED.find((prefix) => key.startsWith(prefix));
  if (reserved) return `\`${reserved}*\` label keys are reserved for Docker; use your own reverse-DNS prefix.`;
  if (!KEY.test(key) || /\.\.|--/.test(key)) return `Label key \`${key}\` should be lowercase letters, digits, \`.\` and \`-\` (reverse-DNS style, e.g. \`org.opencontainers.image.version\`).`;
  return undefined;
}

export const labelInvalidKey: DockerfileRule = {
  meta: {
    id: 'label-invalid-key',
    defaultSeverity: 'info',
    category: 'correctness',
    summary: 'Label key outside Docker\'s key format, or in a reserved namespace.',
    why: 'Tools that read labels (registries, scanners, Kubernetes tooling) expect lowercase reverse-DNS keys such as `org.opencontainers.image.source`. Mixed-case or underscore keys are easy to mistype and miss, and `com.docker.*`, `io.docker.*` and `org.dockerproject.*` are reserved for Docker itself.',
    example: 'LABEL Version=1.2.0 build_date=2026-11-23',
    useInstead: 'LABEL org.opencontainers.image.version=1.2.0 org.opencontainers.image.created=2026-11-23T10:00:00Z',
    fixSafety: 'none',
    equivalents: ['hadolint DL3048'],
  },
  check({ model, report }) {
    for (const instruction of model.ast.getInstructions()) {
      if (instruction.getKeyword() !== 'LABEL') continue;
      for (const property of (instruction as Label).getProperties()) {
        const key = property.getName();
        // A key built from variables is only known at build time.
        const message = key && !key.includes('$') ? problem(key) : undefined;
        if (message) report({ range: property.getNameRange(), message });
      }
    }
  },
};
