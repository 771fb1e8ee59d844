/**
 * Keeps the last answer of a costly read while the database is unchanged. "Unchanged" is exact:
 * `total_changes()` moves on every row this connection writes (triggers included) and
 * `PRAGMA data_version` on every commit of another connection (the writer thread), so any write
 * forces a new read. One slot per connection, keyed also by the read's own arguments.
 */
import type { Database } from 'better-sqlite3';

export function keptWhileUnchanged<A, T>(read: (db: Database, args: A) => T, argsKey: (args: A) => string) {
  const last = new WeakMap<Database, { key: string; value: T }>();
  return (db: Database, args: A): T => {
    const version = db.pragma('data_version', { simple: true }) as number;
    const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
    const key = `${argsKey(args)}|${version}|${changes}`;
    const kept = last.get(db);
    if (kept?.key === key) return kept.value;
    const value = read(db, args);
    last.set(db, { key, value });
    return value;
  };
}
