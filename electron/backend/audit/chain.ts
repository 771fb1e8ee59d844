/**
 * The audit log's hash chain (DOMAIN-DECISIONS "Audit log"): each row's SHA-256 covers its own
 * fields and the previous row's hash, so rewriting or deleting a row (even with the triggers
 * dropped in another program) breaks the chain from that row on, and `kam audit verify` names it.
 * One definition of the hashed text, used by every insert, by migration 0013's sealing of the rows
 * written before the chain (through the SQL function below) and by the verifier.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

/** The previous hash of the first row. */
export const GENESIS = '0'.repeat(64);

export interface ChainedFields {
  id: number;
  at: string;
  actor: string;
  channel: string;
  entity: string | null;
  input: string;
  changes: string | null;
}

/** SHA-256 of the previous hash and the row's fields as a JSON array (unambiguous, any text). */
export function auditHash(prev: string, row: ChainedFields): string {
  const text = JSON.stringify([row.id, row.at, row.actor, row.channel, row.entity, row.input, row.changes]);
  return createHash('sha256').update(`${prev}\n${text}`, 'utf8').digest('hex');
}

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * `kam_audit_hash(prev, id, at, actor, channel, entity, input, changes)` on this connection, for
 * migration 0013 (which seals the rows already written). SQL cannot compute SHA-256 itself.
 */
export function registerAuditFunctions(db: Database): void {
  db.function(
    'kam_audit_hash',
    { deterministic: true, varargs: false },
    (
      prev: unknown,
      id: unknown,
      at: unknown,
      actor: unknown,
      channel: unknown,
      entity: unknown,
      input: unknown,
      changes: unknown,
    ) =>
      auditHash(String(prev), {
        id: Number(id),
        at: String(at),
        actor: String(actor),
        channel: String(channel),
        entity: asText(entity),
        input: String(input),
        changes: asText(changes),
      }),
  );
}
