/**
 * Compose files: a service with `build` (a context path, or `{context, dockerfile, target}`)
 * and `image` builds that image. `context` is relative to the compose file, `dockerfile` to
 * the context. A service without `image` gets a name made from the project (usually the
 * folder) and is left out: no manifest names an image that way.
 */
import { isScalar, type YAMLMap } from 'yaml';
import type { ImageBuildLink } from '../types';
import { imageBeforeUnknownTag, namedImage } from './image-names';
import { folderOf, resolveInside } from '../paths';
import { locationOf, scalarAt, yamlRoots, type YamlRoot } from './yaml-roots';

export function readCompose(path: string, text: string): ImageBuildLink[] {
  const links: ImageBuildLink[] = [];
  for (const document of yamlRoots(text, '1.2')) {
    const services = document.view.map(document.root, 'services');
    for (const item of services?.items ?? []) {
      const service = document.view.asMap(item.value);
      const link = service && serviceLink(path, document, service);
      if (link) links.push(link);
    }
  }
  return links;
}

function serviceLink(path: string, { view }: YamlRoot, service: YAMLMap): ImageBuildLink | undefined {
  const image = scalarAt(view, service, 'image');
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
