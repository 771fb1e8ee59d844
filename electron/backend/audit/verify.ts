/**
 * Walks the audit log's hash chain from the first row (DOMAIN-DECISIONS "Audit log") and names the
 * first row that breaks it: a row whose fields no longer give its hash (rewritten), a row whose
 * previous hash is not the row before's (one before it rewritten with a new hash, or the chain
 * spliced), a missing id (deleted), a row without a hash (written around the triggers). Then the
 * anchors outside the chain: a final report names a row and its hash then; a log cut short or
 * rewritten from its end no longer has it. (Backups are not anchors: restoring an older copy
 * rightly shortens the log, which newer copies would then report as cut.) Last, the revenue figures against
 * the checksum the triggers keep (digests.ts).
 */
import type { Database } from 'better-sqlite3';
import type { AuditBreak, AuditVerifyView } from '../../../shared/api/types';
import { TRIGGERS_REPAIRED } from '../db/audit';
import { auditHash, type ChainedFields, GENESIS } from './chain';
import { checkRevenueDigest } from './digests';

interface Row extends ChainedFields {
  prev_hash: string | null;
  hash: string | null;
}

/** A row and hash some record outside the log took when it was made. */
export interface AuditAnchor {
  id: number;
  hash: string;
  /** What took it, in Chinese and English: `第 3 版分析报告（2026-10，全市）`. */
  what: { zh: string; en: string };
}

function broken(id: number, reason: AuditBreak['reason'], zh: string, en: string): AuditBreak {
  return { id, reason, message: zh, messageEn: en };
}

/** The first break in the chain itself, and how many rows were read. */
function walk(db: Database): { rows: number; head: { id: number; hash: string }; broken: AuditBreak | null } {
  let prev = GENESIS;
  let expectedId = 1;
  let rows = 0;
  let head = { id: 0, hash: GENESIS };
  const all = db
    .prepare('SELECT id, at, actor, channel, entity, input, changes, prev_hash, hash FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<Row>;
  for (const row of all) {
    rows++;
    if (row.id !== expectedId) {
      const missing = row.id > expectedId ? `${expectedId}–${row.id - 1}` : String(expectedId);
      return {
        rows,
        head,
        broken: broken(
          expectedId,
          'deleted',
          `审计记录第 ${missing} 条缺失：已被删除（在本程序之外）`,
          `Audit row(s) ${missing} are missing: deleted outside this program`,
        ),
      };
    }
    if (row.hash === null || row.prev_hash === null) {
      return {
        rows,
        head,
        broken: broken(
          row.id,
          'unsealed',
          `审计记录第 ${row.id} 条没有哈希值：它是绕过本程序写入的`,
          `Audit row ${row.id} has no hash: it was written around this program`,
        ),
      };
    }
    if (row.prev_hash !== prev) {
      return {
        rows,
        head,
        broken: broken(
          row.id,
          'unlinked',
          `审计记录第 ${row.id} 条与上一条（第 ${row.id - 1} 条）不相连：第 ${row.id - 1} 条或它之前的记录在本程序之外被改写`,
          `Audit row ${row.id} does not follow row ${row.id - 1}: that row or one before it was rewritten outside this program`,
        ),
      };
    }
    if (auditHash(prev, row) !== row.hash) {
      return {
        rows,
        head,
        broken: broken(
          row.id,
          'altered',
          `审计记录第 ${row.id} 条的内容与其哈希值不符：它在本程序之外被改动过`,
          `Audit row ${row.id} does not match its hash: it was changed outside this program`,
        ),
      };
    }
    prev = row.hash;
    head = { id: row.id, hash: row.hash };
    expectedId++;
  }
  return { rows, head, broken: null };
}

function checkAnchors(db: Database, anchors: readonly AuditAnchor[]): AuditBreak | null {
  const hashOf = db.prepare('SELECT hash FROM audit_log WHERE id = ?');
  for (const a of anchors) {
    const row = hashOf.get(a.id) as { hash: string | null } | undefined;
    if (row?.hash === a.hash) continue;
    return broken(
      a.id,
      'anchor',
      `${a.what.zh}记下的审计记录第 ${a.id} 条${row ? '已被改写' : '已不存在'}：审计日志在本程序之外被截断或重写`,
      `Audit row ${a.id}, recorded by ${a.what.en}, ${row ? 'was rewritten' : 'no longer exists'}: the log was cut or rewritten outside this program`,
    );
  }
  return null;
}

function repairsOf(db: Database): AuditVerifyView['repairs'] {
  const rows = db
    .prepare('SELECT id, at, changes FROM audit_log WHERE channel = ? ORDER BY id')
    .all(TRIGGERS_REPAIRED) as { id: number; at: string; changes: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    triggers: ((r.changes ? JSON.parse(r.changes) : []) as { field: string }[]).map((c) =>
      c.field.replace(/^trigger:/, ''),
    ),
  }));
}

export function verifyAuditChain(db: Database, anchors: readonly AuditAnchor[], now: Date): AuditVerifyView {
  const chain = walk(db);
  const brokenAt = chain.broken ?? checkAnchors(db, anchors);
  const dataBroken = checkRevenueDigest(db);
  return {
    ok: brokenAt === null && dataBroken === null,
    rows: chain.rows,
    head: chain.head,
    broken: brokenAt,
    dataBroken,
    repairs: repairsOf(db),
    checkedAt: now.toISOString(),
  };
}
