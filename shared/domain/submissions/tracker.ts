/**
 * 数据报送 tracker (R30–R32, DOMAIN-DECISIONS "Submission tracker"): what each unit owes the centre
 * for a month, and whether it arrived on time. A unit's monthly template workbook carries all four
 * forms (an empty sheet means "nothing to report"); a workbook made by hand carries revenue only.
 * The unit's analysis (经营分析, R31) is counted only when the unit wrote it: an empty analysis is
 * not "nothing to analyse".
 */
import { managerChangeDueDate } from '../dates';
import { centreReportDueDate, isLate, unitReportDueDate } from '../duties';
import type { Period } from '../periods';
import type { Policy } from '../policy/policy';
import { TEMPLATE_FORM } from '../templates/layout';

export const SUBMISSION_FORMS = [
  'revenue',
  'registrations',
  'manager_changes',
  'fluctuation_reasons',
  'unit_analysis',
] as const;
export type SubmissionForm = (typeof SUBMISSION_FORMS)[number];

export const SUBMISSION_FORM_NAMES_ZH: Record<SubmissionForm, string> = {
  revenue: '收入明细',
  registrations: '新客户申报',
  manager_changes: '客户经理变动',
  fluctuation_reasons: '波动原因',
  unit_analysis: '经营分析',
};

/** What a template batch delivers by being sent, whatever its sheets hold (see the top). */
const TEMPLATE_BATCH_FORMS: readonly SubmissionForm[] = [
  'revenue',
  'registrations',
  'manager_changes',
  'fluctuation_reasons',
];

/**
 * The forms a committed batch delivers, by the batch's recorded form and whether it stored the
 * unit's analysis (R31).
 */
export function formsOfBatch(batchForm: string, storedAnalysis = false): readonly SubmissionForm[] {
  if (batchForm === TEMPLATE_FORM) {
    return storedAnalysis ? [...TEMPLATE_BATCH_FORMS, 'unit_analysis'] : TEMPLATE_BATCH_FORMS;
  }
  if (batchForm === 'revenue') return ['revenue'];
  return [];
}

/**
 * When a form of the month is due: manager changes by the 25th (R30), everything else with the
 * unit's statistics by the 28th (R31) — both of the month itself, as the policy sets them.
 */
export function submissionDueDate(form: SubmissionForm, period: Period, policy: Pick<Policy, 'reporting'>): IsoDate {
  // The month's changes as a whole: as one effective on its first day (dates.ts, R30).
  if (form === 'manager_changes') return managerChangeDueDate(`${period}-01`, policy.reporting.managerChangeDueDay);
  return unitReportDueDate(period, policy);
}

export { centreReportDueDate };

/** ISO date, YYYY-MM-DD. */
type IsoDate = string;

/**
 * - `on_time` / `late`: received (the first arrival decides; R31 "after the 28th is late");
 * - `pending`: not yet received, not yet due;
 * - `overdue`: not received and the due date has passed.
 */
export type SubmissionStatus = 'on_time' | 'late' | 'pending' | 'overdue';

export function submissionStatus(receivedOn: IsoDate | null, dueOn: IsoDate, today: IsoDate): SubmissionStatus {
  if (receivedOn !== null) return isLate(dueOn, receivedOn) ? 'late' : 'on_time';
  return today > dueOn ? 'overdue' : 'pending';
}

export const SUBMISSION_STATUS_NAMES_ZH: Record<SubmissionStatus, string> = {
  on_time: '已报送',
  late: '逾期报送',
  pending: '未到期',
  overdue: '逾期未报',
};
