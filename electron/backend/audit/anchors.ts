/**
 * Records outside the log that name the chain's head when they were made (DOMAIN-DECISIONS
 * "Audit log"): a final report keeps the row and hash it was finalised after. The verifier checks
 * the log still has them; a log cut short or rewritten from some row on loses them.
 */
import type { Database } from 'better-sqlite3';
import type { AuditAnchor } from './verify';

export function reportAnchors(db: Database): AuditAnchor[] {
  const rows = db
    .prepare(
      `SELECT r.audit_head_id AS id, r.audit_head_hash AS hash, r.period, r.revision, u.name AS unit
       FROM analysis_reports r LEFT JOIN units u ON u.id = r.unit_id
       WHERE r.audit_head_id IS NOT NULL AND r.audit_head_id > 0 ORDER BY r.audit_head_id DESC`,
    )
    .all() as { id: number; hash: string; period: string; revision: number; unit: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    hash: r.hash,
    what: {
      zh: `${r.period} ${r.unit ?? '全市'}分析报告第 ${r.revision} 版`,
      en: `the ${r.period} analysis report (${r.unit ?? 'city'}), revision ${r.revision}`,
    },
  }));
}
