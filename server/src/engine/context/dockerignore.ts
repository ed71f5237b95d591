import dockerignore from '@balena/dockerignore';

type Matcher = (relativePath: string) => boolean;

/**
 * Matchers by .dockerignore text, built once: several rules and the .dockerignore fix ask on
 * every analysis, and a context's file changes far less often than its Dockerfile. Few are
 * kept, since each remembers its answer for every path it was asked about.
 */
const matchers = new Map<string, Matcher>();
const KEPT_MATCHERS = 16;

/** Docker's own .dockerignore semantics (negation, `**`, leading slashes), via @balena/dockerignore. */
export function dockerignoreMatcher(content: string): Matcher {
  let matcher = matchers.get(content);
  if (!matcher) {
    if (matchers.size >= KEPT_MATCHERS) matchers.clear();
    matcher = buildMatcher(content);
    matchers.set(content, matcher);
  }
  return matcher;
}

function buildMatcher(content: string): Matcher {
  const matcher = dockerignore({ ignorecase: false }).add(content.split(/\r?\n/));
  return (relativePath) => {
    const path = relativePath.replace(/^\.\//, '').replace(/\/+$/, '');
    return path !== '' && path !== '.' && matcher.ignores(path);
  };
}

/**
 * Whether an exception (`!pattern`) may let back something below an excluded path: with `**`
 * then `!folder1/file1`, the builder still receives `folder1` holding `file1`. A wildcard in a
 * pattern's leading parts counts as a possible match.
 */
export function mayReincludeBelow(content: string, relativePath: string): boolean {
  const path = relativePath.replace(/^\.\//, '').replace(/\/+$/, '').split('/');
  return content.split(/\r?\n/).some((line) => {
    const trimmed = line.trim();
    if (!trimmed.startsWith('!')) return false;
    const pattern = trimmed.slice(1).trim().replace(/^\/+/, '').replace(/^\.\//, '').split('/');
    for (let index = 0; index < path.length; index++) {
      const part = pattern[index];
      if (part === undefined) return false;
      if (part.includes('**')) return true;
      if (!/[*?[]/.test(part) && part !== path[index]) return false;
    }
    return pattern.length > path.length;
  });
}
