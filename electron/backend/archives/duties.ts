/**
 * R18 for the work list and the customer hub: every key customer's archive due date on a date, set
 * wise — the tiers and their start (tier-spans.ts, a few reads), the latest update per customer
 * (one seek a customer in the (customer_id, updated_on, revision) index) and one pass in memory.
 */
import type { Database } from 'better-sqlite3';
import type { ArchiveDutyRow } from '../../../shared/api/types-archives';
import { type ArchiveDue, archiveDue } from '../../../shared/domain/archive/due';
import type { Policy } from '../../../shared/domain/policy/policy';
import { TIERS, type Tier } from '../../../shared/domain/tiers';
import { type TierSince, tierSpans } from './tier-spans';

export interface LatestUpdate {
  on: string;
  revision: number;
}

/**
 * SQL for the day of a customer's latest update on or before `@today` (null: never updated), the
 * day R18's clock counts from; `customer` names the column holding the customer's ID. It reads
 * only the (customer_id, updated_on, revision) index: one seek a customer whatever the length of
 * the history, never the revisions' documents. A reader of every customer puts it beside the
 * other columns it needs (the work list: names and units) rather than reading the customers twice.
 */
export const latestUpdateOnSql = (customer: string, value = 'updated_on'): string =>
  `(SELECT ${value} FROM archive_revisions WHERE customer_id = ${customer} AND updated_on <= @today
    ORDER BY updated_on DESC, revision DESC LIMIT 1)`;

/** Each customer's latest update on or before `today`, with its revision (absent: never updated). */
export function latestUpdates(db: Database, today: string): Map<string, LatestUpdate> {
  const out = new Map<string, LatestUpdate>();
  for (const [id, last] of db
    .prepare(`SELECT c.id, ${latestUpdateOnSql('c.id', "updated_on || ' ' || revision")} FROM customers c`)
    .raw()
    .all({ today }) as [string, string | null][]) {
    if (last === null) continue;
    const space = last.lastIndexOf(' ');
    out.set(id, { on: last.slice(0, space), revision: Number(last.slice(space + 1)) });
  }
  return out;
}

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
  const spans = tierSpans(db, today, options.ids);
  if (spans.size === 0) return [];
  const names = new Map(
    (db.prepare('SELECT id, name FROM customers').raw().all() as [string, string][]).map(([i, n]) => [i, n]),
  );
  const out: ArchiveDutyRow[] = [];
  const latest = latestUpdates(db, today);
  const dueOf = archiveDueChecker(today, policy);
  for (const [customerId, span] of spans) {
    const last = latest.get(customerId);
    const due = dueOf(span, last?.on ?? null);
    if (due === null || (options.overdueOnly && !due.overdue)) continue;
    out.push({
      customerId,
      customerName: names.get(customerId) ?? customerId,
      tier: span.tier,
      tierSince: span.since,
      lastUpdatedOn: last?.on ?? null,
      revision: last?.revision ?? null,
      dueOn: due.dueOn,
      overdue: due.overdue,
      daysOverdue: due.daysOverdue,
    });
  }
  // Most overdue first, then by tier (diamond first) and ID.
  out.sort(
    (a, b) =>
      b.daysOverdue - a.daysOverdue ||
      (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0) ||
      TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) ||
      (a.customerId < b.customerId ? -1 : 1),
  );
  return out;
}
