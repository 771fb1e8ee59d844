/**
 * Keeps the main thread answering while an import checks 100,000 rows, so IPC answers within 100 ms
 * throughout (DOMAIN-DECISIONS "Imports", responsiveness). The parse runs in a worker, but the row
 * checks read SQLite, which lives on the main thread: long loops check `due()` and, every ~10 ms of
 * work, await one turn of the event loop so IPC messages and timers get in. Awaiting only when due
 * keeps the cost of a 100,000-row loop to a few milliseconds.
 */
const SLICE_MS = 10;

/** How far a preview has got, for the wizard's progress bar (`imports/progress`). */
export interface PreviewProgress {
  stage: 'read' | 'parse' | 'check' | 'compare';
  /** Data rows checked so far, of `total` (known once the file is parsed). */
  done: number;
  total: number;
}

export class Pacer {
  private last = performance.now();

  constructor(readonly progress: PreviewProgress | null = null) {}

  /** True when this loop has held the thread for a slice; then `await pacer.pause()`. */
  due(): boolean {
    return performance.now() - this.last >= SLICE_MS;
  }

  async pause(): Promise<void> {
    await new Promise<void>((resume) => setImmediate(resume));
    this.last = performance.now();
  }
}
