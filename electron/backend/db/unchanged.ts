/**
 * Keeps the last answer of a costly read while the database is unchanged. "Unchanged" is exact:
 * `total_changes()` moves on every row this connection writes (triggers included) and
 * `PRAGMA data_version` on every commit of another connection (the writer thread), so any write
 * forces a new read. One slot per connection, keyed also by the read's own arguments.
 *
 * A read may write scratch rows of its own (a temporary table to join against, as the report's
 * trend does): those move `total_changes()` too, so the answer is kept under the counters as they
 * stand after the read. That is exact only while no other connection committed meanwhile, so the
 * answer is kept under the counters from before the read when `data_version` moved during it.
 */
import type { Database } from 'better-sqlite3';

function counters(db: Database): { version: number; changes: number } {
  return {
    version: db.pragma('data_version', { simple: true }) as number,
    changes: db.prepare('SELECT total_changes()').pluck().get() as number,
  };
}

export function keptWhileUnchanged<A, T>(read: (db: Database, args: A) => T, argsKey: (args: A) => string) {
  const last = new WeakMap<Database, { key: string; value: T }>();
  const keyOf = (args: A, c: { version: number; changes: number }) => `${argsKey(args)}|${c.version}|${c.changes}`;
  return (db: Database, args: A): T => {
    const before = counters(db);
    const kept = last.get(db);
    if (kept?.key === keyOf(args, before)) return kept.value;
    const value = read(db, args);
    const after = counters(db);
    last.set(db, { key: keyOf(args, after.version === before.version ? after : before), value });
    return value;
  };
}
