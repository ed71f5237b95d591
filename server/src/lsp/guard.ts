/**
 * Wraps a handler so that a bug in it is logged and answered with `fallback`: one bad document
 * or request must not take the server down for every other file.
 */
export function guard<A extends unknown[], R>(
  log: (message: string) => void,
  name: string,
  fallback: R,
  handler: (...args: A) => R | Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  };
}
