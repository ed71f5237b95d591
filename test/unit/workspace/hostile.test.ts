import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceIndex } from '../../../server/src/engine';
import { HOSTILE_INPUTS } from '../../hostile-inputs';

// Those the server may stop at its time limit are left out: they take seconds in any analysis.
const BOUNDED = HOSTILE_INPUTS.filter((input) => input.expect !== 'findings-or-stopped');

test('the workspace index takes the hostile inputs as Dockerfiles or manifests and still answers', () => {
  const index = new WorkspaceIndex();
  index.setFile('docker-compose.yml', 'services:\n  app:\n    build: app\n    image: ghcr.io/acme/app\n');
  for (const [i, input] of BOUNDED.entries()) {
    const path = input.languageId === 'dockerfile' ? 'app/Dockerfile' : `k8s/${i}.yaml`;
    assert.doesNotThrow(() => index.setFile(path, input.text), input.name);
    assert.doesNotThrow(() => index.resolveImage('ghcr.io/acme/app:1', 'k8s/app.yaml'), input.name);
    assert.doesNotThrow(() => index.dependentsOf(path), input.name);
  }
});
