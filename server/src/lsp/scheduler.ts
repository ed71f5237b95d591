/** Handed to scheduled work; its signal aborts once newer work for the document is scheduled or it closes. */
export interface Ticket {
  readonly signal: AbortSignal;
}

interface Entry extends Ticket {
  controller: AbortController;
  version: number;
  dueAt: number;
  timer?: NodeJS.Timeout;
}

/**
 * Per-document debouncing with cancellation. Only the newest work for a document may run to
 * the end: work that awaits (settings, the analysis thread) checks its ticket afterwards, so a
 * result for an old version is never published, and the analysis pool drops or stops work
 * whose ticket aborted.
 */
export class Scheduler {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly run: (uri: string, ticket: Ticket) => Promise<void>) {}

  schedule(uri: string, version: number, delayMs: number): void {
    const dueAt = Date.now() + delayMs;
    const current = this.entries.get(uri);
    // Opening a document asks for it now and, as a content change, again after the debounce:
    // one run for the same version is enough, and it reads the settings only when it starts.
    if (current?.timer && current.version === version && current.dueAt <= dueAt) return;
    this.cancel(uri);
    const controller = new AbortController();
    const entry: Entry = { controller, signal: controller.signal, version, dueAt };
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      void this.run(uri, entry);
    }, delayMs);
    this.entries.set(uri, entry);
  }

  cancel(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.controller.abort();
    clearTimeout(entry.timer);
    this.entries.delete(uri);
  }
}
