/**
 * Compose files: a service with `build` (a context path, or `{context, dockerfile, target}`)
 * and `image` builds that image. `context` is relative to the compose file, `dockerfile` to
 * the context. A service without `image` builds `<project>-<service>`, the project being the
 * top-level `name:` or else the compose file's folder, normalised as Compose does; at the
 * workspace root without `name:` the folder's name is not known here, and the service is left out.
 */
import { isScalar, type Node, type YAMLMap } from 'yaml';
import { scalarText } from '../../kubernetes/yaml-view';
import type { ImageBuildLink } from '../types';
import { imageBeforeUnknownTag, namedImage } from './image-names';
import { baseName, folderOf, resolveInside } from '../paths';
import { locationOf, scalarAt, yamlRoots, type YamlRoot } from './yaml-roots';

export function readCompose(path: string, text: string): ImageBuildLink[] {
  const links: ImageBuildLink[] = [];
  for (const document of yamlRoots(text, '1.2')) {
    const project = projectName(path, document);
    const services = document.view.map(document.root, 'services');
    for (const item of services?.items ?? []) {
      const service = document.view.asMap(item.value);
      const name = isScalar(item.key) ? scalarText(item.key) : undefined;
      const defaultImage = project && name ? { text: `${project}-${name}`, node: item.key as Node } : undefined;
      const link = service && serviceLink(path, document, service, defaultImage);
      if (link) links.push(link);
    }
  }
  return links;
}

/** The project name as Compose normalises it: lower case, only `a-z0-9_-`, starting with a letter or digit. */
function projectName(path: string, { view, root }: YamlRoot): string | undefined {
  const declared = view.string(root, 'name');
  const interpolated = declared === undefined ? undefined : interpolate(declared);
  if (interpolated && !interpolated.complete) return undefined;
  const folder = folderOf(path);
  const raw = interpolated?.text ?? (folder === '.' ? undefined : baseName(folder));
  const normalised = raw?.toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[^a-z0-9]+/, '');
  return normalised || undefined;
}

function serviceLink(path: string, { view }: YamlRoot, service: YAMLMap, defaultImage: { text: string; node: Node } | undefined): ImageBuildLink | undefined {
  const image = scalarAt(view, service, 'image') ?? defaultImage;
  const build = view.get(service, 'build');
  if (!image || !build) return undefined;
  const interpolated = interpolate(image.text);
  const named = interpolated.complete ? namedImage(interpolated.text) : imageBeforeUnknownTag(interpolated.text);
  if (!named) return undefined;
  const settings = isScalar(build) ? undefined : view.asMap(build);
  if (settings && view.pair(settings, 'dockerfile_inline')) return undefined;
  const contextText = isScalar(build) ? view.string(service, 'build') : view.string(settings, 'context');
  const context = knownPath(folderOf(path), contextText ?? '.');
  const dockerfile = context && knownPath(context, view.string(settings, 'dockerfile') ?? 'Dockerfile');
  if (!context || !dockerfile) return undefined;
  const target = view.string(settings, 'target');
  return { image: named.image, ...(named.tag && { tags: [named.tag] }), dockerfile, context, ...(target && { target }), source: 'compose', location: locationOf(path, view, image.node) };
}

function knownPath(base: string, text: string): string | undefined {
  const interpolated = interpolate(text);
  return interpolated.complete ? resolveInside(base, interpolated.text) : undefined;
}

// `$$`, `$NAME`, `${NAME}` and `${NAME<op>word}`, as Compose's interpolation reads them.
const VARIABLE = /\$(?:(\$)|([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\})/g;

/**
 * The text with what can be known without the environment: `${TAG:-dev}` becomes its
 * default; at the first variable without one the text stops (`complete: false`).
 */
export function interpolate(text: string): { text: string; complete: boolean } {
  let result = '';
  let at = 0;
  for (const match of text.matchAll(VARIABLE)) {
    result += text.slice(at, match.index);
    at = match.index + match[0].length;
    const [, dollar, , , operator, word] = match;
    if (dollar) result += '$';
    else if (operator === ':-' || operator === '-') result += word;
    else return { text: result, complete: false };
  }
  return { text: result + text.slice(at), complete: true };
}
