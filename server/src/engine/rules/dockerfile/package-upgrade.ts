import type { DockerfileRule } from '../rule';
import { namedPackages, packageFamily, type PackageFamily } from './support/package-managers';
import { linuxStages, runCommands } from './support/shipped-runs';
import { wordRange } from './support/run-commands';

/** Subcommands that upgrade every installed package when they name none. */
const UPGRADES: Readonly<Record<PackageFamily, readonly string[]>> = {
  apt: ['upgrade', 'dist-upgrade', 'full-upgrade'],
  apk: ['upgrade'],
  rpm: ['upgrade', 'update', 'distro-sync'],
  zypper: ['update', 'dist-upgrade', 'patch'],
};

export const packageUpgrade: DockerfileRule = {
  meta: {
    id: 'package-upgrade',
    defaultSeverity: 'info',
    category: 'layers',
    summary: 'A RUN upgrades every package of the base image.',
    why: 'Upgrading all packages makes the build depend on the day it runs: two builds of the same Dockerfile differ, the layer is as large as everything that changed, and the base image\'s own tests no longer cover what ships. Rebuild on a patched base image instead (pin it by digest and let a bot bump it), and upgrade named packages only when a fix cannot wait.',
    example: 'FROM debian:13\nRUN apt-get update && apt-get -y upgrade',
    useInstead: 'FROM debian:13@sha256:…  # a freshly patched base',
    fixSafety: 'none',
    equivalents: ['Trivy DS-0024', 'hadolint DL3035'],
  },
  check({ model, report }) {
    for (const { description, script } of runCommands(model, linuxStages(model))) {
      const family = packageFamily(description);
      const subcommand = description?.subcommand;
      if (!description || !family || !subcommand || !UPGRADES[family].includes(subcommand.name)) continue;
      // Named packages (`yum update openssl`) are a targeted fix; an unknown word may name some.
      if (namedPackages(description).length > 0 || description.operands.some((word) => word.hasExpansion)) continue;
      report({
        range: wordRange(script, subcommand.word),
        message: `\`${description.tool} ${subcommand.word.value ?? subcommand.name}\` upgrades every package of the base image; rebuild on a patched base image instead.`,
      });
    }
  },
};
