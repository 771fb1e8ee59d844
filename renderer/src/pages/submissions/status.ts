/**
 * The tracker's vocabulary as colours and orders. Pure, so the mapping the officer reads every
 * month (green on time, orange late, gray not yet due, red overdue) is pinned by a unit test.
 */
import type { SubmissionFormId, SubmissionStatusId } from '../../../../shared/api/types';
import { SUBMISSION_FORMS } from '../../../../shared/domain/submissions/tracker';

/** The columns of the tracker, in the order of the template's sheets. */
export const TRACKER_FORMS: readonly SubmissionFormId[] = SUBMISSION_FORMS;

/** Legend order: what arrived first, then what is still owed, worst last. */
export const STATUS_ORDER: readonly SubmissionStatusId[] = ['on_time', 'late', 'pending', 'overdue'];

export const STATUS_COLORS: Record<SubmissionStatusId, string> = {
  on_time: 'green',
  late: 'orange',
  pending: 'gray',
  overdue: 'red',
};

/** A received form is filled; one still owed is outlined, so the two read apart at a glance. */
export function statusVariant(status: SubmissionStatusId): 'light' | 'outline' {
  return status === 'on_time' || status === 'late' ? 'light' : 'outline';
}

export type DeadlineTone = 'passed' | 'today' | 'soon' | 'later';

/** How urgent the centre's own deadline (R32) is: red once passed or due today, orange within 3 days. */
export function deadlineTone(daysLeft: number): DeadlineTone {
  if (daysLeft < 0) return 'passed';
  if (daysLeft === 0) return 'today';
  if (daysLeft <= 3) return 'soon';
  return 'later';
}

export const DEADLINE_COLORS: Record<DeadlineTone, string> = {
  passed: 'red',
  today: 'red',
  soon: 'orange',
  later: 'postal',
};

/** Received out of expected, as a whole percent for the progress bar (0 when nothing is expected). */
export function receivedPercent(totals: { expected: number; onTime: number; late: number }): number {
  if (totals.expected <= 0) return 0;
  return Math.round(((totals.onTime + totals.late) * 100) / totals.expected);
}

/** The batch `form` as recorded: a unit's monthly template, or a hand-made revenue workbook. */
export type BatchKind = 'template' | 'revenue' | 'other';
export function batchKind(form: string): BatchKind {
  if (form === 'unit-monthly') return 'template';
  if (form === 'revenue') return 'revenue';
  return 'other';
}
