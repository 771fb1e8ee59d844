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
  // One seek a customer in (customer_id, updated_on, revision) for its latest update on or before
  // today, with its name: it does not grow with the history (a scan of every revision would).
  const latest = new Map<string, { on: string; revision: number }>();
  const names = new Map<string, string>();
  const rows = db
    .prepare(
      `SELECT c.id, c.name, r.updated_on, r.revision FROM customers c
       LEFT JOIN archive_revisions r ON r.id = (
         SELECT id FROM archive_revisions WHERE customer_id = c.id AND updated_on <= @today
         ORDER BY updated_on DESC, revision DESC LIMIT 1)`,
    )
    .raw()
    .all({ today }) as [string, string, string | null, number | null][];
  for (const [id, name, on, revision] of rows) {
    names.set(id, name);
    if (on !== null && revision !== null) latest.set(id, { on, revision });
  }
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
