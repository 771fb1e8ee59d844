/**
 * The revenue figures' running checksum (DOMAIN-DECISIONS "Audit log"). Migration 0013's triggers
 * keep `data_digests` as every write lands, adding and taking away each row's term; this
 * recomputes it from the rows. The two differ only when figures were written with the triggers
 * dropped, that is outside this program: the audit log then has no row for the change.
 *
 * A checksum, not a signature: it catches an edit made without this program, not a forger who
 * reads this file (nothing on one workstation without a secret could); the chain's anchors in
 * printed reports and exports are what a forger cannot reach.
 */
import type { Database } from 'better-sqlite3';
import type { DataDigestBreak } from '../../../shared/api/types';

/** A prime below 2^31: each term stays below it, and millions of them sum within 2^53. */
const PRIME = 2_147_483_629n;

/** FNV-1a over the row's key: its weight, so moving a figure to another cell changes the sum. */
function keyWeight(key: string): bigint {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (BigInt(h) % PRIME) + 1n;
}

/** One revenue row's term: its key's weight times its amount, modulo PRIME (never negative). */
export function revenueTerm(customerId: string, period: string, line: string, amountFen: number): number {
  const amount = ((BigInt(amountFen) % PRIME) + PRIME) % PRIME;
  return Number((keyWeight(`${customerId}|${period}|${line}`) * amount) % PRIME);
}

/**
 * `kam_revenue_term(customer_id, period, line, amount_fen)` on this connection: migration 0013's
 * triggers call it on every revenue write. Registered on each connection that writes.
 */
export function registerDigestFunctions(db: Database): void {
  db.function(
    'kam_revenue_term',
    { deterministic: true, varargs: false },
    (c: unknown, p: unknown, l: unknown, a: unknown) => revenueTerm(String(c), String(p), String(l), Number(a)),
  );
}

interface Digest {
  rows: number;
  total: number;
}

function hasDigests(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'data_digests'").get() !== undefined;
}

function recompute(db: Database): Digest {
  let rows = 0;
  let total = 0;
  const all = db
    .prepare('SELECT customer_id, period, line, amount_fen FROM revenue')
    .raw()
    .iterate() as IterableIterator<[string, string, string, number]>;
  for (const [c, p, l, a] of all) {
    rows++;
    total += revenueTerm(c, p, l, a);
  }
  return { rows, total };
}

/** The recomputed checksum against the kept one; null when they agree (or the schema predates it). */
export function checkRevenueDigest(db: Database): DataDigestBreak | null {
  if (!hasDigests(db)) return null;
  const kept = db.prepare("SELECT rows, total FROM data_digests WHERE id = 1 AND name = 'revenue'").get() as
    | Digest
    | undefined;
  const actual = recompute(db);
  if (kept !== undefined && kept.rows === actual.rows && kept.total === actual.total) return null;
  const counts =
    kept === undefined || kept.rows === actual.rows
      ? { zh: '', en: '' }
      : {
          zh: `（记下 ${kept.rows} 条，现有 ${actual.rows} 条）`,
          en: ` (${kept.rows} rows recorded, ${actual.rows} now)`,
        };
  return {
    table: 'revenue',
    keptRows: kept?.rows ?? null,
    actualRows: actual.rows,
    message: `收入数据与本程序记下的校验值不符${counts.zh}：有收入数字在本程序之外被改动、添加或删除，审计日志中没有对应记录。请从改动之前的备份恢复，或核对后重新导入。`,
    messageEn: `The revenue figures do not match the checksum this program keeps${counts.en}: figures were changed, added or deleted outside this program, with no audit row. Restore a backup from before the change, or check and import again.`,
  };
}
