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
import { archiveDueChecker, latestUpdateOnSql } from '../archives/duties';
import { tierSpans } from '../archives/tier-spans';
import { type HeldRole, heldRolesOn, roleProblemChecker } from '../assignments/handlers';
import type { HandlerContext } from '../context';
import { lateManagerChanges } from '../organisation/change-batches';
import { registrationDuties } from '../registrations/service';

export type WorkContext = Pick<HandlerContext, 'db' | 'identityIndex'>;

/**
 * What the work list needs to know of every customer on `today`, read once for all its kinds: the
 * name and unit code (所属单位) of each, its latest archive update (R18), and the roles held (R20;
 * the A/B managers are the manager filter). Units are few: their codes are joined in memory.
 */
export interface CustomerFacts {
  unitNames: ReadonlyMap<string, string>;
  nameOf(customerId: string): string | undefined;
  /** The day of the latest archive update on or before today (R18), null when never updated. */
  lastUpdateOn(customerId: string): string | null;
  unitOf(customerId: string): string;
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
  const customers = new Map<string, readonly [id: string, name: string, unitId: number, lastUpdateOn: string | null]>();
  for (const row of db
    .prepare(`SELECT c.id, c.name, c.unit_id, ${latestUpdateOnSql('c.id')} FROM customers c`)
    .raw()
    .all({ today }) as [string, string, number, string | null][])
    customers.set(row[0], row);
  const held = heldRolesOn(db, today);
  // A customer's A/B managers, worked out for the customers that have a duty, once each.
  const managers = new Map<string, number[]>();
  return {
    unitNames,
    nameOf: (customerId) => customers.get(customerId)?.[1],
    lastUpdateOn: (customerId) => customers.get(customerId)?.[3] ?? null,
    unitOf: (customerId) => {
      const c = customers.get(customerId);
      return c === undefined ? '' : (unitCodes.get(c[2]) ?? '');
    },
    managersOf: (customerId) => {
      const known = managers.get(customerId);
      if (known !== undefined) return known;
      const roles = held.get(customerId);
      if (roles === undefined) return [];
      const ab: number[] = [];
      for (const [, role, managerId] of roles) if (role === 'A' || role === 'B') ab.push(managerId);
      managers.set(customerId, ab);
      return ab;
    },
    held,
  };
}

export function customerDuties(ctx: WorkContext, today: string, policy: Policy, facts: CustomerFacts): WorkItem[] {
  const { db } = ctx;
  const items: WorkItem[] = [];
  const customerItem = (kind: WorkItem['kind'], customerId: string, due?: string, notes?: string[]): WorkItem => {
    const item: WorkItem = {
      kind,
      unit: facts.unitOf(customerId),
      customerId,
      managerIds: facts.managersOf(customerId),
    };
    if (due !== undefined) item.due = due;
    if (notes !== undefined) item.notes = notes;
    return item;
  };

  // R18 and R20 go by the tier each customer holds today (and, for R18, since when): one pass over
  // the spans answers both. The span's tier is the same reading of runs, approvals and overrides as
  // assignments/problems makes for the month.
  const soon = addDays(today, DUE_SOON_DAYS);
  const dueOf = archiveDueChecker(today, policy);
  const problemsOf = roleProblemChecker(db, today, policy);
  for (const [customerId, span] of tierSpans(db, today)) {
    // R18: overdue, or due within the week. Listed under the customer's own unit; who keeps it
    // (the seed's keeper) shows on the customer's archive.
    const due = dueOf(span, facts.lastUpdateOn(customerId));
    if (due !== null) {
      if (due.overdue) items.push(customerItem('archive_overdue', customerId, due.dueOn));
      else if (due.dueOn <= soon) items.push(customerItem('archive_due', customerId, due.dueOn));
    }
    // R20: missing A or B (silver and above), a gold customer without 专人, a holder who has left.
    const problems = problemsOf(span.tier, facts.held.get(customerId));
    if (problems.length > 0) items.push(customerItem('missing_ab', customerId, undefined, [...problems]));
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
