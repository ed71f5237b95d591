/**
 * ShellCheck off the analysis's critical path. An analysis thread never runs the binary: its
 * `shellcheck` service answers from a replica of the main thread's answers and notes what it
 * missed. The rule findings publish at once; the main thread then runs ShellCheck on the
 * misses in the background, a few processes at a time, shares the answers with every thread,
 * and a shellcheck-only analysis of the same version completes the findings. The answers live
 * on the main thread, so a thread stopped at its time limit loses none of them.
 */
import { allRules, compareFindings, type EngineConfig, type EngineServices, type Finding, type ShellcheckComment, type ShellcheckRequest } from '../engine';
import { runShellcheckAsync } from '../host/shellcheck';

/** One answer, keyed by binary, dialect and script: how answers travel to the analysis threads. */
export type ShellcheckEntry = [key: string, comments: ShellcheckComment[]];

/** What an analysis could not answer from the known answers, for the main thread to run. */
export interface ShellcheckMisses {
  binary: string;
  requests: ShellcheckRequest[];
}

const CACHE_ENTRIES = 5000;

/** Scripts per ShellCheck process: small enough that each run ends well within its own time limit. */
const SCRIPTS_PER_RUN = 16;

/** ShellCheck processes at once, for all documents: the analysis threads need the cores too. */
const MAX_RUNS = 2;

const keyOf = (binary: string, request: ShellcheckRequest) => `${binary}\0${request.dialect}\0${request.script}`;

/** Known answers; past CACHE_ENTRIES the oldest are forgotten first (a Map keeps insertion order). */
export class ShellcheckAnswers {
  private readonly answers = new Map<string, ShellcheckComment[]>();

  has(binary: string, request: ShellcheckRequest): boolean {
    return this.answers.has(keyOf(binary, request));
  }

  add(entries: readonly ShellcheckEntry[]): void {
    for (const [key, comments] of entries) this.answers.set(key, comments);
    for (const key of this.answers.keys()) {
      if (this.answers.size <= CACHE_ENTRIES) break;
      this.answers.delete(key);
    }
  }

  entries(): ShellcheckEntry[] {
    return [...this.answers];
  }

  /** The service for one analysis: known answers, none for the rest, which go to `missed`. */
  service(binary: string, missed: ShellcheckRequest[]): Required<Pick<EngineServices, 'shellcheck'>> {
    return {
      shellcheck: (requests) =>
        requests.map((request) => {
          const known = this.answers.get(keyOf(binary, request));
          if (!known) missed.push(request);
          return known ?? [];
        }),
    };
  }
}

interface Run {
  /** The documents waiting for it: it is skipped when they all moved on before it started. */
  signals: AbortSignal[];
  done: Promise<void>;
}

/** The main thread's side: runs what analyses missed, once per script however many documents ask. */
export class ShellcheckRunner {
  readonly answers = new ShellcheckAnswers();
  private readonly running = new Map<string, Run>();
  private runs = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly reported = new Set<string>();

  constructor(
    /** New answers, to be shared with the analysis threads. */
    private readonly published: (entries: ShellcheckEntry[]) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** Resolves once every request has an answer (or its run failed), or at once when `signal` aborted. */
  async run({ binary, requests }: ShellcheckMisses, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    const awaited = new Set<Run>();
    const fresh = new Map<string, ShellcheckRequest>();
    for (const request of requests) {
      const key = keyOf(binary, request);
      const running = this.running.get(key);
      if (running) {
        running.signals.push(signal);
        awaited.add(running);
      } else if (!this.answers.has(binary, request)) fresh.set(key, request);
    }
    const batch = [...fresh.values()];
    for (let start = 0; start < batch.length; start += SCRIPTS_PER_RUN) awaited.add(this.start(binary, batch.slice(start, start + SCRIPTS_PER_RUN), signal));
    const aborted = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    await Promise.race([Promise.all([...awaited].map((run) => run.done)), aborted]);
  }

  private start(binary: string, requests: ShellcheckRequest[], signal: AbortSignal): Run {
    const keys = requests.map((request) => keyOf(binary, request));
    const run: Run = { signals: [signal], done: Promise.resolve() };
    run.done = this.turn().then(async (release) => {
      try {
        if (run.signals.every((waiter) => waiter.aborted)) return;
        const answers = await runShellcheckAsync(binary, requests, (message) => this.logOnce(message));
        const entries = keys.flatMap((key, index): ShellcheckEntry[] => (answers[index] ? [[key, answers[index]]] : []));
        this.answers.add(entries);
        if (entries.length > 0) this.published(entries);
      } finally {
        for (const key of keys) if (this.running.get(key) === run) this.running.delete(key);
        release();
      }
    });
    for (const key of keys) this.running.set(key, run);
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
