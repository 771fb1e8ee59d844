/**
 * The centre's inbox of what units send in their templates (DOMAIN-DECISIONS "Template intake"):
 * 新客户申报 and 营销申报 rows received with an import batch (R19). Database work only, inside the
 * batch's transaction — the writer thread's commit and undo jobs call it — so the inbox and the
 * figures arrive and leave together.
 */
import type { Database } from 'better-sqlite3';
import { localDate } from '../../../shared/domain/dates';
import type { TemplateSubmission } from '../../../shared/domain/templates/intake';
import type { WorkItem } from '../../../shared/domain/worklist';

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

/**
 * 待办: each row still waiting in the inbox, under the unit that sent it, due the day it arrived
 * (the centre acts on what units send; nothing else dates it).
 */
export function inboxDuties(db: Database): WorkItem[] {
  return (
    db
      .prepare(
        `SELECT u.code, s.kind, s.fields ->> '$.name' AS name, s.fields ->> '$.customerName' AS customer_name,
           s.fields ->> '$.customerId' AS customer_id, s.received_at
         FROM template_submissions s JOIN units u ON u.id = s.unit_id WHERE s.state = 'pending' ORDER BY s.id`,
      )
      .all() as {
      code: string;
      kind: 'registration' | 'application';
      name: string | null;
      customer_name: string | null;
      customer_id: string | null;
      received_at: string;
    }[]
  ).map((r) => ({
    kind: 'template_inbox',
    unit: r.code,
    ...(r.customer_id ? { customerId: r.customer_id } : {}),
    due: localDate(new Date(r.received_at)),
    notes: [`${r.kind === 'registration' ? '新客户申报' : '营销申报'}：${r.name ?? r.customer_name ?? ''}`],
  }));
}
