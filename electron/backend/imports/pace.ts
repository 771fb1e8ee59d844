/**
 * Keeps the main thread answering while an import checks 100,000 rows (issue 4: "a ping answers
 * in < 100 ms during an import"). The parse runs in a worker, but the row checks read SQLite,
 * which lives on the main thread: long loops check `due()` and, every ~10 ms of work, await one
 * turn of the event loop so IPC messages and timers get in. Awaiting only when due keeps the cost
 * of a 100,000-row loop to a few milliseconds.
 */
import type { Database } from 'better-sqlite3';
import {
  type CustomerLookup,
  type HeaderMatch,
  type ReadRevenueOptions,
  type RevenueSheetResult,
  readRevenueSheet,
  type SheetInput,
} from '../../../shared/domain/imports/revenue-sheet';

const SLICE_MS = 10;
/** Rows checked between two looks at the clock. */
const CHUNK_ROWS = 2_000;

export class Pacer {
  private last = performance.now();

  /** True when this loop has held the thread for a slice; then `await pacer.pause()`. */
  due(): boolean {
    return performance.now() - this.last >= SLICE_MS;
  }

  async pause(): Promise<void> {
    await new Promise<void>((resume) => setImmediate(resume));
    this.last = performance.now();
  }
}

/** `items.map(fn)`, pausing when due (100,000 new objects held the thread ~100 ms at once). */
export async function mapPaced<T, U>(items: readonly T[], fn: (item: T) => U, pacer: Pacer): Promise<U[]> {
  const out: U[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    if ((i & 1023) === 0 && pacer.due()) await pacer.pause();
    out[i] = fn(items[i] as T);
  }
  return out;
}

/** `readRevenueSheet` in slices of rows with pauses between them; the same result. */
export async function readRevenueSheetPaced(
  sheet: SheetInput,
  header: HeaderMatch,
  customers: CustomerLookup,
  options: Omit<ReadRevenueOptions, 'from' | 'to'>,
  pacer: Pacer,
): Promise<RevenueSheetResult> {
  const out: RevenueSheetResult = { rows: [], issues: [] };
  for (let from = header.row + 1; from < sheet.rows.length; from += CHUNK_ROWS) {
    const part = readRevenueSheet(sheet, header, customers, { ...options, from, to: from + CHUNK_ROWS });
    // A loop, not push(...): spreading 100,000+ elements can overflow the call stack.
    for (const r of part.rows) out.rows.push(r);
    for (const i of part.issues) out.issues.push(i);
    if (pacer.due()) await pacer.pause();
  }
  return out;
}

/** Customer lookups for one preview, each ID or name asked of SQLite once. */
export function cachedCustomerLookup(db: Database): CustomerLookup {
  const byId = db.prepare('SELECT 1 FROM customers WHERE id = ?').pluck();
  const byName = db.prepare('SELECT id FROM customers WHERE name = ? ORDER BY id LIMIT 3').pluck();
  const ids = new Map<string, boolean>();
  const names = new Map<string, string[]>();
  return {
    byId: (id) => {
      let known = ids.get(id);
      if (known === undefined) {
        known = byId.get(id) !== undefined;
        ids.set(id, known);
      }
      return known;
    },
    byName: (name) => {
      let found = names.get(name);
      if (found === undefined) {
        found = byName.all(name) as string[];
        names.set(name, found);
      }
      return found;
    },
  };
}
