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
import { type HeldRole, heldRolesSql, roleProblemChecker, unpackHeldRoles } from '../assignments/handlers';
import type { HandlerContext } from '../context';
import { lateManagerChanges } from '../organisation/change-batches';
import { registrationDuties } from '../registrations/service';

export type WorkContext = Pick<HandlerContext, 'db' | 'identityIndex'>;

/**
 * What the work list shows of a customer beside a duty found elsewhere (a registration, an
 * application): its name, unit code (所属单位) and A/B managers (the manager filter), looked up per
 * customer as those are few; the units' names and codes, which are few too, read once.
 */
export interface CustomerFacts {
  unitNames: ReadonlyMap<string, string>;
  unitCodes: ReadonlyMap<number, string>;
  nameOf(customerId: string): string | undefined;
  managersOf(customerId: string): number[];
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
  const name = db.prepare('SELECT name FROM customers WHERE id = ?').pluck();
  const held = db.prepare(`SELECT ${heldRolesSql('@id')}`).pluck();
  return {
    unitNames,
    unitCodes,
    nameOf: (customerId) => name.get(customerId) as string | undefined,
    managersOf: (customerId) =>
      abManagers(unpackHeldRoles(customerId, held.get({ id: customerId, today }) as string | null)),
  };
}

/** The A and B managers among a customer's roles, in their order. */
function abManagers(roles: readonly HeldRole[]): number[] {
  // Made at its length (one grown by push reserves sixteen places): 20,000 stay in the kept list.
  let n = 0;
  for (const [, role] of roles) if (role === 'A' || role === 'B') n++;
  const ab = new Array<number>(n);
  n = 0;
  for (const [, role, managerId] of roles) if (role === 'A' || role === 'B') ab[n++] = managerId;
  return ab;
}

/**
 * What the work list reads with each key customer's tier (forEachTierSince), in the same pass:
 * its name and unit, the day of its latest archive update (R18), and the roles it holds (R20).
 */
const WITH_SPAN = ['cu.name', 'cu.unit_id', latestUpdateOnSql('c.customer_id'), heldRolesSql('c.customer_id')];

export function customerDuties(ctx: WorkContext, today: string, policy: Policy, facts: CustomerFacts): WorkItem[] {
  const { db } = ctx;
  const items: WorkItem[] = [];

  // R18 and R20 go by the tier each customer holds today (and, for R18, since when): one pass over
  // the key customers answers both, each used as it comes. The span's tier is the same reading of
  // runs, approvals and overrides as assignments/problems makes for the month.
  const soon = addDays(today, DUE_SOON_DAYS);
  const dueOf = archiveDueChecker(today, policy);
  const problemsOf = roleProblemChecker(db, today, policy);
  forEachTierSince(
    db,
    today,
    (customerId, span, row, at) => {
      const name = (row[at] as string | null) ?? customerId;
      const unit = facts.unitCodes.get(row[at + 1] as number) ?? '';
      const unitName = facts.unitNames.get(unit) ?? unit;
      const roles = unpackHeldRoles(customerId, row[at + 3] as string | null);
      // Both items of a customer share its A/B managers (the manager filter), worked out once.
      let managerIds: number[] | undefined;
      // R18: overdue, or due within the week. Listed under the customer's own unit; who keeps it
      // (the seed's keeper) shows on the customer's archive.
      const due = dueOf(span, row[at + 2] as string | null);
      if (due !== null && (due.overdue || due.dueOn <= soon)) {
        managerIds = abManagers(roles);
        // Each item made whole in one literal, names included: one shape, nothing added later.
        const item: WorkItemView = {
          kind: due.overdue ? 'archive_overdue' : 'archive_due',
          unit,
          customerId,
          managerIds,
          due: due.dueOn,
          unitName,
          customerName: name,
        };
        items.push(item);
      }
      // R20: missing A or B (silver and above), a gold customer without 专人, a holder who has left.
      const problems = problemsOf(span.tier, roles);
      if (problems.length > 0) {
        const item: WorkItemView = {
          kind: 'missing_ab',
          unit,
          customerId,
          managerIds: managerIds ?? abManagers(roles),
          notes: [...problems],
          unitName,
          customerName: name,
        };
        items.push(item);
      }
    },
    { columns: WITH_SPAN, params: { today } },
  );

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
