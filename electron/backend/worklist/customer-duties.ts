/**
 * 待办 kinds that concern customers: archives overdue or due within 7 days (R18), A/B and 专人
 * problems (R20), registrations awaiting a step or a ruling and ownership periods ending (R19,
 * R19c), marketing applications awaiting an opinion or a ruling (R19), and manager changes
 * received late (R30). Each part answers from what it stores; this only turns the answers into
 * work items with the unit and the managers the filters need.
 */
import type { Database } from 'better-sqlite3';
import type { WorkItemView } from '../../../shared/api/types';
import { addDays } from '../../../shared/domain/dates';
import type { Policy } from '../../../shared/domain/policy/policy';
import { DUE_SOON_DAYS, type WorkItem } from '../../../shared/domain/worklist';
import { archiveDueChecker, latestUpdateOnSql } from '../archives/duties';
import { forEachTierSince } from '../archives/tier-spans';
import { type HeldRole, heldRolesOn, roleProblemChecker } from '../assignments/handlers';
import type { HandlerContext } from '../context';
import { lateManagerChanges } from '../organisation/change-batches';
import { registrationDuties } from '../registrations/service';

export type WorkContext = Pick<HandlerContext, 'db' | 'identityIndex'>;

/** A customer as the work list reads it: ID, name, unit ID, the day of its latest archive update. */
type CustomerRow = readonly [id: string, name: string, unitId: number, lastUpdateOn: string | null];

/**
 * What the work list needs to know of every customer on `today`, read once for all its kinds: the
 * name and unit code (所属单位) of each, its latest archive update (R18), and the roles held (R20;
 * the A/B managers are the manager filter). Units are few: their codes are joined in memory.
 */
export interface CustomerFacts {
  unitNames: ReadonlyMap<string, string>;
  customer(customerId: string): CustomerRow | undefined;
  nameOf(customerId: string): string | undefined;
  unitOf(customer: CustomerRow | undefined): string;
  managersOf(customerId: string): number[];
  held: ReadonlyMap<string, readonly HeldRole[]>;
}

export function customerFacts(db: Database, today: string): CustomerFacts {
  const unitCodes = new Map<number, string>();
  const unitNames = new Map<string, string>();
  for (const [id, code, name] of db.prepare('SELECT id, code, name FROM units').raw().all() as [
    number,
    string,
    string,
  ][]) {
    unitCodes.set(id, code);
    unitNames.set(code, name);
  }
  // With each customer, the day R18's clock counts from: one read of the customers for both.
  const customers = new Map<string, CustomerRow>();
  for (const row of db
    .prepare(`SELECT c.id, c.name, c.unit_id, ${latestUpdateOnSql('c.id')} FROM customers c`)
    .raw()
    .all({ today }) as CustomerRow[])
    customers.set(row[0], row);
  const held = heldRolesOn(db, today);
  return {
    unitNames,
    customer: (customerId) => customers.get(customerId),
    nameOf: (customerId) => customers.get(customerId)?.[1],
    unitOf: (c) => (c === undefined ? '' : (unitCodes.get(c[2]) ?? '')),
    managersOf: (customerId) => {
      const roles = held.get(customerId);
      if (roles === undefined) return [];
      const ab: number[] = [];
      for (const [, role, managerId] of roles) if (role === 'A' || role === 'B') ab.push(managerId);
      // Exactly as long as it needs to be: 20,000 of these stay in the kept list.
      return ab.slice();
    },
    held,
  };
}

export function customerDuties(ctx: WorkContext, today: string, policy: Policy, facts: CustomerFacts): WorkItem[] {
  const { db } = ctx;
  const items: WorkItem[] = [];
  // The two kinds every key customer may have, each made whole in one literal with the names the
  // page shows: one shape, no properties added later (20,000 of them at 20,000 customers).
  const dueItem = (
    kind: 'archive_overdue' | 'archive_due',
    customerId: string,
    c: CustomerRow | undefined,
    managerIds: number[],
    due: string,
  ): WorkItemView => {
    const unit = facts.unitOf(c);
    return {
      kind,
      unit,
      customerId,
      managerIds,
      due,
      unitName: facts.unitNames.get(unit) ?? unit,
      customerName: c?.[1] ?? customerId,
    };
  };
  const rolesItem = (
    customerId: string,
    c: CustomerRow | undefined,
    managerIds: number[],
    notes: string[],
  ): WorkItemView => {
    const unit = facts.unitOf(c);
    return {
      kind: 'missing_ab',
      unit,
      customerId,
      managerIds,
      notes,
      unitName: facts.unitNames.get(unit) ?? unit,
      customerName: c?.[1] ?? customerId,
    };
  };

  // R18 and R20 go by the tier each customer holds today (and, for R18, since when): one pass over
  // the spans answers both, each span used as it comes. The span's tier is the same reading of
  // runs, approvals and overrides as assignments/problems makes for the month.
  const soon = addDays(today, DUE_SOON_DAYS);
  const dueOf = archiveDueChecker(today, policy);
  const problemsOf = roleProblemChecker(db, today, policy);
  forEachTierSince(db, today, (customerId, span) => {
    const c = facts.customer(customerId);
    // R18: overdue, or due within the week. Listed under the customer's own unit; who keeps it
    // (the seed's keeper) shows on the customer's archive.
    // Both items of a customer share its A/B managers (the manager filter), worked out once.
    let managerIds: number[] | undefined;
    const due = dueOf(span, c?.[3] ?? null);
    if (due !== null) {
      if (due.overdue || due.dueOn <= soon) {
        managerIds = facts.managersOf(customerId);
        items.push(dueItem(due.overdue ? 'archive_overdue' : 'archive_due', customerId, c, managerIds, due.dueOn));
      }
    }
    // R20: missing A or B (silver and above), a gold customer without 专人, a holder who has left.
    const problems = problemsOf(span.tier, facts.held.get(customerId));
    if (problems.length > 0)
      items.push(rolesItem(customerId, c, managerIds ?? facts.managersOf(customerId), [...problems]));
  });

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
