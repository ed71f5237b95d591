/**
 * skaffold.yaml: `build.artifacts[]` (and each profile's) name an image and how it is built.
 * `context` is relative to the skaffold.yaml, `docker.dockerfile` (or `kaniko.dockerfile`)
 * to the context, defaulting to `Dockerfile`; artifacts built without a Dockerfile (ko,
 * Jib, Buildpacks, Bazel, custom scripts) link nothing.
 */
import type { YAMLMap } from 'yaml';
import type { ImageBuildLink } from '../types';
import { namedImage } from './image-names';
import { folderOf, resolveInside } from '../paths';
import { locationOf, scalarAt, yamlRoots, type YamlRoot } from './yaml-roots';

const BUILDERS_WITHOUT_DOCKERFILE = ['ko', 'jib', 'buildpacks', 'bazel', 'custom'];

export function readSkaffold(path: string, text: string): ImageBuildLink[] {
  const links: ImageBuildLink[] = [];
  for (const document of yamlRoots(text, '1.2')) {
    const apiVersion = document.view.string(document.root, 'apiVersion');
    if (apiVersion !== undefined && !apiVersion.startsWith('skaffold/')) continue;
    const builds = [document.view.map(document.root, 'build'), ...document.view.maps(document.view.seq(document.root, 'profiles')).map((profile) => document.view.map(profile, 'build'))];
    for (const build of builds) {
      for (const artifact of document.view.maps(document.view.seq(build, 'artifacts'))) {
        const link = artifactLink(path, document, artifact);
        if (link) links.push(link);
      }
    }
  }
  return links;
}

function artifactLink(path: string, { view }: YamlRoot, artifact: YAMLMap): ImageBuildLink | undefined {
  const image = scalarAt(view, artifact, 'image');
  const named = image && namedImage(image.text);
  if (!image || !named) return undefined;
  if (BUILDERS_WITHOUT_DOCKERFILE.some((builder) => view.pair(artifact, builder))) return undefined;
  const builder = view.map(artifact, 'docker') ?? view.map(artifact, 'kaniko');
  const context = resolveInside(folderOf(path), view.string(artifact, 'context') ?? '.');
  const dockerfile = context && resolveInside(context, view.string(builder, 'dockerfile') ?? 'Dockerfile');
  if (!context || !dockerfile) return undefined;
  const target = view.string(builder, 'target');
  return { image: named.image, ...(named.tag && { tags: [named.tag] }), dockerfile, context, ...(target && { target }), source: 'skaffold', location: locationOf(path, view, image.node) };
}
