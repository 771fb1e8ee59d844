/**
 * 待办: every duty the app knows of on a date, one list (shared/domain/worklist.ts). Each part
 * answers its own kinds from what it stores (a provider below); the list is never stored.
 */
import { AppError } from '../../../shared/api/errors';
import type { WorkItemView, WorkListCounts, WorkListView } from '../../../shared/api/types';
import { localDate } from '../../../shared/domain/dates';
import type { Policy } from '../../../shared/domain/policy/policy';
import {
  countWorkItems,
  filterWorkItems,
  sortWorkItems,
  type WorkItem,
  type WorkListFilter,
} from '../../../shared/domain/worklist';
import { complaintDuties } from '../complaints/duties';
import type { HandlerContext } from '../context';
import { keptWhileUnchanged } from '../db/unchanged';
import { discountDuties } from '../discounts/duties';
import { developmentDuties } from '../marketing/duties';
import { inboxDuties } from '../registrations/inbox-store';
import { defineHandlers } from '../registry';
import { visitDuties } from '../visits/duties';
import { type CustomerFacts, customerDuties, customerFacts, type WorkContext } from './customer-duties';
import { formsMissing } from './forms';

/** A part's duties on `today`, unfiltered (the filter applies to all parts alike). */
type Provider = (ctx: WorkContext, today: string, policy: Policy, facts: CustomerFacts) => WorkItem[];

const PROVIDERS: readonly Provider[] = [
  (ctx, today, policy) => formsMissing(ctx.db, today, policy),
  customerDuties,
  (ctx) => inboxDuties(ctx.db),
  (ctx, today) => complaintDuties(ctx.db, today),
  (ctx, today, policy, facts) => visitDuties(ctx.db, today, policy, (id) => facts.managersOf(id)),
  (ctx, today, policy, facts) => developmentDuties(ctx.db, today, policy, (id) => facts.managersOf(id)),
  (ctx, today, policy, facts) => discountDuties(ctx.db, today, policy, (id) => facts.managersOf(id)),
];

/**
 * The names the page shows, each unit's and customer's, from the facts read once: set on the items
 * in place, as the providers made them for this list alone (the most numerous come named).
 */
function withNames(items: WorkItem[], facts: CustomerFacts): WorkItemView[] {
  const views = items as WorkItemView[];
  for (const i of views) {
    if (i.unitName !== undefined) continue;
    i.unitName = facts.unitNames.get(i.unit) ?? i.unit;
    if (i.customerId) i.customerName = facts.nameOf(i.customerId) ?? i.customerId;
  }
  return views;
}

/**
 * Every part's duties on a day, named and in working order, kept while the database is unchanged:
 * the menu's counts and the page ask for the same list, and any write (here or on the writer
 * thread) forces a new read. Filtering keeps the order, so the list is sorted once, not per filter.
 */
const allItems = keptWhileUnchanged(
  (db, a: { ctx: WorkContext; today: string; policy: Policy }) => {
    const facts = customerFacts(db, a.today);
    const items = PROVIDERS.flatMap((provide) => provide(a.ctx, a.today, a.policy, facts));
    return sortWorkItems(withNames(items, facts), a.today);
  },
  (a) => `${a.today}|${a.policy.version}`,
);

/** All duties on `today`, filtered and in working order, with the names the page shows. */
export function workItems(
  ctx: WorkContext,
  today: string,
  policy: Policy,
  filter: WorkListFilter = {},
): WorkItemView[] {
  const items = allItems(ctx.db, { ctx, today, policy });
  return filterWorkItems(items, filter);
}

function dayOf(date: string | undefined, ctx: HandlerContext): { today: string; policy: Policy } {
  const today = date ?? localDate(ctx.now());
  return { today, policy: date === undefined ? ctx.policy : ctx.policies.forDate(today) };
}

export const worklistHandlers = defineHandlers({
  'worklist/list': {
    kind: 'read',
    run: ({ date, unitCode, managerId }, ctx): WorkListView => {
      if (unitCode !== undefined && !ctx.db.prepare('SELECT 1 FROM units WHERE code = ?').get(unitCode)) {
        throw new AppError(
          'NOT_FOUND',
          { zh: `找不到代码为 ${unitCode} 的单位`, en: `No unit has the code ${unitCode}` },
          { unitCode },
        );
      }
      const { today, policy } = dayOf(date, ctx);
      const filter: WorkListFilter = {
        ...(unitCode === undefined ? {} : { unit: unitCode }),
        ...(managerId === undefined ? {} : { managerId }),
      };
      const items = workItems(ctx, today, policy, filter);
      return { date: today, items, counts: countWorkItems(items) };
    },
  },
  'worklist/counts': {
    kind: 'read',
    run: ({ date }, ctx): WorkListCounts => {
      const { today, policy } = dayOf(date, ctx);
      const items = workItems(ctx, today, policy);
      return { date: today, counts: countWorkItems(items), total: items.length };
    },
  },
});
