/** What went wrong, so callers can word it (and tests can tell failures apart). */
export type RegistryFailure = 'offline' | 'unreachable' | 'timeout' | 'cancelled' | 'unauthorized' | 'not-found' | 'rate-limited' | 'server' | 'insecure' | 'invalid';

/** One clear sentence per failure; the client never throws anything else at its caller. */
export class RegistryError extends Error {
  constructor(
    readonly failure: RegistryFailure,
    message: string,
  ) {
    super(message);
  }
}
