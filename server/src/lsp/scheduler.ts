/** Handed to scheduled work; its signal aborts once newer work for the document is scheduled or it closes. */
export interface Ticket {
  readonly signal: AbortSignal;
}

interface Entry extends Ticket {
  controller: AbortController;
  version: number;
  dueAt: number;
  /** Stops the work from starting; undefined once it has. */
  unschedule?: () => void;
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
    if (current?.unschedule && current.version === version && current.dueAt <= dueAt) return;
    this.cancel(uri);
    const controller = new AbortController();
    const entry: Entry = { controller, signal: controller.signal, version, dueAt };
    const start = () => {
      entry.unschedule = undefined;
      void this.run(uri, entry);
    };
    // Work due now starts once the message that asked for it is handled (an open is also a
    // content change), not a timer's minimum millisecond later.
    if (delayMs <= 0) {
      const immediate = setImmediate(start);
      entry.unschedule = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(start, delayMs);
      entry.unschedule = () => clearTimeout(timer);
    }
    this.entries.set(uri, entry);
  }

  cancel(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    entry.controller.abort();
    entry.unschedule?.();
    this.entries.delete(uri);
  }
}
