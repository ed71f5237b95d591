import { multiStageConversion } from '../../fixes/conversions/multi-stage';
import type { DockerfileRule } from '../rule';
import { shippedPackages } from './support/layer-history';
import { isUnusedBuildTool } from './support/package-lists';
import { appRuntimeWords, groupByRange } from './support/shipped-runs';
import { wordRange } from './support/run-commands';

export const buildToolsInFinalImage: DockerfileRule = {
  meta: {
    id: 'build-tools-in-final-image',
    defaultSeverity: 'warning',
    category: 'base-image',
    summary: 'The shipped image installs compilers or build dependencies.',
    why: 'Compilers, headers (`*-dev`, `*-devel`), build systems and git are needed to build the app, not to run it. Left in the shipped image they add hundreds of megabytes and hand an attacker a toolchain. Build in an earlier stage and copy only the output into a slim or distroless final stage, or remove them in the same RUN that installs them (`apk del .build-deps`, `apt-get purge --auto-remove`). Only the stage that ships is checked.',
    example: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n    && rm -rf /var/lib/apt/lists/*\nCOPY . /app\nRUN pip install --no-cache-dir /app',
    useInstead: 'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\nCOPY . /app\nRUN pip wheel --no-cache-dir --wheel-dir /wheels /app\n\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nRUN pip install --no-cache-dir /wheels/*',
    fixSafety: 'unsafe',
    equivalents: [],
  },
  check({ model, config, context, report }) {
    const runtime = appRuntimeWords(model);
    // No CMD or ENTRYPOINT: a toolchain or dev-container image, where build tools are the point.
    if (!runtime) return;
    // Removing a package in a later RUN saves nothing: the earlier layer keeps it.
    const tools = shippedPackages(model).filter((artifact) => isUnusedBuildTool(artifact.name, runtime));
    // A single-stage file can become a builder plus a distroless stage that leaves the tools behind.
    const conversion = tools.length > 0 ? multiStageConversion.convert({ model, config, context }) : undefined;
    for (const { range, items } of groupByRange(tools, (artifact) => wordRange(artifact.command.script, artifact.word))) {
      const names = items.map((artifact) => `\`${artifact.name}\``).join(', ');
      report({
        range,
        message: `${names} ${items.length > 1 ? 'are build tools' : 'is a build tool'} in the shipped image; build in an earlier stage and copy only the output, or remove ${items.length > 1 ? 'them' : 'it'} in the same RUN.`,
        fixes: conversion && 'fix' in conversion ? [conversion.fix] : [],
      });
    }
  },
};
