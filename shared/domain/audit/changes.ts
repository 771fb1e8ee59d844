/**
 * What a write changed, field by field (DOMAIN-DECISIONS "Audit log"): the entity's stored fields
 * read before and after the write, inside its transaction. A personal field records only that it
 * changed (personal.ts); a long text is cut, saying how long it was (the record it belongs to keeps
 * it whole, e.g. a report's revisions).
 */
import { isPersonalField } from './personal';

export type AuditValue = string | number | boolean | null;

export interface AuditChange {
  field: string;
  /** Absent for a personal field (and `personal` is true); null when the entity was created. */
  before?: AuditValue;
  after?: AuditValue;
  personal?: true;
}

/** Longest text kept whole in a change; longer ones are cut to this and marked. */
export const CHANGE_TEXT_MAX = 200;

export type FieldRecord = Readonly<Record<string, unknown>>;

function auditValue(v: unknown): AuditValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length <= CHANGE_TEXT_MAX ? text : `${text.slice(0, CHANGE_TEXT_MAX)}…（共 ${text.length} 字）`;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields that differ between `before` and `after` (null: the entity did not exist), in the
 * order they first appear, leaving out `ignore` (bookkeeping such as `updated_at` or a search key
 * derived from the name).
 */
export function diffRecords(
  before: FieldRecord | null,
  after: FieldRecord | null,
  ignore: ReadonlySet<string> = new Set(),
): AuditChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: AuditChange[] = [];
  for (const field of fields) {
    if (ignore.has(field)) continue;
    const b = before?.[field];
    const a = after?.[field];
    if (same(b, a)) continue;
    if (isPersonalField(field)) changes.push({ field, personal: true });
    else changes.push({ field, before: auditValue(b), after: auditValue(a) });
  }
  return changes;
}
