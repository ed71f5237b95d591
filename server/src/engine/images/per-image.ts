import type { ImageReference } from './reference';

/**
 * Answers kept per image name and tag: a fact about an image (what the tables say of
 * `node:16-alpine`) is asked for every stage and by several rules, of every file that names it.
 * The keeper forgets everything past `limit` names, since an editor session makes a new name
 * with each keystroke in a FROM line; the digest is not part of the key.
 */
export function perImage<T>(compute: (reference: ImageReference) => T, limit = 1000): (reference: ImageReference) => T {
  const kept = new Map<string, T>();
  return (reference) => {
    const key = `${reference.registry ?? ''}\u0000${reference.repository}\u0000${reference.tag ?? ''}`;
    let answer = kept.get(key);
    if (answer === undefined && !kept.has(key)) {
      if (kept.size >= limit) kept.clear();
      answer = compute(reference);
      kept.set(key, answer);
    }
    return answer as T;
  };
}
