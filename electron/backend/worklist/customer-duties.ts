/**
 * 待办 kinds that concern customers: archives overdue or due within 7 days (R18), A/B and 专人
 * problems (R20), registrations awaiting a step or a ruling and ownership periods ending (R19,
 * R19c), marketing applications awaiting an opinion or a ruling (R19), and manager changes
 * received late (R30). Each part answers from what it stores; this only turns the answers into
 * work items with the unit and the managers the filters need.
 */
import type { Database } from 'better-sqlite3';
import { addDays } from '../../../shared/domain/dates';
import type { Policy } from '../../../shared/domain/policy/policy';
import { DUE_SOON_DAYS, type WorkItem } from '../../../shared/domain/worklist';
import { archiveDuties } from '../archives/duties';
import { allAssignmentProblems } from '../assignments/handlers';
import type { HandlerContext } from '../context';
import { lateManagerChanges } from '../organisation/change-batches';
import { registrationDuties } from '../registrations/service';

export type WorkContext = Pick<HandlerContext, 'db' | 'identityIndex'>;

/** Each customer's unit code (所属单位) and its A/B managers in post on `today` (the manager filter). */
function customerFacts(db: Database, today: string) {
  const units = new Map(
    (
      db.prepare('SELECT c.id, u.code FROM customers c JOIN units u ON u.id = c.unit_id').raw().all() as [
        string,
        string,
      ][]
    ).map(([id, code]) => [id, code]),
  );
  const managers = new Map<string, number[]>();
  for (const [id, manager] of db
    .prepare(
      `SELECT customer_id, manager_id FROM customer_managers
       WHERE role IN ('A', 'B') AND from_on <= ? AND (to_on IS NULL OR to_on > ?)`,
    )
    .raw()
    .all(today, today) as [string, number][]) {
    managers.set(id, [...(managers.get(id) ?? []), manager]);
  }
  return {
    unitOf: (customerId: string) => units.get(customerId) ?? '',
    managersOf: (customerId: string) => managers.get(customerId) ?? [],
  };
}

export function customerDuties(ctx: WorkContext, today: string, policy: Policy): WorkItem[] {
  const { db } = ctx;
  const facts = customerFacts(db, today);
  const items: WorkItem[] = [];
  const customerItem = (kind: WorkItem['kind'], customerId: string, due?: string, notes?: string[]): WorkItem => ({
    kind,
    unit: facts.unitOf(customerId),
    customerId,
    managerIds: facts.managersOf(customerId),
    ...(due === undefined ? {} : { due }),
    ...(notes === undefined ? {} : { notes }),
  });

  // R18: overdue, or due within the week. Listed under the customer's own unit; who keeps it (the
  // seed's keeper) shows on the customer's archive.
  const soon = addDays(today, DUE_SOON_DAYS);
  for (const d of archiveDuties(db, policy, today)) {
    if (d.overdue) items.push(customerItem('archive_overdue', d.customerId, d.dueOn));
    else if (d.dueOn <= soon) items.push(customerItem('archive_due', d.customerId, d.dueOn));
  }

  // R20: missing A or B (silver and above), a gold customer without 专人, a holder who has left.
  for (const p of allAssignmentProblems(db, policy, today)) {
    items.push(customerItem('missing_ab', p.customerId, undefined, p.problems));
  }

  // R19, R19c.
  for (const r of registrationDuties(ctx, today, policy)) {
    items.push({
      kind: r.kind,
      unit: r.unit,
      registrationId: r.registrationId,
      ...(r.customerId === null ? {} : { customerId: r.customerId, managerIds: facts.managersOf(r.customerId) }),
      ...(r.due === null ? {} : { due: r.due }),
    });
  }

  // R19: marketing applications awaiting the owner's opinion or the centre's ruling.
  for (const [id, customerId, unit] of db
    .prepare(
      `SELECT a.id, a.customer_id, u.code FROM applications a JOIN units u ON u.id = a.unit_id
       WHERE a.state IN ('owner_opinion', 'ruling') ORDER BY a.id`,
    )
    .raw()
    .all() as [number, string, string][]) {
    items.push({ kind: 'application', unit, customerId, applicationId: id, managerIds: facts.managersOf(customerId) });
  }

  // R30: changes received late whose due date fell this month or last: the centre follows them up.
  const thisMonth = today.slice(0, 7);
  const lastMonth = addDays(`${thisMonth}-01`, -1).slice(0, 7);
  const managerUnit = db
    .prepare('SELECT u.code FROM managers m JOIN units u ON u.id = m.unit_id WHERE m.id = ?')
    .pluck();
  for (const month of [thisMonth, lastMonth]) {
    for (const c of lateManagerChanges(db, month)) {
      items.push({
        kind: 'manager_change_late',
        unit: managerUnit.get(c.managerId) as string,
        due: c.dueOn,
        managerIds: [c.managerId],
        notes: [`${c.managerName}：${c.summary}（${c.recordedAt.slice(0, 10)} 收到）`],
      });
    }
  }
  return items;
}
