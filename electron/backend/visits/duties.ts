/**
 * 待办 for visits (R23): a key customer still short of the month's manager visits or contacts, from
 * seven days before the month ends (DUE_SOON_DAYS, as archives and forms): listed from the 1st,
 * every key customer would be on it. Due the month's last day.
 */
import type { Database } from 'better-sqlite3';
import { addDays } from '../../../shared/domain/dates';
import { lastDayOf, type Period } from '../../../shared/domain/periods';
import type { Policy } from '../../../shared/domain/policy/policy';
import { DUE_SOON_DAYS, type WorkItem } from '../../../shared/domain/worklist';
import { visitObligations } from './service';

export function visitDuties(
  db: Database,
  today: string,
  policy: Pick<Policy, 'visits'>,
  managersOf: (customerId: string) => number[],
): WorkItem[] {
  const period = today.slice(0, 7) as Period;
  const due = lastDayOf(period);
  if (addDays(due, -DUE_SOON_DAYS) > today) return [];
  return visitObligations(db, period, policy)
    .filter((o) => o.short > 0)
    .map((o) => ({
      kind: 'visits_short',
      unit: o.unit,
      customerId: o.customerId,
      due,
      managerIds: managersOf(o.customerId),
      notes: [`本月拜访 ${o.held}/${o.required} 次`],
    }));
}
