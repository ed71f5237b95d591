import { applyEdits, documentKindForPath, type Range, type TextEdit } from '../engine';
import { formatReference } from '../engine/registry/reference';
import { planPins, pinEdit, type PinTarget } from '../engine/registry/pin';
import { RegistryClient } from '../host/registry/client';
import { dockerConfigCredentials, dockerConfigPath } from '../host/registry/credentials';
import { RegistryError } from '../host/registry/errors';
import type { PinOptions } from './args';
import { discoverFiles } from './discovery';
import { describeFsError, type CliIo } from './io';
import { encodeSource, readTextSource, roundTrips } from './source';

type Resolution = { digest: string } | { error: string };

/**
 * `shipshape pin`: rewrites `FROM image:tag` (and COPY --from images) to `image:tag@sha256:…`
 * with the digest the registry serves now. Exit codes as for check: 0 all pinned (or nothing
 * to do), 1 some image could not be resolved, 2 usage error or a file that cannot be read or written.
 */
export async function runPin(options: PinOptions, io: CliIo, client = clientFor(options, io)): Promise<number> {
  const warn = (message: string) => io.stderr.write(`shipshape: ${message}\n`);
  const discovery = discoverFiles(options.paths, io);
  discovery.warnings.forEach(warn);
  if (discovery.files.length === 0) warn('no Dockerfiles found');

  // Each image is asked for once, however many files name it.
  const resolutions = new Map<string, Promise<Resolution>>();
  const resolve = (target: PinTarget): Promise<Resolution> => {
    const key = formatReference({ ...target.reference, digest: undefined });
    let resolution = resolutions.get(key);
    if (!resolution) {
      resolution = client.resolveDigest(target.reference).then(
        ({ digest }) => ({ digest }),
        (error: unknown) => ({ error: error instanceof RegistryError ? error.message : `unexpected failure: ${String(error)}` }),
      );
      resolutions.set(key, resolution);
    }
    return resolution;
  };

  let inputFailed = false;
  let unresolved = 0;
  let pinned = 0;
  for (const file of discovery.files) {
    const source = readTextSource(file, io, warn);
    if (typeof source === 'string') {
      inputFailed ||= source === 'unreadable';
      continue;
    }
    const where = (range: Range) => `${file.displayPath}:${range.start.line + 1}:${range.start.character + 1}`;
    // Named on the command line, any file but YAML is read as a Dockerfile, as check does.
    const plan = planPins(source.text, { update: options.update, kind: documentKindForPath(file.absolutePath) ?? 'dockerfile' });
    for (const skip of plan.skipped) warn(`${where(skip.range)}: skipped: ${skip.message}`);
    const edits: TextEdit[] = [];
    for (const target of plan.targets) {
      const resolution = await resolve(target);
      if ('error' in resolution) {
        warn(`${where(target.range)}: cannot pin ${target.written}: ${resolution.error}`);
        unresolved++;
        continue;
      }
      const edit = pinEdit(target, resolution.digest);
      if (!edit) continue;
      edits.push(edit);
      io.stdout.write(`${where(target.range)}: ${target.written} -> ${edit.newText}\n`);
    }
    if (edits.length === 0) continue;
    // Writing back decoded text would replace invalid bytes with U+FFFD all over the file.
    if (!roundTrips(source)) {
      warn(`did not pin ${file.displayPath}: not valid UTF-8`);
      inputFailed = true;
      continue;
    }
    try {
      io.fs.writeFile(file.absolutePath, encodeSource(applyEdits(source.text, edits), source.bom));
      pinned += edits.length;
    } catch (error) {
      warn(`cannot write ${file.displayPath}: ${describeFsError(error)}`);
      inputFailed = true;
    }
  }
  io.stdout.write(`${pinned} image reference${pinned === 1 ? '' : 's'} pinned${unresolved ? `, ${unresolved} could not be resolved` : ''}\n`);
  if (inputFailed) return 2;
  return unresolved > 0 ? 1 : 0;
}

function clientFor(options: PinOptions, io: CliIo): RegistryClient {
  return new RegistryClient({
    offline: options.offline,
    insecureRegistries: options.insecureRegistries,
    // Credential helpers run programs: the CLI reads only the config file's own auths.
    credentials: dockerConfigCredentials(dockerConfigPath(io.env)),
  });
}
