/**
 * The database checks (DOMAIN-DECISIONS "Backups"): the verdict of `integrity_check` or the
 * bounded `quick_check`, and the full check (integrity + foreign keys) the writer thread runs in
 * the background. No `__dirname` and no migrations here: the writer's bundle imports this file.
 */
import type { Database as Db } from 'better-sqlite3';
import Database from 'better-sqlite3';

/** Problems kept in a verdict: enough to say what is wrong, not a page of them. */
const VERDICT_LINES = 5;

/** `integrity_check` (or the bounded `quick_check`) as one verdict: 'ok' or the first problems. */
export function integrityVerdict(db: Db, pragma: 'integrity_check' | 'quick_check' = 'integrity_check'): string {
  try {
    const rows = db.pragma(`${pragma}(${VERDICT_LINES})`) as Record<string, string>[];
    const lines = rows.map((r) => Object.values(r)[0] ?? '');
    return lines.length === 1 && lines[0] === 'ok' ? 'ok' : lines.join('；');
  } catch (e) {
    // A page so damaged that the check itself stops ("database disk image is malformed").
    return (e as Error).message;
  }
}

/** The writer thread's request name for the full check. */
export const FULL_CHECK = 'full-check';

export interface FullCheck {
  /** null when sound; else what the checks found. */
  problem: string | null;
}

/** `integrity_check` + `foreign_key_check`: ~2 s at 20,000 customers × 24 months, so never on the main thread. */
export function fullCheck(db: Db): FullCheck {
  const integrity = integrityVerdict(db);
  if (integrity !== 'ok') return { problem: integrity };
  try {
    const orphans = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    const first = orphans[0];
    if (first) {
      return {
        problem: `外键检查发现 ${orphans.length} 处引用缺失（首处：${first.table} 第 ${first.rowid} 行 → ${first.parent}）`,
      };
    }
  } catch (e) {
    return { problem: (e as Error).message };
  }
  return { problem: null };
}

/** What a finished backup copy holds and whether it is sound. */
export interface CopyFacts {
  integrity: string;
  customers: number;
  revenueRows: number;
}

function count(db: Db, table: string): number {
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } catch {
    return 0;
  }
}

/**
 * Makes a fresh copy self-contained (rollback journal, so no `-wal` beside it is needed), checks
 * and counts it. 1–5 s on a 350 MB copy (by the machine's load): the backend asks the writer
 * thread (WriterThread.checkCopy), so IPC keeps answering.
 */
export function inspectCopy(file: string, nativeBinding?: string): CopyFacts {
  const copy = new Database(file, { fileMustExist: true, nativeBinding });
  try {
    copy.pragma('journal_mode = DELETE');
    return {
      integrity: integrityVerdict(copy),
      customers: count(copy, 'customers'),
      revenueRows: count(copy, 'revenue'),
    };
  } finally {
    copy.close();
  }
}
