/** Image names as build definitions write them, split into the repository a link names and its tag. */
import { parseImageReference } from '../../images/reference';

export interface NamedImage {
  /** Registry and repository, without tag or digest: "ghcr.io/acme/cart". */
  image: string;
  tag?: string;
}

// Docker's reference grammar: lower-case path components joined by `.`, `_`, `__` or dashes.
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REPOSITORY = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const REGISTRY = /^[A-Za-z0-9.-]+(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;

/** A complete image reference ("cart", "ghcr.io/acme/cart:1.2"); undefined when it is not one. */
export function namedImage(text: string): NamedImage | undefined {
  const reference = parseImageReference(text.trim());
  if (!REPOSITORY.test(reference.repository)) return undefined;
  if (reference.registry !== undefined && !REGISTRY.test(reference.registry)) return undefined;
  if (reference.tag !== undefined && !TAG.test(reference.tag)) return undefined;
  const image = reference.registry ? `${reference.registry}/${reference.repository}` : reference.repository;
  return reference.tag === undefined ? { image } : { image, tag: reference.tag };
}

/**
 * The repository of an image text whose end is not known (`ghcr.io/acme/cart:` before
 * `$(TAG)`): only when the known prefix already reaches the tag separator.
 */
export function imageBeforeUnknownTag(prefix: string): NamedImage | undefined {
  const colon = prefix.lastIndexOf(':');
  if (colon < 0 || prefix.slice(colon).includes('/')) return undefined;
  const named = namedImage(prefix.slice(0, colon));
  return named && { image: named.image };
}
