import { setTimeout as sleep } from 'node:timers/promises';

/** Polls until probe() holds: the server answers asynchronously. */
export async function waitFor(what: string, probe: () => boolean, timeoutMs = 30_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !probe(); await sleep(100)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
  }
}
