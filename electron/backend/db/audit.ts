/**
 * The audit log (DOMAIN-DECISIONS "Audit log"): one row per write, inside that write's transaction,
 * chained by SHA-256 to the row before it (audit/chain.ts). Triggers refuse UPDATE and DELETE and
 * an insert that does not continue the chain (migration 0013; checked on every open).
 */
import type { Database } from 'better-sqlite3';
import type { AuditChange } from '../../../shared/domain/audit/changes';
import { auditHash, GENESIS } from '../audit/chain';

export interface AuditEntry {
  at: string;
  actor: string;
  channel: string;
  /** The handler's input as the caller sent it, as JSON, personal values replaced. */
  input: string;
  /** What the write changed, e.g. `customer:12`; null when it names no one record. */
  entity?: string | null;
  /** The entity's fields before → after (personal ones only marked as changed). */
  changes?: readonly AuditChange[] | null;
}

import { SYSTEM_ACTOR, TRIGGERS_REPAIRED } from '../../../shared/domain/audit/system';

// Named where the renderer can read them too.
export { SYSTEM_ACTOR, TRIGGERS_REPAIRED };

export interface AuditHead {
  id: number;
  hash: string;
}

/** The chain's last row, or none yet (id 0, the genesis hash). */
export function readAuditHead(db: Database): AuditHead {
  const row = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string | null }
    | undefined;
  return row ? { id: row.id, hash: row.hash ?? GENESIS } : { id: 0, hash: GENESIS };
}

const chained = new WeakMap<Database, boolean>();

/**
 * Whether this database's log has the chain's columns (migration 0013). Only the tests open a
 * backend over an older schema (to build the files a migration starts from); the app migrates first.
 */
function isChained(db: Database): boolean {
  let known = chained.get(db);
  if (known === undefined) {
    const columns = db.prepare('PRAGMA table_info(audit_log)').all() as { name: string }[];
    known = columns.some((c) => c.name === 'hash');
    chained.set(db, known);
  }
  return known;
}

export function writeAudit(db: Database, entry: AuditEntry): AuditHead {
  if (!isChained(db)) {
    const id = db
      .prepare('INSERT INTO audit_log (at, actor, channel, input) VALUES (?, ?, ?, ?)')
      .run(entry.at, entry.actor, entry.channel, entry.input).lastInsertRowid;
    return { id: Number(id), hash: GENESIS };
  }
  const head = readAuditHead(db);
  const fields = {
    id: head.id + 1,
    at: entry.at,
    actor: entry.actor,
    channel: entry.channel,
    entity: entry.entity ?? null,
    input: entry.input,
    changes: entry.changes && entry.changes.length > 0 ? JSON.stringify(entry.changes) : null,
  };
  const hash = auditHash(head.hash, fields);
  db.prepare(
    `INSERT INTO audit_log (id, at, actor, channel, entity, input, changes, prev_hash, hash)
     VALUES (@id, @at, @actor, @channel, @entity, @input, @changes, @prev, @hash)`,
  ).run({ ...fields, prev: head.hash, hash });
  return { id: fields.id, hash };
}
