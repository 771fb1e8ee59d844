/**
 * Keeps the main thread answering while an import checks 100,000 rows, so IPC answers within 100 ms
 * throughout (DOMAIN-DECISIONS "Imports", responsiveness). The parse runs in a worker, but the row
 * checks read SQLite, which lives on the main thread: long loops check `due()` and, every ~10 ms of
 * work, await one turn of the event loop so IPC messages and timers get in. Awaiting only when due
 * keeps the cost of a 100,000-row loop to a few milliseconds.
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
const CHUNK_ROWS = 500;
const ID_PATTERN = /^\d{14}$/;

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

/** `readRevenueSheet` in slices of rows with pauses between them; the same result. */
export async function readRevenueSheetPaced(
  sheet: SheetInput,
  header: HeaderMatch,
  customers: PrimedLookup,
  options: Omit<ReadRevenueOptions, 'from' | 'to'>,
  pacer: Pacer,
): Promise<RevenueSheetResult> {
  const out: RevenueSheetResult = { rows: [], issues: [] };
  const idColumn = header.columns.customerId;
  for (let from = header.row + 1; from < sheet.rows.length; from += CHUNK_ROWS) {
    if (idColumn !== undefined) {
      const ids: string[] = [];
      for (let r = from; r < Math.min(from + CHUNK_ROWS, sheet.rows.length); r++) {
        const v = sheet.rows[r]?.[idColumn]?.v;
        // The reader's own normalisation (trim, no spaces); anything else is looked up one by one.
        const id = v === null || v === undefined ? '' : String(v).replace(/\s/g, '');
        if (ID_PATTERN.test(id)) ids.push(id);
      }
      customers.prime(ids);
    }
    const part = readRevenueSheet(sheet, header, customers, { ...options, from, to: from + CHUNK_ROWS });
    // A loop, not push(...): spreading 100,000+ elements can overflow the call stack.
    for (const r of part.rows) out.rows.push(r);
    for (const i of part.issues) out.issues.push(i);
    if (pacer.progress) pacer.progress.done += Math.min(CHUNK_ROWS, sheet.rows.length - from);
    if (pacer.due()) await pacer.pause();
  }
  return out;
}

export interface PrimedLookup extends CustomerLookup {
  /** Asks SQLite about many IDs in one statement, so `byId` answers them from memory. */
  prime(ids: readonly string[]): void;
}

/**
 * Customer lookups for one preview, each ID or name asked of SQLite once. IDs are primed a slice
 * of rows at a time (one `json_each` statement per slice): one point query per distinct ID was
 * ~0.4 s of a month's twelve workbooks.
 */
export function cachedCustomerLookup(db: Database): PrimedLookup {
  const byId = db.prepare('SELECT 1 FROM customers WHERE id = ?').pluck();
  const known = db
    .prepare('SELECT j.value FROM json_each(?) j WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = j.value)')
    .pluck();
  const byName = db.prepare('SELECT id FROM customers WHERE name = ? ORDER BY id LIMIT 3').pluck();
  const ids = new Map<string, boolean>();
  const names = new Map<string, string[]>();
  return {
    prime: (list) => {
      const ask = [...new Set(list)].filter((id) => !ids.has(id));
      if (ask.length === 0) return;
      for (const id of ask) ids.set(id, false);
      for (const id of known.all(JSON.stringify(ask)) as string[]) ids.set(id, true);
    },
    byId: (id) => {
      let found = ids.get(id);
      if (found === undefined) {
        found = byId.get(id) !== undefined;
        ids.set(id, found);
      }
      return found;
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
