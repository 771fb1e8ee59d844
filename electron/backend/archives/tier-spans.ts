/**
 * R18: the tier each customer holds on a date and since when (the date its current tier began), as
 * tiering/in-force.ts answers month by month. The tier in force changes only where the annual run
 * in force changes (1 January of a year after a graded one) or an R13 approval starts or ends, so
 * the months are read once per such boundary, not month by month: a handful of set-wise reads for
 * all customers (the work list, DOMAIN-DECISIONS "Archives and managers").
 */
import type { Database } from 'better-sqlite3';
import { addMonths, nextPeriod, type Period } from '../../../shared/domain/periods';
import type { Scope, Tier } from '../../../shared/domain/tiers';
import { findTierBasis, type MonthTier, monthTiers } from '../tiering/in-force';

export interface TierSpan {
  tier: Tier;
  /** First day of the first month of the current unbroken run of this tier. */
  since: string;
  source: MonthTier['source'];
  /** From the annual run in force (null for a customer known only by an R13 record). */
  scope: Scope | null;
  responsibleUnitId: number | null;
}

/** The months (≤ `period`, newest first) where the tier in force may change. */
function boundaries(db: Database, period: Period): Period[] {
  const set = new Set<Period>();
  const years = db
    .prepare(`SELECT DISTINCT CAST(run_key AS INTEGER) + 1 AS y FROM tier_runs WHERE kind = 'annual'`)
    .pluck()
    .all() as number[];
  for (const y of years) set.add(`${String(y).padStart(4, '0')}-01` as Period);
  const approvals = db.prepare('SELECT valid_from, valid_to FROM tier_approvals WHERE revoked_at IS NULL').all() as {
    valid_from: string;
    valid_to: string | null;
  }[];
  for (const a of approvals) {
    set.add(a.valid_from.slice(0, 7) as Period);
    if (a.valid_to !== null) {
      const m = a.valid_to.slice(0, 7) as Period;
      set.add(m);
      set.add(nextPeriod(m));
    }
  }
  return [...set].filter((m) => m <= period).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/**
 * Customer → its tier on `today` and since when. `ids` narrows it to some customers. Overrides
 * apply to every month as in-force.ts reads them; the span starts no earlier than the override's
 * recording date, the day the officer changed the tier.
 */
export function tierSpans(db: Database, today: string, ids?: readonly string[]): Map<string, TierSpan> {
  const period = today.slice(0, 7) as Period;
  const basis = findTierBasis(db, period);
  const current = monthTiers(db, basis, period, ids);
  const out = new Map<string, TierSpan>();
  const open = new Map<string, Tier>();
  for (const [id, t] of current) if (t.tier !== null) open.set(id, t.tier);
  if (open.size === 0) return out;
  const since = new Map<string, Period>();
  for (const id of open.keys()) since.set(id, period);
  const marks = boundaries(db, period);
  // Walk back segment by segment: a segment starts at a boundary; its tier is the one of its first month.
  let segmentStart: Period = period;
  const starts = [...marks];
  if (!starts.includes(period)) starts.unshift(period);
  for (let i = 0; i < starts.length && open.size > 0; i++) {
    segmentStart = starts[i] as Period;
    const before = addMonths(segmentStart, -1);
    const earlierStart = starts[i + 1];
    const prevBasis = findTierBasis(db, before);
    const prev = monthTiers(db, prevBasis, before, [...open.keys()]);
    for (const [id, tier] of open) {
      // Within a segment the tier is constant, so the current run reaches back to its start.
      since.set(id, segmentStart);
      if (prev.get(id)?.tier !== tier) open.delete(id);
    }
    if (earlierStart === undefined) {
      // No earlier boundary: months before this one have the same reading as `before`; with no
      // basis there, nothing was in force, so the run began here.
      for (const id of open.keys()) since.set(id, prevBasis === null ? segmentStart : before);
      break;
    }
  }
  const overrideDates = new Map(
    (
      db
        .prepare(
          'SELECT customer_id, max(created_at) AS at FROM tier_overrides WHERE revoked_at IS NULL GROUP BY customer_id',
        )
        .all() as { customer_id: string; at: string }[]
    ).map((r) => [r.customer_id, r.at.slice(0, 10)]),
  );
  const results = new Map<string, { scope: Scope; unit: number | null }>();
  if (basis !== null) {
    const rows = db
      .prepare('SELECT customer_id, scope, responsible_unit_id FROM tier_results WHERE run_id = ?')
      .raw()
      .all(basis.runId) as [string, Scope, number | null][];
    for (const [id, scope, unit] of rows) results.set(id, { scope, unit });
  }
  for (const [id, t] of current) {
    if (t.tier === null) continue;
    let from = `${since.get(id) ?? period}-01`;
    const overridden = overrideDates.get(id);
    if (t.source === 'override' && overridden !== undefined && overridden > from && overridden <= today)
      from = overridden;
    const r = results.get(id);
    out.set(id, {
      tier: t.tier,
      since: from,
      source: t.source,
      scope: r?.scope ?? null,
      responsibleUnitId: r?.unit ?? null,
    });
  }
  return out;
}
