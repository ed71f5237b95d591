/**
 * ShellCheck off the analysis's critical path. An analysis thread never runs the binary: its
 * `shellcheck` service answers from a replica of the main thread's answers and notes what it
 * missed. The rule findings publish at once; the main thread then runs ShellCheck on the
 * misses in the background, a few processes at a time, shares the answers with every thread,
 * and a shellcheck-only analysis of the same version completes the findings. The answers live
 * on the main thread, so a thread stopped at its time limit loses none of them.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { allRules, compareFindings, type EngineConfig, type Finding, type ShellcheckRequest } from '../engine';
import { runShellcheckAsync, SCRIPTS_PER_RUN, ShellcheckAnswers, shellcheckKey, type ShellcheckEntry } from '../host/shellcheck';

/** What an analysis could not answer from the known answers, for the main thread to run. */
export interface ShellcheckMisses {
  binary: string;
  requests: ShellcheckRequest[];
}

/** ShellCheck processes at once, for all documents: the analysis threads need the cores too. */
const MAX_RUNS = 2;

/** The pause in typing waited for before running ShellCheck on what changed. */
const PAUSE_MS = 150;

interface Run {
  /** The scripts it checks: it takes more, from any document, until it starts. */
  requests: ShellcheckRequest[];
  /** The documents waiting for it: it is skipped when they all moved on before it started. */
  signals: AbortSignal[];
  done: Promise<void>;
}

/**
 * The main thread's side: runs what analyses missed, once per script however many documents
 * ask. While both places are taken, the scripts documents miss meanwhile gather in one waiting
 * run per binary (SCRIPTS_PER_RUN at most), so that opening many Dockerfiles at once starts a
 * process per batch rather than per document: each process costs its start-up (about 7 ms of
 * CPU) and blocks this thread while it is spawned.
 */
export class ShellcheckRunner {
  readonly answers = new ShellcheckAnswers();
  /** By script key: the run that has it, gathering or started. */
  private readonly running = new Map<string, Run>();
  /** By binary: the run still waiting for a place, which takes new scripts. */
  private readonly gathering = new Map<string, Run>();
  private runs = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly reported = new Set<string>();

  constructor(
    /** New answers, to be shared with the analysis threads. */
    private readonly published: (entries: ShellcheckEntry[]) => void,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Resolves once every request has an answer (or its run failed), or at once when `signal`
   * aborts. Waits for a pause first: while someone types, every version's changed script would
   * go to the binary only for its answer to be thrown away, taking a core from the analyses.
   */
  async run({ binary, requests }: ShellcheckMisses, signal: AbortSignal): Promise<void> {
    await delay(PAUSE_MS, undefined, { signal }).catch(() => undefined);
    if (signal.aborted) return;
    const awaited = new Set<Run>();
    for (const request of requests) {
      const key = shellcheckKey(binary, request);
      let run = this.running.get(key);
      if (!run) {
        if (this.answers.has(binary, request)) continue;
        run = this.gatheringRun(binary);
        run.requests.push(request);
        this.running.set(key, run);
      }
      if (!run.signals.includes(signal)) run.signals.push(signal);
      awaited.add(run);
    }
    const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    await Promise.race([Promise.all([...awaited].map((run) => run.done)), aborted]);
  }

  /** The run for `binary` that still takes scripts, a new one when there is none or it is full. */
  private gatheringRun(binary: string): Run {
    const gathering = this.gathering.get(binary);
    if (gathering && gathering.requests.length < SCRIPTS_PER_RUN) return gathering;
    const run: Run = { requests: [], signals: [], done: Promise.resolve() };
    this.gathering.set(binary, run);
    // A place is taken after this document's scripts are added (a microtask later) at the
    // soonest, so an idle runner starts at once with them, a busy one gathers until a place frees.
    run.done = this.turn().then(async (release) => {
      if (this.gathering.get(binary) === run) this.gathering.delete(binary);
      try {
        if (run.signals.every((waiter) => waiter.aborted)) return;
        const answers = await runShellcheckAsync(binary, run.requests, (message) => this.logOnce(message));
        const entries = this.answers.record(binary, run.requests, answers);
        if (entries.length > 0) this.published(entries);
      } finally {
        for (const request of run.requests) {
          const key = shellcheckKey(binary, request);
          if (this.running.get(key) === run) this.running.delete(key);
        }
        release();
      }
    });
    return run;
  }

  /** Waits for one of the MAX_RUNS places; the returned function gives it back. */
  private turn(): Promise<() => void> {
    return new Promise((resolve) => {
      const take = () => {
        this.runs++;
        resolve(() => {
          this.runs--;
          this.waiting.shift()?.();
        });
      };
      if (this.runs < MAX_RUNS) take();
      else this.waiting.push(take);
    });
  }

  private logOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.log(message);
  }
}

/** The config of a shellcheck-only analysis: every other rule off, `shellcheck` as configured. */
export function onlyShellcheck(config: EngineConfig): EngineConfig {
  const off = Object.fromEntries(allRules.filter((rule) => rule.id !== 'shellcheck').map((rule) => [rule.id, 'off' as const]));
  return { ...config, rules: { ...config.rules, ...off } };
}

/** The first analysis's findings with its ShellCheck findings replaced by the complete ones. */
export function withShellcheckFindings(findings: readonly Finding[], checked: readonly Finding[]): Finding[] {
  return [...findings.filter((finding) => finding.rule !== 'shellcheck'), ...checked.filter((finding) => finding.rule === 'shellcheck')].sort(compareFindings);
}
