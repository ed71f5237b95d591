import dockerignore from '@balena/dockerignore';

/** Docker's own .dockerignore semantics (negation, `**`, leading slashes), via @balena/dockerignore. */
export function dockerignoreMatcher(content: string): (relativePath: string) => boolean {
  const matcher = dockerignore({ ignorecase: false }).add(content.split(/\r?\n/));
  return (relativePath) => {
    const path = relativePath.replace(/^\.\//, '').replace(/\/+$/, '');
    return path !== '' && path !== '.' && matcher.ignores(path);
  };
}
