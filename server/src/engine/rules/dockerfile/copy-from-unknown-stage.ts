import { copySource, stageReferences } from '../../dockerfile/stages';
import { closestSpelling } from '../../text/edit-distance';
import type { DockerfileRule } from '../rule';

// A tag, digest, registry or path marks an image reference; a bare word was meant as a stage.
const IMAGE_LIKE = /[:@/.]/;

/**
 * Docker Hub official images that Dockerfiles copy tools from by their bare name, as their own
 * docs show (`COPY --from=composer /usr/bin/composer /usr/bin/composer`): such a word names the
 * image unless it is a misspelling of a stage.
 */
const COPIED_FROM_IMAGES = new Set(['composer', 'docker', 'busybox', 'alpine', 'debian', 'ubuntu', 'golang', 'node', 'python', 'nginx', 'caddy', 'traefik', 'redis', 'postgres', 'mysql', 'mariadb', 'php', 'ruby', 'rust', 'gcc', 'maven', 'gradle']);

export const copyFromUnknownStage: DockerfileRule = {
  meta: {
    id: 'copy-from-unknown-stage',
    defaultSeverity: 'error',
    category: 'correctness',
    summary: '`COPY --from` names no earlier stage and no tagged image.',
    why: 'BuildKit treats a `--from` name it cannot find among the stages as an image and tries to pull it (`builder` becomes `docker.io/library/builder:latest`), so a misspelt stage fails far from the typo, or silently copies from an unrelated image. A stage defined after the COPY is an error too: a stage can only copy from stages before it.',
    example: 'FROM golang:1.25 AS build\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=biuld /out/app /app',
    useInstead: 'FROM golang:1.25 AS build\nRUN go build -o /out/app .\n\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app',
    fixSafety: 'none',
    equivalents: ['hadolint DL3022'],
  },
  check({ model, report }) {
    for (const reference of stageReferences(model)) {
      if (reference.kind !== 'copy') continue;
      const { name, range, stage } = reference;
      const source = copySource(model, name);
      if (source) {
        if (source.index > stage.index) report({ range, message: `Stage \`${name}\` is defined after this one; COPY --from can only use earlier stages.` });
        continue;
      }
      if (/^\d+$/.test(name)) report({ range, message: `There is no stage number ${name}; stages are numbered from 0.` });
      else if (!IMAGE_LIKE.test(name) && (!COPIED_FROM_IMAGES.has(name) || closestSpelling(name, model.stages.flatMap((other) => other.name ?? [])))) {
        report({ range, message: `No stage is named \`${name}\`; BuildKit would pull it as the image \`${name}:latest\`.` });
      }
    }
  },
};
