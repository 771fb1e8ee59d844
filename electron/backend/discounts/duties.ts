/**
 * 待办 for tariff discounts (R29): a request waiting for a step (discount_pending, due the policy's
 * stepDays after the request or the last decision), and an approved discount ending within the
 * policy's expiringWarningDays (discount_expiring, due its last day) unless a later request for the
 * same customer and line is pending or approved. Under the customer's own unit and managers.
 */
import type { Database } from 'better-sqlite3';
import { addDays, localDate } from '../../../shared/domain/dates';
import { LINE_NAMES_ZH } from '../../../shared/domain/lines';
import type { Policy } from '../../../shared/domain/policy/policy';
import type { WorkItem } from '../../../shared/domain/worklist';
import { listDiscounts } from './service';

export function discountDuties(
  db: Database,
  today: string,
  policy: Pick<Policy, 'discounts'>,
  managersOf: (customerId: string) => number[],
): WorkItem[] {
  const items: WorkItem[] = [];
  for (const d of listDiscounts(db, { customerId: null, status: 'pending', unitCode: null })) {
    const step = d.steps[d.currentStep ?? 0];
    const last = d.steps.filter((s) => s.decision !== null).at(-1)?.decision;
    const since = last ? localDate(new Date(last.at)) : d.requestedOn;
    items.push({
      kind: 'discount_pending',
      unit: d.unit,
      customerId: d.customerId,
      due: addDays(since, policy.discounts.stepDays),
      managerIds: managersOf(d.customerId),
      notes: [`资费优惠 #${d.id}（${LINE_NAMES_ZH[d.line]}）待${step?.label.zh ?? ''}审批`],
    });
  }
  const until = addDays(today, policy.discounts.expiringWarningDays);
  const expiring = db
    .prepare(
      `SELECT d.id, d.customer_id, d.line, d.valid_to, u.code AS unit FROM discount_requests d
         JOIN customers c ON c.id = d.customer_id JOIN units u ON u.id = c.unit_id
       WHERE d.status = 'approved' AND d.valid_to BETWEEN ? AND ?
         AND NOT EXISTS (SELECT 1 FROM discount_requests n WHERE n.customer_id = d.customer_id AND n.line = d.line
           AND n.status IN ('pending', 'approved') AND n.valid_from > d.valid_to)
       ORDER BY d.valid_to, d.id`,
    )
    .all(today, until) as {
    id: number;
    customer_id: string;
    line: keyof typeof LINE_NAMES_ZH;
    valid_to: string;
    unit: string;
  }[];
  for (const d of expiring)
    items.push({
      kind: 'discount_expiring',
      unit: d.unit,
      customerId: d.customer_id,
      due: d.valid_to,
      managerIds: managersOf(d.customer_id),
      notes: [`资费优惠 #${d.id}（${LINE_NAMES_ZH[d.line]}）${d.valid_to} 到期`],
    });
  return items;
}
