/**
 * R18 for the work list and the customer hub: every key customer's archive due date on a date, set
 * wise — the tiers and their start (tier-spans.ts, a few reads), the latest update per customer
 * (one grouped read on the (customer_id, updated_on) index) and one pass in memory.
 */
import type { Database } from 'better-sqlite3';
import type { ArchiveDutyRow } from '../../../shared/api/types-archives';
import { archiveDue } from '../../../shared/domain/archive/due';
import type { Policy } from '../../../shared/domain/policy/policy';
import { TIERS } from '../../../shared/domain/tiers';
import { tierSpans } from './tier-spans';

export function archiveDuties(
  db: Database,
  policy: Pick<Policy, 'archiveCadence'>,
  today: string,
  options: { overdueOnly?: boolean; ids?: readonly string[] } = {},
): ArchiveDutyRow[] {
  const spans = tierSpans(db, today, options.ids);
  if (spans.size === 0) return [];
  const latest = new Map<string, { on: string; revision: number }>();
  const rows = db
    .prepare(
      `SELECT customer_id, max(updated_on) AS on_date, max(revision) AS revision FROM archive_revisions
       WHERE updated_on <= ? GROUP BY customer_id`,
    )
    .raw()
    .all(today) as [string, string, number][];
  for (const [id, on, revision] of rows) latest.set(id, { on, revision });
  const names = new Map(
    (db.prepare('SELECT id, name FROM customers').raw().all() as [string, string][]).map(([id, name]) => [id, name]),
  );
  const out: ArchiveDutyRow[] = [];
  // The due date depends only on the tier and the later of the update and the tier's start (or
  // "never updated"): many customers share one, and working a date out costs microseconds each.
  const memo = new Map<string, ReturnType<typeof archiveDue>>();
  for (const [id, span] of spans) {
    const last = latest.get(id) ?? null;
    const on = last?.on ?? null;
    // The later of the two; ISO dates compare as strings (not Math.max, which would give NaN).
    let anchor = span.since;
    if (on !== null && on > anchor) anchor = on;
    const key = `${span.tier}|${on === null ? 'n' : ''}${anchor}`;
    let due = memo.get(key);
    if (due === undefined) {
      due = archiveDue({ tier: span.tier, lastUpdatedOn: on, tierSince: span.since }, today, policy);
      memo.set(key, due);
    }
    if (due.dueOn === null) continue;
    if (options.overdueOnly && !due.overdue) continue;
    out.push({
      customerId: id,
      customerName: names.get(id) ?? id,
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
