/**
 * R18 for the work list and the customer hub: every key customer's archive due date on a date, set
 * wise — the tiers and their start (tier-spans.ts) read in one pass with each customer's name and
 * latest update (one seek a customer in the (customer_id, updated_on, revision) index), the due
 * dates worked out in memory.
 */
import type { Database } from 'better-sqlite3';
import type { ArchiveDutyRow } from '../../../shared/api/types-archives';
import { type ArchiveDue, archiveDue } from '../../../shared/domain/archive/due';
import type { Policy } from '../../../shared/domain/policy/policy';
import { TIERS, type Tier } from '../../../shared/domain/tiers';
import { forEachTierSince, type TierSince } from './tier-spans';

/**
 * SQL for the day of a customer's latest update on or before `@today` (null: never updated), the
 * day R18's clock counts from; `customer` names the column holding the customer's ID. It reads
 * only the (customer_id, updated_on, revision) index: one seek a customer whatever the length of
 * the history, never the revisions' documents. A reader of every customer puts it beside the
 * other columns it needs (names, units) rather than reading the customers twice; `value` may ask
 * for more of the index's row (archives/duties: the revision too).
 */
export const latestUpdateOnSql = (customer: string, value = 'updated_on'): string =>
  `(SELECT ${value} FROM archive_revisions WHERE customer_id = ${customer} AND updated_on <= @today
    ORDER BY updated_on DESC, revision DESC LIMIT 1)`;

/**
 * R18 of one customer after another on `today`: its due date from its tier span and the day of its
 * latest update (null: never updated), or null when it has no archive duty. The date depends only
 * on the tier and the later of the update and the tier's start (or, never updated, the start
 * alone): many customers share one, and working a date out costs microseconds each, so each is
 * kept, by tier and then by that date, with no key built per customer.
 */
export function archiveDueChecker(
  today: string,
  policy: Pick<Policy, 'archiveCadence'>,
): (span: TierSince, lastUpdateOn: string | null) => (ArchiveDue & { dueOn: string }) | null {
  const memo = new Map<Tier, { never: Map<string, ArchiveDue>; after: Map<string, ArchiveDue> }>();
  return (span, on) => {
    // The later of the two; ISO dates compare as strings (not Math.max, which would give NaN).
    const anchor = on !== null && on > span.since ? on : span.since;
    let byTier = memo.get(span.tier);
    if (byTier === undefined) {
      byTier = { never: new Map(), after: new Map() };
      memo.set(span.tier, byTier);
    }
    const dates = on === null ? byTier.never : byTier.after;
    let due = dates.get(anchor);
    if (due === undefined) {
      due = archiveDue({ tier: span.tier, lastUpdatedOn: on, tierSince: span.since }, today, policy);
      dates.set(anchor, due);
    }
    return due.dueOn === null ? null : (due as ArchiveDue & { dueOn: string });
  };
}

export function archiveDuties(
  db: Database,
  policy: Pick<Policy, 'archiveCadence'>,
  today: string,
  options: { overdueOnly?: boolean; ids?: readonly string[] } = {},
): ArchiveDutyRow[] {
  const out: ArchiveDutyRow[] = [];
  const dueOf = archiveDueChecker(today, policy);
  // Each key customer's name and latest update (its day and revision) come with its tier.
  const also = ['cu.name', latestUpdateOnSql('c.customer_id', "updated_on || ' ' || revision")];
  forEachTierSince(
    db,
    today,
    (customerId, span, row, at) => {
      const last = row[at + 1] as string | null;
      const space = last === null ? -1 : last.lastIndexOf(' ');
      const on = last === null ? null : last.slice(0, space);
      const due = dueOf(span, on);
      if (due === null || (options.overdueOnly && !due.overdue)) return;
      out.push({
        customerId,
        customerName: (row[at] as string | null) ?? customerId,
        tier: span.tier,
        tierSince: span.since,
        lastUpdatedOn: on,
        revision: last === null ? null : Number(last.slice(space + 1)),
        dueOn: due.dueOn,
        overdue: due.overdue,
        daysOverdue: due.daysOverdue,
      });
    },
    { columns: also, params: { today } },
    options.ids,
  );
  // Most overdue first, then by tier (diamond first) and ID.
  const rank = Object.fromEntries(TIERS.map((t, i) => [t, i])) as Record<Tier, number>;
  out.sort(
    (a, b) =>
      b.daysOverdue - a.daysOverdue ||
      (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0) ||
      rank[a.tier] - rank[b.tier] ||
      (a.customerId < b.customerId ? -1 : 1),
  );
  return out;
}
