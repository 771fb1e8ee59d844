/**
 * Issue 4: "a ping answers in < 100 ms during an import". A timer asks a cheap channel every
 * `everyMs` the way an IPC message would arrive; a ping's latency runs from the moment it was due
 * to its answer, so a main thread blocked by the import shows up as a late answer.
 */
export interface PingLog {
  worst: number;
  count: number;
  stop(): Promise<void>;
}

/** Pings `app/info` every `everyMs` until stopped; `worst` is the longest due-to-answer time. */
export function pingWhile(ping: () => Promise<unknown>, everyMs = 10): PingLog {
  const log = { worst: 0, count: 0 };
  let running = true;
  let last: Promise<void> = Promise.resolve();
  let nextDue = 0;
  const schedule = (due: number) => {
    nextDue = due;
    setTimeout(
      () => {
        if (!running) return;
        last = ping().then(() => {
          log.worst = Math.max(log.worst, performance.now() - due);
          log.count++;
        });
        schedule(performance.now() + everyMs);
      },
      Math.max(0, due - performance.now()),
    );
  };
  schedule(performance.now() + everyMs);
  return {
    get worst() {
      return log.worst;
    },
    get count() {
      return log.count;
    },
    stop: async () => {
      running = false;
      // A ping due while the import still held the thread has waited at least until now.
      log.worst = Math.max(log.worst, performance.now() - nextDue);
      await last;
    },
  };
}
