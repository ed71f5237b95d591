import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeConfig, parseHadolintConfig, parseShipshapeConfig } from '../../server/src/engine/config/config-file';

test('.shipshape.yaml: rules, registries, shipped stage, failOn', () => {
  const loaded = parseShipshapeConfig('rules:\n  image-latest-tag: error\n  consecutive-run: off\ntrustedRegistries: [docker.io, ghcr.io]\nshippedStage: prod\nfailOn: error\n');
  assert.deepEqual(loaded, {
    config: { rules: { 'image-latest-tag': 'error', 'consecutive-run': 'off', 'image-untrusted-registry': 'warning' }, trustedRegistries: ['docker.io', 'ghcr.io'], shippedStage: 'prod' },
    failOn: 'error',
    problems: [],
  });
});

test('.shipshape.yaml: problems are reported, not thrown', () => {
  assert.deepEqual(parseShipshapeConfig('rules:\n  no-such-rule: off\n  user-root: loud\nfailOn: sometimes\n').problems, [
    'unknown rule `no-such-rule`',
    '`rules.user-root` must be off, info, warning or error',
    '`failOn` must be none, info, warning or error',
  ]);
  assert.match(parseShipshapeConfig('rules: [\n').problems[0], /^not valid YAML/);
  assert.deepEqual(parseShipshapeConfig('').problems, []);
});

test('.hadolint.yaml: ignored, override, trustedRegistries and failure-threshold', () => {
  const loaded = parseHadolintConfig('ignored: [DL3059]\noverride:\n  error: [DL3007]\n  style: [DL3025]\ntrustedRegistries:\n  - docker.io\nfailure-threshold: style\n');
  assert.deepEqual(loaded, {
    // A registry list switches the trusted-registry check on, as in hadolint.
    config: { rules: { 'image-latest-tag': 'error', 'cmd-shell-form': 'info', 'consecutive-run': 'off', 'image-untrusted-registry': 'warning' }, trustedRegistries: ['docker.io'] },
    failOn: 'info',
    problems: [],
  });
});

test('settings closer to the user win', () => {
  assert.deepEqual(mergeConfig({ rules: { a: 'off', b: 'error' }, shippedStage: 'x' }, { rules: { b: 'info' }, shippedStage: undefined }), { rules: { a: 'off', b: 'info' }, shippedStage: 'x' });
});
