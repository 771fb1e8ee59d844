/**
 * The centre's inbox of what units send in their templates (DOMAIN-DECISIONS "Template intake"):
 * 新客户申报 and 营销申报 rows received with an import batch (R19). Database work only, inside the
 * batch's transaction — the writer thread's commit and undo jobs call it — so the inbox and the
 * figures arrive and leave together.
 */
import type { Database } from 'better-sqlite3';
import type { TemplateSubmission } from '../../../shared/domain/templates/intake';

/** Stores each row as a pending submission of the batch's unit. */
export function receiveSubmissions(
  db: Database,
  batchId: number,
  unitId: number | null,
  submissions: readonly TemplateSubmission[],
  at: string,
): number {
  if (submissions.length === 0 || unitId === null) return 0;
  const insert = db.prepare(
    `INSERT INTO template_submissions (batch_id, kind, unit_id, sheet, row_no, fields, state, received_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`,
  );
  for (const s of submissions) {
    const { kind, sheet, row, ...fields } = s;
    insert.run(batchId, kind, unitId, sheet, row, JSON.stringify(fields), at);
  }
  return submissions.length;
}

/**
 * Undoing the batch withdraws what the centre has not acted on yet. A submission already filed is
 * the centre's own registration or application now and stays (its source still names the batch);
 * a declined one stays declined, the decision on record. Returns how many were withdrawn and kept.
 */
export function withdrawSubmissions(
  db: Database,
  batchId: number,
  at: string,
  actor: string,
): { withdrawn: number; kept: number } {
  const withdrawn = db
    .prepare(
      `UPDATE template_submissions SET state = 'withdrawn', decided_by = ?, decided_at = ?
       WHERE batch_id = ? AND state = 'pending'`,
    )
    .run(actor, at, batchId).changes;
  const kept = db
    .prepare("SELECT count(*) FROM template_submissions WHERE batch_id = ? AND state = 'filed'")
    .pluck()
    .get(batchId) as number;
  return { withdrawn, kept };
}
