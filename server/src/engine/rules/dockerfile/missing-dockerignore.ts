import { wholeContextCopies } from '../../context/copy-sources';
import { dockerignoreFix } from '../../fixes/conversions/dockerignore';
import type { DockerfileRule } from '../rule';

export const missingDockerignore: DockerfileRule = {
  meta: {
    id: 'missing-dockerignore',
    defaultSeverity: 'warning',
    category: 'layers',
    summary: 'The whole build context is copied and there is no `.dockerignore`.',
    why: 'Without a `.dockerignore`, `COPY . .` sends and bakes in everything next to the Dockerfile: `.git`, `node_modules`, build outputs, local `.env` files and keys. The image grows, every unrelated edit busts the layer cache, and secrets end up in a layer.',
    example: '# no .dockerignore next to the Dockerfile\nCOPY . .',
    useInstead: '# .dockerignore\n.git\nnode_modules\n.env\n*.pem',
    fixSafety: 'unsafe',
    equivalents: [],
  },
  check({ model, context, report }) {
    if (!context || context.dockerignore !== null) return;
    const first = model.stages.flatMap((stage) => wholeContextCopies(model, stage))[0];
    if (!first) return;
    report({
      range: first.range,
      message: 'This copies the whole build context, and there is no .dockerignore: .git, dependencies, build outputs and local secrets go into the image.',
      fixes: [dockerignoreFix(model, context)].filter((fix) => fix !== undefined),
    });
  },
};
