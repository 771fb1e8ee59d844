/**
 * 待办 `forms_missing` (R30, R31): each unit that owes the centre forms for a month the work list
 * chases and has not sent them all. The tracker (submissions/handlers.ts) owns what each unit owes
 * and when; this only asks it. The city and province centres owe themselves nothing.
 */
import type { Database } from 'better-sqlite3';
import type { Policy } from '../../../shared/domain/policy/policy';
import { SUBMISSION_FORMS, type SubmissionForm, submissionDueDate } from '../../../shared/domain/submissions/tracker';
import { formsMonthsToChase, type WorkItem } from '../../../shared/domain/worklist';
import { trackerFor } from '../submissions/handlers';

/** Units that are the centre itself: they send nothing to the centre. */
const NOT_OWING = new Set(['province', 'centre']);

export interface FormsMissingItem extends WorkItem {
  kind: 'forms_missing';
  period: string;
  due: string;
  /** The forms not yet received, in the tracker's order. */
  forms: SubmissionForm[];
}

export function formsMissing(db: Database, today: string, policy: Policy): FormsMissingItem[] {
  const items: FormsMissingItem[] = [];
  for (const period of formsMonthsToChase(today, (p) => submissionDueDate('revenue', p, policy))) {
    for (const unit of trackerFor(db, period, today, policy).units) {
      if (NOT_OWING.has(unit.kind)) continue;
      const missing = unit.cells.filter((c) => c.status === 'pending' || c.status === 'overdue');
      if (missing.length === 0) continue;
      items.push({
        kind: 'forms_missing',
        unit: unit.code,
        period,
        due: missing.map((c) => c.dueOn).sort()[0] as string,
        forms: SUBMISSION_FORMS.filter((f) => missing.some((c) => c.form === f)),
      });
    }
  }
  return items;
}
