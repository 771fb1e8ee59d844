/**
 * 待办: every duty the app knows of on a date, one list (shared/domain/worklist.ts). Each part
 * answers its own kinds from what it stores (a provider below); the list is never stored.
 */
import type { Database } from 'better-sqlite3';
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
import type { HandlerContext } from '../context';
import { keptWhileUnchanged } from '../db/unchanged';
import { inboxDuties } from '../registrations/inbox-store';
import { defineHandlers } from '../registry';
import { customerDuties, type WorkContext } from './customer-duties';
import { formsMissing } from './forms';

/** A part's duties on `today`, unfiltered (the filter applies to all parts alike). */
type Provider = (ctx: WorkContext, today: string, policy: Policy) => WorkItem[];

const PROVIDERS: readonly Provider[] = [
  (ctx, today, policy) => formsMissing(ctx.db, today, policy),
  customerDuties,
  (ctx) => inboxDuties(ctx.db),
];

/**
 * Every part's duties on a day, kept while the database is unchanged: the menu's counts and the
 * page ask for the same list, and any write (here or on the writer thread) forces a new read.
 */
const allItems = keptWhileUnchanged(
  (_db, a: { ctx: WorkContext; today: string; policy: Policy }) =>
    PROVIDERS.flatMap((provide) => provide(a.ctx, a.today, a.policy)),
  (a) => `${a.today}|${a.policy.version}`,
);

/** All duties on `today`, filtered and in working order. */
export function workItems(ctx: WorkContext, today: string, policy: Policy, filter: WorkListFilter = {}): WorkItem[] {
  const items = allItems(ctx.db, { ctx, today, policy });
  return sortWorkItems(filterWorkItems(items, filter), today);
}

/** The names the page shows: each unit's and customer's, looked up once. */
function withNames(db: Database, items: WorkItem[]): WorkItemView[] {
  const units = new Map(
    (db.prepare('SELECT code, name FROM units').all() as { code: string; name: string }[]).map((u) => [u.code, u.name]),
  );
  const ids = [...new Set(items.flatMap((i) => (i.customerId ? [i.customerId] : [])))];
  const customers = new Map(
    ids.length === 0
      ? []
      : (
          db
            .prepare('SELECT id, name FROM customers WHERE id IN (SELECT value FROM json_each(?))')
            .all(JSON.stringify(ids)) as { id: string; name: string }[]
        ).map((c) => [c.id, c.name]),
  );
  return items.map((i) => ({
    ...i,
    unitName: units.get(i.unit) ?? i.unit,
    ...(i.customerId ? { customerName: customers.get(i.customerId) ?? i.customerId } : {}),
  }));
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
      return { date: today, items: withNames(ctx.db, items), counts: countWorkItems(items) };
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
