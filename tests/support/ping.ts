/**
 * DOMAIN-DECISIONS "Imports", responsiveness: "the UI and IPC stay responsive during an import". A timer asks a cheap channel every
 * `everyMs` the way an IPC message would arrive; a ping's latency runs from the moment it was due
 * to its answer, so a main thread blocked by the import shows up as a late answer.
 *
 * Latencies are wall-clock figures: the benchmark (`npm run bench -- --only responsiveness`)
 * reports them; the tests only compare them with the same job run unpaced in the same test, and
 * count answers that came while the job was still running (`pingDuring`).
 */
export interface PingAnswer<T> {
  /** When the ping was due (performance.now()). */
  due: number;
  /** When its answer came. */
  at: number;
  value: T;
}

export interface PingLog<T> {
  /** The longest due-to-answer time so far (after `stop`, a ping still waiting counts too). */
  readonly worst: number;
  /** Every answered ping, in the order the answers came. */
  readonly answers: readonly PingAnswer<T>[];
  stop(): Promise<void>;
}

/** Pings every `everyMs` until stopped; each ping is due `everyMs` after the previous one fired. */
export function pingWhile<T>(ping: () => Promise<T>, everyMs = 10): PingLog<T> {
  const answers: PingAnswer<T>[] = [];
  let worst = 0;
  let running = true;
  let last: Promise<void> = Promise.resolve();
  let nextDue = 0;
  const schedule = (due: number) => {
    nextDue = due;
    setTimeout(
      () => {
        if (!running) return;
        last = ping().then((value) => {
          const at = performance.now();
          worst = Math.max(worst, at - due);
          answers.push({ due, at, value });
        });
        schedule(performance.now() + everyMs);
      },
      Math.max(0, due - performance.now()),
    );
  };
  schedule(performance.now() + everyMs);
  return {
    get worst() {
      return worst;
    },
    answers,
    stop: async () => {
      running = false;
      // A ping due while the job still held the thread has waited at least until now.
      worst = Math.max(worst, performance.now() - nextDue);
      await last;
    },
  };
}

export interface Pinged<R, T> {
  value: R;
  /** The longest any ping waited while the job ran, in ms. */
  worst: number;
  /**
   * Pings answered before the job had finished (answers that came after it are left out: they
   * prove nothing about the job).
   */
  during: PingAnswer<T>[];
  /** When the job started and ended (performance.now()). */
  started: number;
  ended: number;
}

/** Runs `job` while pinging; the job's result with what the pings saw. */
export async function pingDuring<R, T>(
  job: () => Promise<R>,
  ping: () => Promise<T>,
  everyMs = 10,
): Promise<Pinged<R, T>> {
  const log = pingWhile(ping, everyMs);
  const started = performance.now();
  let ended = Number.POSITIVE_INFINITY;
  let value: R;
  try {
    // Stamped in the job's own continuation, before anything queued behind it can run.
    value = await job().then((v) => {
      ended = performance.now();
      return v;
    });
  } finally {
    await log.stop();
  }
  return {
    value,
    worst: log.worst,
    during: log.answers.filter((a) => a.at < ended),
    started,
    ended,
  };
}
