import type { Stage } from '../../dockerfile/model';
import { exposedPorts, portNumbers } from '../../dockerfile/ports';
import type { DockerfileRule } from '../rule';

/** The shipped stage and the stages it builds on: their EXPOSEs all end up in the image. */
function shippedChain(stage: Stage | undefined): Stage[] {
  const chain: Stage[] = [];
  for (let current = stage; current; current = current.base.stage) chain.push(current);
  return chain;
}

export const exposeSsh: DockerfileRule = {
  meta: {
    id: 'expose-ssh',
    defaultSeverity: 'warning',
    category: 'security',
    summary: 'The shipped image exposes port 22 (SSH).',
    why: 'An SSH daemon in a container is one more service to patch, a credential to leak and a way in that bypasses the orchestrator\'s audit trail. Use `docker exec` or `kubectl exec` (or an ephemeral debug container) to get a shell instead.',
    example: 'EXPOSE 22 8080',
    useInstead: 'EXPOSE 8080',
    fixSafety: 'none',
    equivalents: ['Trivy DS-0004', 'Checkov CKV_DOCKER_1'],
  },
  check({ model, report }) {
    for (const stage of shippedChain(model.shippedStage)) {
      for (const instruction of stage.instructions) {
        if (instruction.getKeyword() !== 'EXPOSE') continue;
        for (const spec of exposedPorts(instruction)) {
          const numbers = portNumbers(spec.port);
          // SSH is TCP; a range that merely includes 22 says nothing about SSH.
          if (!numbers || numbers[0] !== 22 || numbers[1] !== 22 || (spec.protocol && spec.protocol.toLowerCase() !== 'tcp')) continue;
          report({ range: spec.word.getRange(), message: 'Port 22 (SSH) is exposed by the shipped image; use `docker exec`/`kubectl exec` instead of an SSH daemon.' });
        }
      }
    }
  },
};
