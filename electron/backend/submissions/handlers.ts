/**
 * 数据报送 tracker (DOMAIN-DECISIONS "Submission tracker"): month × unit × form — received (with
 * its batch), late, pending or overdue (R30, R31) — the centre's own deadline (R32), and a unit's
 * batches.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type {
  SubmissionBatchView,
  SubmissionCellView,
  SubmissionTrackerView,
  SubmissionUnitView,
} from '../../../shared/api/types';
import { localDate } from '../../../shared/domain/dates';
import {
  centreReportDueDate,
  formsOfBatch,
  SUBMISSION_FORMS,
  type SubmissionForm,
  submissionDueDate,
  submissionStatus,
} from '../../../shared/domain/submissions/tracker';
import { defineHandlers } from '../registry';

interface BatchRow {
  id: number;
  file_name: string;
  unit_id: number | null;
  form: string;
  period: string | null;
  rows_total: number;
  rows_new: number;
  rows_changed: number;
  rows_unchanged: number;
  committed_at: string;
  committed_by: string;
  undone_at: string | null;
}

/** Received on: the officer's local date of the commit (the day the file reached the centre). */
const receivedOn = (committedAt: string): string => localDate(new Date(committedAt));

function toBatchView(r: BatchRow, analysed: ReadonlySet<number> = new Set()): SubmissionBatchView {
  return {
    id: r.id,
    fileName: r.file_name,
    form: r.form,
    period: r.period,
    rows: r.rows_total,
    // As imports/list counts them (imports/handlers.ts): blank rows are the rest of the total.
    created: r.rows_new,
    changed: r.rows_changed,
    unchanged: r.rows_unchanged,
    blank: r.rows_total - r.rows_new - r.rows_changed - r.rows_unchanged,
    committedAt: r.committed_at,
    committedBy: r.committed_by,
    undoneAt: r.undone_at,
    forms: [...formsOfBatch(r.form, analysed.has(r.id))],
  };
}

/** Batches that stored the unit's analysis (经营分析, R31), not withdrawn; `period` null: any month. */
function batchesWithAnalysis(db: Database, period: string | null, unitId?: number): Set<number> {
  const rows =
    period === null
      ? db
          .prepare('SELECT DISTINCT batch_id FROM unit_analyses WHERE unit_id = ?')
          .pluck()
          .all(unitId ?? null)
      : db
          .prepare('SELECT DISTINCT batch_id FROM unit_analyses WHERE period = ? AND withdrawn_at IS NULL')
          .pluck()
          .all(period);
  return new Set(rows as number[]);
}

export function trackerFor(
  db: Database,
  period: string,
  today: string,
  policy: Parameters<typeof submissionDueDate>[2],
) {
  const units = db
    .prepare(
      `SELECT u.id, u.code, u.name, u.kind, (SELECT count(*) FROM customers c WHERE c.unit_id = u.id) AS customers
       FROM units u WHERE u.retired_on IS NULL AND EXISTS (SELECT 1 FROM customers c WHERE c.unit_id = u.id)
       ORDER BY u.code`,
    )
    .all() as { id: number; code: string; name: string; kind: string; customers: number }[];
  // Batches of the month still standing, oldest first: the first arrival decides lateness.
  const batches = db
    .prepare('SELECT * FROM import_batches WHERE period = ? AND undone_at IS NULL ORDER BY committed_at, id')
    .all(period) as BatchRow[];
  const byUnit = new Map<number, BatchRow[]>();
  const unattributed: SubmissionBatchView[] = [];
  for (const b of batches) {
    if (b.unit_id === null) unattributed.push(toBatchView(b));
    else byUnit.set(b.unit_id, [...(byUnit.get(b.unit_id) ?? []), b]);
  }
  const analysed = batchesWithAnalysis(db, period);
  const totals = { expected: 0, onTime: 0, late: 0, pending: 0, overdue: 0 };
  const rows: SubmissionUnitView[] = units.map((u) => {
    const own = byUnit.get(u.id) ?? [];
    const cells: SubmissionCellView[] = SUBMISSION_FORMS.map((form: SubmissionForm) => {
      const delivering = own.filter((b) => formsOfBatch(b.form, analysed.has(b.id)).includes(form));
      const first = delivering[0] ?? null;
      const dueOn = submissionDueDate(form, period, policy);
      const status = submissionStatus(first ? receivedOn(first.committed_at) : null, dueOn, today);
      totals.expected++;
      totals[status === 'on_time' ? 'onTime' : status]++;
      return {
        form,
        status,
        dueOn,
        batchId: first?.id ?? null,
        receivedAt: first?.committed_at ?? null,
        batches: delivering.length,
      };
    });
    return { unitId: u.id, code: u.code, name: u.name, kind: u.kind, customers: u.customers, cells };
  });
  return { units: rows, unattributed, totals };
}

export const submissionHandlers = defineHandlers({
  'submissions/tracker': {
    kind: 'read',
    run: ({ period }, ctx): SubmissionTrackerView => {
      const today = localDate(ctx.now());
      const policy = ctx.policy;
      const { units, unattributed, totals } = trackerFor(ctx.db, period, today, policy);
      const centreDueOn = centreReportDueDate(period, policy);
      return {
        period,
        today,
        unitDueOn: submissionDueDate('revenue', period, policy),
        managerChangeDueOn: submissionDueDate('manager_changes', period, policy),
        centreDueOn,
        centreDaysLeft: Math.round((Date.parse(centreDueOn) - Date.parse(today)) / 86_400_000),
        units,
        unattributed,
        totals,
      };
    },
  },
  'submissions/unit-batches': {
    kind: 'read',
    run: ({ unitId }, { db }): SubmissionBatchView[] => {
      if (!db.prepare('SELECT 1 FROM units WHERE id = ?').get(unitId)) {
        throw new AppError('NOT_FOUND', { zh: `找不到单位 ${unitId}`, en: `Unit ${unitId} not found` }, { unitId });
      }
      // A batch's page lists what it delivered, undone or not: its analysis row counts even withdrawn.
      const analysed = batchesWithAnalysis(db, null, unitId);
      return (
        db
          .prepare('SELECT * FROM import_batches WHERE unit_id = ? ORDER BY id DESC LIMIT 500')
          .all(unitId) as BatchRow[]
      ).map((r) => toBatchView(r, analysed));
    },
  },
});
