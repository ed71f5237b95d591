import type { DockerfileRule } from '../rule';

export const healthcheckMissing: DockerfileRule = {
  meta: {
    id: 'healthcheck-missing',
    defaultSeverity: 'off',
    category: 'correctness',
    summary: 'The shipped image has no HEALTHCHECK.',
    why: 'Docker and Swarm only know whether a container is healthy when the image (or the run command) defines a HEALTHCHECK. Off by default: Kubernetes ignores HEALTHCHECK and uses its own probes, and a base image may already define one.',
    example: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/',
    useInstead: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK --interval=30s --timeout=3s CMD ["curl", "-fsS", "http://localhost/"]',
    fixSafety: 'none',
    equivalents: ['hadolint DL3057'],
  },
  check({ model, report }) {
    const shipped = model.shippedStage;
    if (!shipped) return;
    for (let stage: typeof shipped | undefined = shipped; stage; stage = stage.base.stage) {
      // `HEALTHCHECK NONE` is a decision too.
      if (stage.instructions.some((instruction) => instruction.getKeyword() === 'HEALTHCHECK')) return;
    }
    report({ range: shipped.base.writtenRange, message: 'The shipped image defines no HEALTHCHECK.' });
  },
};
