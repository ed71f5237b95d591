/**
 * Runs analyses on worker threads so that no document can make the server unresponsive: the
 * thread answering the editor never runs the engine. Each analysis has a time and a memory
 * limit; a thread over either is terminated (the only way to stop synchronous work) and
 * replaced, and the document is told why it has no findings. Work whose document changed or
 * closed is dropped from the queue, and stopped if it has been running for a while.
 */
import { Worker } from 'node:worker_threads';
import type { Analysis } from './analysis';
import type { AnalysisRequest, FromAnalysisThread, ToAnalysisThread } from './analysis-worker';

export interface AnalysisLimits {
  /** Wall-clock time one analysis may take. */
  timeMs: number;
  /** The old-generation heap of one thread. */
  memoryMb: number;
  /**
   * Threads running analyses at once: two, so that one slow document does not hold up the
   * others; more would only compete for the same cores. The second starts only when the work
   * on the first has run SLOW_MS, since each thread holds its own heap (about 30 MB).
   */
  threads: number;
}

export const DEFAULT_LIMITS: AnalysisLimits = { timeMs: 5000, memoryMb: 512, threads: 2 };

/**
 * Stale work that has run this long is terminated rather than waited for. Starting a thread
 * (loading the bundle) takes 100–300 ms and loses its caches (config, build context), so
 * only work that long is worth throwing away with its thread; shorter work ends soon anyway.
 */
const STALE_AFTER_MS = 1000;

/** Work running this long makes the pool start another thread for what is queued behind it. */
const SLOW_MS = 250;

/** The longest pause in typing waited for before analysing (see `debounceFor`). */
const MAX_DEBOUNCE_MS = 150;

interface Job {
  request: AnalysisRequest;
  signal: AbortSignal;
  resolve: (analysis: Analysis | undefined) => void;
}

interface Slot {
  worker: Worker;
  /** Loaded and listening: work is handed only to ready threads, so no limit counts the start-up. */
  ready: boolean;
  running?: { job: Job; id: number; startedAt: number; timers: NodeJS.Timeout[] };
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  /** How long each document's last analysis took. */
  private readonly durations = new Map<string, number>();

  /** `script` is the bundle that serves analyses when loaded on a worker thread. */
  constructor(
    private readonly script: string,
    private readonly log: (message: string) => void,
    private readonly limits: AnalysisLimits = DEFAULT_LIMITS,
    /** What a new thread is told before its first analysis: the state it replicates (the workspace indexes). */
    private readonly greeting: () => ToAnalysisThread[] = () => [],
  ) {}

  /** The analysis, or undefined when `signal` aborted first (a newer version, a close). */
  analyse(request: AnalysisRequest, signal: AbortSignal): Promise<Analysis | undefined> {
    if (signal.aborted) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const job: Job = { request, signal, resolve };
      signal.addEventListener('abort', () => this.abandon(job), { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  /**
   * How long to wait after a change before analysing: as long as the document's last analysis
   * took, at most MAX_DEBOUNCE_MS. A file analysed in a few milliseconds is analysed at once
   * on every keystroke (stale runs are dropped); a slow one waits for a pause in typing rather
   * than starting work that the next keystroke would throw away.
   */
  debounceFor(uri: string): number {
    return Math.min(MAX_DEBOUNCE_MS, Math.ceil(this.durations.get(uri) ?? MAX_DEBOUNCE_MS));
  }

  /** The document closed. */
  forget(uri: string): void {
    this.durations.delete(uri);
  }

  /** Files the analysis reads changed on disk. */
  invalidate(): void {
    this.broadcast({ type: 'invalidate' });
  }

  /** Tells every thread; threads started later learn it from the greeting. */
  broadcast(message: ToAnalysisThread): void {
    for (const slot of this.slots) this.post(slot, message);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((candidate) => candidate.ready && !candidate.running);
      if (!slot) {
        if (this.mayGrow()) this.spawn();
        return;
      }
      this.start(slot, this.queue.shift()!);
    }
  }

  /** A thread to spare, and every thread started and busy with slow work (or none yet). */
  private mayGrow(): boolean {
    const now = performance.now();
    return this.slots.length < this.limits.threads && this.slots.every((slot) => slot.ready && slot.running && now - slot.running.startedAt >= SLOW_MS);
  }

  private spawn(): Slot {
    // A small young generation: the default (up to 16 MB semi-spaces) cost 22 MB of resident
    // memory per thread with 500 documents open, for no measurable speed.
    const worker = new Worker(this.script, { resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: 8 } });
    // The connection keeps the server alive; an idle thread must not.
    worker.unref();
    const slot: Slot = { worker, ready: false };
    worker.on('message', (message: FromAnalysisThread) => {
      if (message.type === 'ready') {
        slot.ready = true;
        this.dispatch();
      } else if (message.type === 'log') this.log(message.message);
      else if (message.id === slot.running?.id) this.finish(slot, message.analysis);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const uri = slot.running?.job.request.uri;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.retire(slot, { kind: 'stopped', after: `when it needed more than ${this.limits.memoryMb} MB of memory` });
      } else {
        this.log(`Analysis thread failed${uri ? ` (${uri})` : ''}: ${error.stack ?? error.message}`);
        this.retire(slot, { kind: 'stopped', after: 'because it failed (the Shipshape log says why)' });
      }
    });
    worker.on('exit', () => this.retire(slot, { kind: 'stopped', after: 'because its thread ended' }));
    for (const message of this.greeting()) this.post(slot, message);
    this.slots.push(slot);
    return slot;
  }

  private start(slot: Slot, job: Job): void {
    const id = this.nextId++;
    const seconds = this.limits.timeMs / 1000;
    const timers = [setTimeout(() => this.retire(slot, { kind: 'stopped', after: `after ${seconds} s, its time limit` }), this.limits.timeMs), setTimeout(() => this.dispatch(), SLOW_MS + 1)];
    slot.running = { job, id, startedAt: performance.now(), timers };
    this.post(slot, { type: 'analyse', id, ...job.request });
  }

  private post(slot: Slot, message: ToAnalysisThread): void {
    slot.worker.postMessage(message);
  }

  private finish(slot: Slot, analysis: Analysis | undefined): void {
    const running = slot.running;
    if (!running) return;
    for (const timer of running.timers) clearTimeout(timer);
    slot.running = undefined;
    // The debounce follows full analyses; a shellcheck-only one is shorter.
    if (analysis && !running.job.request.shellcheckOnly) this.durations.set(running.job.request.uri, performance.now() - running.startedAt);
    running.job.resolve(running.job.signal.aborted ? undefined : analysis);
    this.dispatch();
  }

  /** Stops a thread for good: whatever it was running ends with `analysis`. */
  private retire(slot: Slot, analysis: Analysis | undefined): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    void slot.worker.terminate();
    this.finish(slot, analysis);
    this.dispatch();
  }

  private abandon(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.resolve(undefined);
      return;
    }
    const slot = this.slots.find((candidate) => candidate.running?.job === job);
    if (slot?.running && performance.now() - slot.running.startedAt >= STALE_AFTER_MS) this.retire(slot, undefined);
  }
}
