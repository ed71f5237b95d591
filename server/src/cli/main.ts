import { allRules } from '../engine';
import { parseCommandLine, UsageError } from './args';
import { runCheck } from './check';
import { CliError, type CliIo } from './io';
import { runPin } from './pin';
import { PRODUCT_VERSION } from './product';
import { runSize } from './size';

export { processIo, type CliIo } from './io';

/**
 * The whole CLI as a function of its arguments and surroundings, returning the exit code:
 * 0 nothing at or above --fail-on, 1 something is, 2 usage error or unreadable input.
 * `pin` talks to registries, so it answers with a promise; `check` stays synchronous.
 */
export function main(argv: readonly string[], io: CliIo): number | Promise<number> {
  try {
    const command = parseCommandLine(argv);
    switch (command.kind) {
      case 'help':
        io.stdout.write(helpText());
        return 0;
      case 'version':
        io.stdout.write(`${PRODUCT_VERSION}\n`);
        return 0;
      case 'check':
        return runCheck(command.options, io);
      case 'pin':
        return runPin(command.options, io).catch((error: unknown) => reportFailure(error, io));
      case 'size':
        return runSize(command.options, io);
    }
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** One line and no stack trace, whatever went wrong: this runs in CI logs. */
function reportFailure(error: unknown, io: CliIo): number {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof UsageError) io.stderr.write(`shipshape: ${message} (see shipshape --help)\n`);
  else if (error instanceof CliError) io.stderr.write(`shipshape: ${message}\n`);
  else io.stderr.write(`shipshape: internal error: ${message.replace(/\s+/g, ' ')}\n`);
  return 2;
}

function helpText(): string {
  const width = Math.max(...allRules.map((rule) => rule.id.length));
  return `Usage: shipshape check [options] [paths...]
       shipshape pin [--update] [--insecure-registry host:port] [--offline] [paths...]
       shipshape size [--format text|json] [--shipped-stage <name>] [paths...]

Checks Dockerfiles (Dockerfile*, Containerfile*, *.dockerfile) and Kubernetes manifests
(*.yaml, *.yml with apiVersion and kind) in the given files and folders, or in the current
folder. Folders are searched recursively, skipping node_modules and .git; a file named
explicitly is checked whatever its name.

Options:
  --format text|json|sarif   output format (default: text)
  --rule <id>=<level>        set a rule to off, info, warning or error (repeatable)
  --k8s-profile <level>      Pod Security level for manifests: restricted (default) or baseline
  --k8s-version <1.N>        Kubernetes version for version-aware rules (default: the newest known)
  --fail-on <level>          exit 1 when a finding is at or above info, warning or error;
                             none never fails (default: warning)
  --fix                      apply safe fixes in place, then report what is left
  --fix-unsafe               also apply unsafe fixes (they may change how the image
                             behaves: review the diff), including edits to other files
                             of the build context (.dockerignore, entrypoint scripts)
  -h, --help                 show this help
  --version                  show the version

Exit codes: 0 no finding at or above --fail-on, 1 some, 2 usage error or unreadable input.

pin rewrites FROM image:tag (and COPY --from images) to image:tag@sha256:... with the
digest the registry serves now, keeping the tag for readers. Credentials come from
~/.docker/config.json (or $DOCKER_CONFIG) auths.
  --update                   resolve already pinned images again; change digests that moved
  --insecure-registry <host> reach this host:port over plain http (repeatable; loopback
                             registries always are)
  --offline                  never touch the network (every lookup then fails)
Exit codes: 0 all pinned or nothing to do, 1 some image could not be resolved, 2 usage
error or a file that cannot be read or written.

size estimates what each stage of a Dockerfile will weigh, layer by layer: the base
image from the bundled catalog, the packages RUNs install and the caches they leave, the
bytes COPY/ADD take from the build context (.dockerignore applied). Estimates, labelled
with the date of their tables; "at least" marks stages with parts of unknown size.

Rules (default level):
${allRules.map((rule) => `  ${rule.id.padEnd(width)}  ${rule.defaultSeverity.padEnd(7)}  ${rule.summary}`).join('\n')}
`;
}
