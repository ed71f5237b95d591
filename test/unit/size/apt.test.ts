import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimateAptInstall, installedSetIds, type AptEstimate, type AptEstimateOptions } from '../../../server/src/engine/size/apt';

const SLIM_BOOKWORM: AptEstimateOptions = { release: 'bookworm', installedSet: 'debian-minbase', noInstallRecommends: true, excludesDocs: true };
const MB = 1_000_000;

function estimate(packages: string[], options: Partial<AptEstimateOptions> = {}): AptEstimate {
  const result = estimateAptInstall(packages, { ...SLIM_BOOKWORM, ...options });
  assert.ok(result, 'bookworm has data');
  return result;
}

const names = (result: AptEstimate) => result.packages.map((row) => row.name).sort();

describe('estimateAptInstall', () => {
  test('curl on a slim bookworm base: its closure minus what minbase has, docs excluded', () => {
    const result = estimate(['curl']);
    assert.deepEqual(names(result).filter((name) => ['curl', 'libcurl4', 'libnghttp2-14', 'libssh2-1', 'libssl3', 'libc6', 'zlib1g'].includes(name)), [
      'curl',
      'libcurl4',
      'libnghttp2-14',
      'libssh2-1',
      'libssl3',
    ]);
    assert.equal(result.packages.find((row) => row.name === 'curl')?.reason, 'requested');
    assert.equal(result.packages.find((row) => row.name === 'libcurl4')?.reason, 'dependency');
    // libcurl4 recommends ca-certificates: left out with --no-install-recommends.
    assert.ok(!names(result).includes('ca-certificates'));
    // Measured with debootstrap (docs/size-accuracy.md): 11.3 MB.
    assert.ok(result.bytes > 9.6 * MB && result.bytes < 13 * MB, `${result.bytes}`);
    assert.ok(result.bytes < result.installedSizeBytes, 'less than Installed-Size: docs and man pages are excluded');
    assert.deepEqual([result.release, result.unknown, result.alreadyInstalled], ['bookworm', [], []]);
    assert.match(result.indexDate, /^\d{4}-\d{2}-\d{2}$/);
  });

  test('Recommends come along without --no-install-recommends', () => {
    const result = estimate(['curl'], { noInstallRecommends: false });
    assert.equal(result.packages.find((row) => row.name === 'ca-certificates')?.reason, 'recommended');
    assert.ok(result.bytes > estimate(['curl']).bytes);
  });

  test('a base that keeps docs gets the excluded bytes back', () => {
    const slim = estimate(['git']);
    const full = estimate(['git'], { excludesDocs: false });
    assert.deepEqual(names(full), names(slim));
    assert.ok(full.bytes - slim.bytes > 1 * MB, `${full.bytes - slim.bytes}`);
  });

  test('a dependency on a virtual package installs its provider', () => {
    const result = estimate(['bsd-mailx']);
    assert.equal(result.packages.find((row) => row.name === 'exim4-daemon-light')?.reason, 'dependency');
  });

  test('what the base has adds nothing; unknown names are listed, not guessed', () => {
    const result = estimate(['bash', 'no-such-package']);
    assert.deepEqual([result.bytes, result.stateBytes, result.packages], [0, 0, []]);
    assert.deepEqual(result.alreadyInstalled, ['bash']);
    assert.deepEqual(result.unknown, ['no-such-package']);
  });

  test('the full language images already have the build tools (buildpack-deps)', () => {
    const result = estimate(['git', 'gcc', 'curl'], { installedSet: 'buildpack-deps', excludesDocs: false });
    assert.deepEqual(result.alreadyInstalled, ['git', 'gcc', 'curl']);
    assert.equal(result.bytes, 0);
    assert.ok(installedSetIds('bookworm').includes('python-slim'));
  });

  test('packages an earlier RUN installed are not counted again', () => {
    const alone = estimate(['libcurl4-openssl-dev']);
    const after = estimate(['libcurl4-openssl-dev'], { installed: names(estimate(['curl'])) });
    assert.ok(after.bytes < alone.bytes - 5 * MB, `${alone.bytes} → ${after.bytes}`);
    assert.ok(!names(after).includes('libcurl4'));
  });

  test('reports what apt-get update leaves in /var/lib/apt/lists, measured', () => {
    const result = estimate(['jq']);
    assert.ok(result.listsBytes > 15 * MB && result.listsBytes < 30 * MB, `${result.listsBytes}`);
    assert.ok(!result.packages.some((row) => row.bytes <= 0));
  });

  test('Python packages include the bytecode their postinst compiles', () => {
    const pip = estimate(['python3-pip']);
    const files = pip.installedSizeBytes;
    // Measured with debootstrap: 69.8 MB, where the unpacked files alone are about 45 MB.
    assert.ok(pip.bytes > 60 * MB && pip.bytes < 80 * MB, `${pip.bytes} (Installed-Size ${files})`);
  });

  test('trixie has its own data; releases without data (Ubuntu) are undefined', () => {
    const trixie = estimateAptInstall(['curl'], { ...SLIM_BOOKWORM, release: 'trixie' });
    assert.deepEqual([trixie?.release, trixie?.debianVersion.split('.')[0]], ['trixie', '13']);
    assert.ok(trixie?.packages.some((row) => row.name === 'curl' && !row.version.includes('deb12')));
    assert.equal(estimateAptInstall(['curl'], { ...SLIM_BOOKWORM, release: 'noble' }), undefined);
  });
});
