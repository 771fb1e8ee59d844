/**
 * The insert-only audit log (triggers refuse UPDATE and DELETE, migration 0001): one row per
 * write, inside that write's transaction.
 */
import type { Database } from 'better-sqlite3';

export interface AuditEntry {
  at: string;
  actor: string;
  channel: string;
  /** The handler's input as the caller sent it, as JSON. */
  input: string;
}

export function writeAudit(db: Database, entry: AuditEntry): void {
  db.prepare('INSERT INTO audit_log (at, actor, channel, input) VALUES (?, ?, ?, ?)').run(
    entry.at,
    entry.actor,
    entry.channel,
    entry.input,
  );
}
