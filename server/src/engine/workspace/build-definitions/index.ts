/**
 * Build definitions: the files that say which Dockerfile builds an image (skaffold.yaml,
 * Compose files, Makefiles, shell scripts, GitHub Actions workflows) and Kustomize's image
 * rewrites. Pure readers: a workspace-relative path and the text in, links out; never throws.
 */
import type { BuildDefinitions } from '../types';
import { readCompose } from './compose';
import { KUSTOMIZATION_FILE_NAMES, readKustomization } from './kustomize';
import { readMakefile } from './makefile';
import { baseName } from '../paths';
import { readShellScript } from './shell-script';
import { readSkaffold } from './skaffold';
import { readWorkflow } from './github-actions';

type Reader = (path: string, text: string) => BuildDefinitions;

const links = (read: (path: string, text: string) => BuildDefinitions['links']): Reader => (path, text) => ({ links: read(path, text), rewrites: [] });
/** A build command names its tool: most scripts and Makefiles of a workspace never do, and parsing them as shell cost most of an index build. */
const BUILD_TOOL = /docker|podman|buildah/;
const callingBuildTools = (read: Reader): Reader => (path, text) => (BUILD_TOOL.test(text) ? read(path, text) : { links: [], rewrites: [] });

function readerFor(path: string): Reader | undefined {
  const name = baseName(path);
  if (/^skaffold(?:[.-][\w.-]*)?\.ya?ml$/i.test(name)) return links(readSkaffold);
  if (/^(?:docker-)?compose(?:[.-][\w.-]*)?\.ya?ml$/i.test(name)) return links(readCompose);
  if (KUSTOMIZATION_FILE_NAMES.includes(name)) return readKustomization;
  if (/(?:^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(path)) return links(readWorkflow);
  if (/^(?:GNUmakefile|[Mm]akefile)$|\.mk$/.test(name)) return callingBuildTools(links(readMakefile));
  if (/\.(?:sh|bash)$/i.test(name)) return callingBuildTools(links(readShellScript));
  return undefined;
}

/** Whether the file (workspace-relative, forward slashes) is one of the build definitions read here. */
export function isBuildDefinitionPath(path: string): boolean {
  return readerFor(path) !== undefined;
}

/** What the file says about images; undefined when it is not a build definition. Never throws. */
export function readBuildDefinitions(path: string, text: string): BuildDefinitions | undefined {
  const read = readerFor(path);
  if (!read) return undefined;
  try {
    return read(path, text);
  } catch {
    // A reader that fails on odd input links nothing rather than taking the analysis down.
    return { links: [], rewrites: [] };
  }
}
