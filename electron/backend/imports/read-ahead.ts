/**
 * Reading the next file while this one is committed (DOMAIN-DECISIONS "Imports", several files
 * picked together). When the officer imports several workbooks picked together (the wizard's
 * queue, `kam import A B C`), `imports/preview` names the file that comes next. Its parse starts
 * in the parse worker as soon as this file's parse is done, and once parsed its rows are read
 * (read-workbook.ts) on the main thread, in paced slices, while this file is checked and
 * committed on the writer thread.
 *
 * What was done ahead is used only if it is still what the preview would do now:
 * - the parse, if the file's bytes are the same (SHA-256 at its own preview);
 * - the reading, if the main connection wrote nothing since it started (`total_changes()`).
 *   Import commits run on the writer thread's connection and do not count; any other write (a
 *   customer, a unit) makes the preview read the parsed file again.
 * The revenue-dependent half of a preview always runs at its own time, after the previous commit.
 * One file is held at most, and dropped unused after a while.
 */
import { basename } from 'node:path';
import type { ImportFile } from './import-file';
import type { PreviewProgress } from './pace';
import { parseSpreadsheet } from './parse';
import type { ParseOutcome } from './parsed-workbook';
import type { WorkbookReading } from './read-workbook';

const KEEP_MS = 5 * 60 * 1000;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface ReadAheadHooks {
  read(outcome: ParseOutcome, progress: PreviewProgress): Promise<WorkbookReading>;
  /** Moves whenever reference data may have changed (the main connection's `total_changes()`). */
  stamp(): number;
}

interface Ahead {
  path: string;
  /** The bytes' SHA-256, or null when the file could not be read (then it is not read ahead). */
  sha256: Promise<string | null>;
  /**
   * Settles when the parse worker is free again. The parsed cells themselves are not kept: once
   * read they are garbage (100,000 rows of cells are ~100 MB), and a stale reading parses again.
   */
  parseDone: Promise<void>;
  reading: Promise<{ stamp: number; result: Settled<WorkbookReading> }>;
  progress: PreviewProgress;
  timer: NodeJS.Timeout;
}

/** What a preview takes: the reading if it is still valid. */
export interface TakenAhead {
  parseDone: Promise<void>;
  /** Null when the reading went stale: parse and read the file again. */
  reading(): Promise<WorkbookReading | null>;
  progress: PreviewProgress;
}

export class ReadAhead {
  private ahead: Ahead | null = null;

  /** Starts reading, parsing and checking `path` now (a file that cannot be read is not read ahead). */
  start(path: string, readFile: (path: string) => Promise<ImportFile>, hooks: ReadAheadHooks): void {
    this.clear();
    const file = readFile(path).catch(() => null);
    const parsed = file.then((f) => (f ? parseSpreadsheet(f.buf, basename(path)) : null));
    const progress: PreviewProgress = { stage: 'parse', done: 0, total: 0 };
    const reading = parsed.then(async (outcome) => {
      const stamp = hooks.stamp();
      if (outcome === null) return { stamp, result: { ok: false, error: new Error('unread') } as const };
      try {
        return { stamp, result: { ok: true, value: await hooks.read(outcome, progress) } as const };
      } catch (error) {
        return { stamp, result: { ok: false, error } as const };
      }
    });
    const parseDone = parsed.then(
      () => undefined,
      () => undefined,
    );
    // Never taken, a failure must not surface as an unhandled rejection; a taker sees it as usual.
    reading.catch(() => undefined);
    // An unused file must not hold memory (or a CLI process) for long.
    const timer = setTimeout(() => this.clear(), KEEP_MS);
    timer.unref();
    this.ahead = { path, sha256: file.then((f) => f?.sha256 ?? null), parseDone, reading, progress, timer };
  }

  /** What was started for this path and these exact bytes, or null (then do it all now). */
  async take(path: string, sha256: string, stamp: () => number): Promise<TakenAhead | null> {
    const a = this.ahead;
    if (!a || a.path !== path) return null;
    this.clear();
    if ((await a.sha256) !== sha256) return null;
    return {
      parseDone: a.parseDone,
      progress: a.progress,
      reading: async () => {
        const { stamp: at, result } = await a.reading;
        if (at !== stamp()) return null;
        if (!result.ok) throw result.error;
        return result.value;
      },
    };
  }

  private clear(): void {
    if (this.ahead) clearTimeout(this.ahead.timer);
    this.ahead = null;
  }
}
