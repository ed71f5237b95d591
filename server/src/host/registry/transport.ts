import { RegistryError } from './errors';

export interface TransportOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  /** Extra attempts after a 429 or 5xx answer. */
  retries: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const MAX_BACKOFF_MS = 4_000;
// A registry asking for minutes (Docker Hub's rate limit) is better reported than waited on.
const MAX_RETRY_AFTER_MS = 10_000;

/**
 * One HTTP exchange with a registry or token server: a timeout per attempt, the caller's
 * cancellation, bounded retries with exponential backoff on 429 and 5xx (Retry-After honoured
 * when short), and network failures turned into RegistryErrors. Other statuses are returned
 * for the caller to judge.
 */
export async function send(url: string, init: RequestInit, options: TransportOptions, signal?: AbortSignal): Promise<Response> {
  const host = new URL(url).host;
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw new RegistryError('cancelled', 'cancelled');
    const timeout = AbortSignal.timeout(options.timeoutMs);
    let response: Response;
    try {
      response = await options.fetch(url, { ...init, redirect: 'follow', signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    } catch (error) {
      if (signal?.aborted) throw new RegistryError('cancelled', 'cancelled');
      if (timeout.aborted) throw new RegistryError('timeout', `${host} did not answer within ${options.timeoutMs} ms`);
      throw new RegistryError('unreachable', `cannot reach ${host} (${networkReason(error)})`);
    }
    const transient = response.status === 429 || response.status >= 500;
    if (!transient || attempt >= options.retries) return response;
    await response.body?.cancel();
    await options.sleep(retryDelay(response, attempt), signal);
  }
}

function retryDelay(response: Response, attempt: number): number {
  const backoff = Math.min(MAX_BACKOFF_MS, 250 * 2 ** attempt);
  const retryAfter = Number(response.headers.get('retry-after'));
  return Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, MAX_RETRY_AFTER_MS) : backoff;
}

/** "ECONNREFUSED" out of undici's `fetch failed` and its cause chain. */
function networkReason(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string') return code;
    if (!current.cause) return current.message;
    current = current.cause;
  }
  return String(current);
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', cancel);
      resolve();
    }
    function cancel() {
      clearTimeout(timer);
      reject(new RegistryError('cancelled', 'cancelled'));
    }
    signal?.addEventListener('abort', cancel, { once: true });
  });
}
